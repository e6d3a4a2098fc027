import { create } from 'zustand';
import type { MetadataFacet } from '../../../shared/api/schemas/assets';
import { api } from '../api/client';

/** Per-open-project UI state: which screen, which dialog, which asset is in the viewer. */
interface ProjectUiState {
  screen: string;
  importOpen: boolean;
  /** The import this window started; kept while its dialog is hidden so it can be reopened. */
  importJobId: string | null;
  facets: MetadataFacet[];
  /** Index into the asset list's current (filtered) order; null when the viewer is closed. */
  viewerIndex: number | null;
  /** Bumped when thumbnails may have appeared, so tiles that failed to load try again. */
  thumbRevision: number;
  /** The item open in the Label screen (kept in the URL so a reload reopens it). */
  labelAssetId: number | null;
}

const initial: ProjectUiState = {
  screen: 'assets',
  importOpen: false,
  importJobId: null,
  facets: [],
  viewerIndex: null,
  thumbRevision: 0,
  labelAssetId: null,
};

export const useProjectStore = create<ProjectUiState>(() => ({ ...initial }));

const set = useProjectStore.setState;

/** Features with unsaved work say so before the project is left (see confirmLeave). */
const leaveGuards = new Set<() => string | null>();

export const projectActions = {
  reset: () => set({ ...initial }),
  /** Registers a check returning a warning while there is unsaved work; returns its removal. */
  addLeaveGuard(guard: () => string | null): () => void {
    leaveGuards.add(guard);
    return () => leaveGuards.delete(guard);
  },
  /** True when nothing is unsaved, or the person confirms leaving anyway. */
  confirmLeave(): boolean {
    const warnings = [...leaveGuards].map((g) => g()).filter((w): w is string => w !== null);
    return warnings.length === 0 || window.confirm(`${warnings.join('\n\n')}\n\nLeave anyway?`);
  },
  showScreen: (screen: string) => set({ screen, viewerIndex: null }),
  openImport: () => set({ importOpen: true }),
  closeImport: () => set({ importOpen: false }),
  setImportJob: (importJobId: string | null) => set({ importJobId }),
  openViewer: (index: number) => set({ viewerIndex: index }),
  closeViewer: () => set({ viewerIndex: null }),
  bumpThumbs: () => set((s) => ({ thumbRevision: s.thumbRevision + 1 })),
  setLabelItem: (labelAssetId: number | null) => set({ labelAssetId }),
  async loadFacets(): Promise<void> {
    try {
      set({ facets: await api.invoke('assets:facets', {}) });
    } catch {
      set({ facets: [] });
    }
  },
};
