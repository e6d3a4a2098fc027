import { create } from 'zustand';
import type {
  ClassDef,
  InstructionSpec,
  TagDef,
} from '../../../../shared/api/schemas/instructionSpec';
import type {
  ClassResolution,
  ClassUsage,
  InstructionVersionSummary,
  StoredInstructionVersion,
  TagResolution,
  TagUsage,
} from '../../../../shared/api/schemas/instructions';
import { newId, nextPaletteColor, specProblems } from '../../../../shared/domain/instructions';
import { api, ApiCallError } from '../../api/client';
import { projectActions } from '../../stores/projectStore';
import type { StoredDraft } from './instructionsDraft';
import { clearDraft, draftDiffers, readDraft, writeDraft } from './instructionsDraft';

export type InstructionsTab = 'classes' | 'tags' | 'transcript';

/**
 * The Instructions screen's state: the latest saved version, the lead's draft of the next
 * one, and what to do with boxes of classes the draft removes.
 */
interface InstructionsState {
  loaded: boolean;
  base: StoredInstructionVersion | null;
  draft: InstructionSpec | null;
  dirty: boolean;
  tab: InstructionsTab;
  selectedClassId: string | null;
  versions: InstructionVersionSummary[];
  /** An older version opened from the history, shown read-only. */
  viewing: StoredInstructionVersion | null;
  classResolutions: ClassResolution[];
  tagResolutions: TagResolution[];
  usage: { classes: ClassUsage[]; tags: TagUsage[] } | null;
  /** A newer version appeared while the draft had unsaved changes. */
  newerVersion: number | null;
  saving: boolean;
  error: string | null;
  notice: string | null;
  /** localStorage key of this project and person's draft; null before start(). */
  draftKey: string | null;
  /** A draft left from an earlier visit (e.g. before a reload), offered back to the lead. */
  storedDraft: StoredDraft | null;
}

const initial: InstructionsState = {
  loaded: false,
  base: null,
  draft: null,
  dirty: false,
  tab: 'classes',
  selectedClassId: null,
  versions: [],
  viewing: null,
  classResolutions: [],
  tagResolutions: [],
  usage: null,
  newerVersion: null,
  saving: false,
  error: null,
  notice: null,
  draftKey: null,
  storedDraft: null,
};

export const useInstructionsStore = create<InstructionsState>(() => ({ ...initial }));
const set = useInstructionsStore.setState;
const get = useInstructionsStore.getState;

const message = (e: unknown) =>
  e instanceof ApiCallError || e instanceof Error ? e.message : String(e);

function adopt(base: StoredInstructionVersion): Partial<InstructionsState> {
  const selected = get().selectedClassId;
  const keep = base.spec.classes.some((c) => c.id === selected);
  return {
    base,
    draft: structuredClone(base.spec),
    dirty: false,
    classResolutions: [],
    tagResolutions: [],
    newerVersion: null,
    selectedClassId: keep ? selected : (base.spec.classes[0]?.id ?? null),
  };
}

/** Loads the latest version; a dirty draft is kept (a newer version is only announced). */
async function loadAll(isLead: boolean): Promise<void> {
  try {
    const [base, versions, usage] = await Promise.all([
      api.invoke('instructions:current', {}),
      api.invoke('instructions:versions', {}),
      isLead ? api.invoke('instructions:usage', {}) : Promise.resolve(null),
    ]);
    const s = get();
    if (s.dirty && s.draft && s.base) {
      const newer = base.version > s.base.version ? base.version : s.newerVersion;
      set({ versions, usage, loaded: true, error: null, newerVersion: newer });
    } else {
      set({ ...adopt(base), versions, usage, loaded: true, error: null });
    }
  } catch (e) {
    set({ loaded: true, error: message(e) });
  }
}

/** After a fresh load: offer a draft left in localStorage by an earlier visit. */
function offerStoredDraft(isLead: boolean): void {
  const { draftKey, base, dirty } = get();
  if (!isLead || !draftKey || !base || dirty) return;
  const stored = readDraft(localStorage, draftKey);
  if (stored && draftDiffers(stored, base.spec)) set({ storedDraft: stored });
  else if (stored) clearDraft(localStorage, draftKey);
}

function edit(change: (spec: InstructionSpec) => InstructionSpec): void {
  const draft = get().draft;
  if (!draft) return;
  set({ draft: change(draft), dirty: true, notice: null });
}

export const instructionsActions = {
  /**
   * Loads the latest version and follows saves made in other windows. A dirty draft of the
   * same project and person survives leaving the screen and coming back.
   */
  start(isLead: boolean, draftKey: string | null = null): () => void {
    const s = get();
    if (s.dirty && s.draft && s.draftKey === draftKey && isLead) {
      set({ viewing: null, error: null });
      void loadAll(isLead);
    } else {
      set({ ...initial, draftKey });
      void loadAll(isLead).then(() => offerStoredDraft(isLead));
    }
    return api.on('instructions:changed', ({ version }) => {
      const s = get();
      if (s.base && version <= s.base.version) return;
      if (s.dirty) set({ newerVersion: version });
      else void loadAll(isLead);
    });
  },
  reload: (isLead: boolean) => loadAll(isLead),
  setTab: (tab: InstructionsTab) => set({ tab }),
  selectClass: (selectedClassId: string | null) => set({ selectedClassId, tab: 'classes' }),
  setSpecName: (name: string) => edit((s) => ({ ...s, name })),

  addClass(): void {
    const draft = get().draft;
    if (!draft) return;
    const used = new Set(draft.classes.map((c) => c.name.toLowerCase()));
    let n = draft.classes.length + 1;
    while (used.has(`class ${n}`)) n++;
    const cls: ClassDef = {
      id: newId('cls'),
      name: `class ${n}`,
      color: nextPaletteColor(draft.classes.map((c) => c.color)),
      // The first free digit, so a new class is one keypress away in the editor at once.
      hotkey:
        ['1', '2', '3', '4', '5', '6', '7', '8', '9'].find(
          (k) => !draft.classes.some((c) => c.hotkey === k),
        ) ?? null,
      description: '',
      attributes: [],
      examples: [],
    };
    edit((s) => ({ ...s, classes: [...s.classes, cls] }));
    set({ selectedClassId: cls.id, tab: 'classes' });
  },
  updateClass(id: string, patch: Partial<ClassDef>): void {
    edit((s) => ({ ...s, classes: s.classes.map((c) => (c.id === id ? { ...c, ...patch } : c)) }));
  },
  moveClass(id: string, delta: -1 | 1): void {
    edit((s) => {
      const i = s.classes.findIndex((c) => c.id === id);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= s.classes.length) return s;
      const classes = [...s.classes];
      [classes[i], classes[j]] = [classes[j]!, classes[i]!];
      return { ...s, classes };
    });
  },
  /** Removes a class; a class with boxes needs the lead's choice (merge or delete boxes). */
  removeClass(id: string, resolution: ClassResolution | null): void {
    edit((s) => ({ ...s, classes: s.classes.filter((c) => c.id !== id) }));
    const rest = get().classResolutions.filter((r) => r.classId !== id);
    set({
      classResolutions: resolution ? [...rest, resolution] : rest,
      selectedClassId: get().draft?.classes[0]?.id ?? null,
    });
  },
  addTag(): void {
    const tag: TagDef = {
      id: newId('tag'),
      name: 'new tag',
      noDefects: false,
      hotkey: null,
      description: '',
    };
    edit((s) => ({ ...s, tags: [...s.tags, tag] }));
  },
  updateTag(id: string, patch: Partial<TagDef>): void {
    edit((s) => ({
      ...s,
      // Only one tag may be the "no defects" verdict: choosing one clears the others.
      tags: s.tags.map((t) =>
        t.id === id ? { ...t, ...patch } : patch.noDefects ? { ...t, noDefects: false } : t,
      ),
    }));
  },
  removeTag(id: string, resolution: TagResolution | null): void {
    edit((s) => ({ ...s, tags: s.tags.filter((t) => t.id !== id) }));
    const rest = get().tagResolutions.filter((r) => r.tagId !== id);
    set({ tagResolutions: resolution ? [...rest, resolution] : rest });
  },
  updateTranscript(patch: Partial<InstructionSpec['transcript']>): void {
    edit((s) => ({ ...s, transcript: { ...s.transcript, ...patch } }));
  },
  discard(): void {
    const { base, draftKey } = get();
    if (draftKey) clearDraft(localStorage, draftKey);
    if (base) set({ ...adopt(base), notice: null, error: null, storedDraft: null });
  },
  /** Takes the draft left from an earlier visit back into the editor. */
  keepStoredDraft(): void {
    const { storedDraft, base } = get();
    if (!storedDraft || !base) return;
    set({
      draft: storedDraft.spec,
      classResolutions: storedDraft.classResolutions,
      tagResolutions: storedDraft.tagResolutions,
      dirty: true,
      storedDraft: null,
      notice: null,
      // Saved on top of a version newer than the draft's: say so, as for a live save.
      newerVersion: base.version > storedDraft.baseVersion ? base.version : null,
      selectedClassId: storedDraft.spec.classes[0]?.id ?? null,
    });
  },
  discardStoredDraft(): void {
    const key = get().draftKey;
    if (key) clearDraft(localStorage, key);
    set({ storedDraft: null });
  },

  async save(note: string, isLead: boolean): Promise<boolean> {
    const { draft, base, classResolutions, tagResolutions } = get();
    if (!draft || !base) return false;
    const problems = specProblems(draft);
    if (problems.length) {
      set({ error: problems.join('; ') });
      return false;
    }
    set({ saving: true, error: null });
    try {
      const saved = await api.invoke('instructions:save', {
        spec: draft,
        note,
        baseVersion: base.version,
        classResolutions,
        tagResolutions,
      });
      const rewritten = saved.rewrittenAnnotations
        ? ` ${saved.rewrittenAnnotations} annotation(s) were updated.`
        : '';
      const notice = saved.unchanged
        ? `No changes: this is still version ${saved.version}, so no new version was saved.`
        : [`Saved as version ${saved.version}.${rewritten}`, ...saved.warnings].join(' ');
      set({ ...adopt(saved), saving: false, notice });
      void loadAll(isLead).then(() => set({ notice }));
      return true;
    } catch (e) {
      set({ saving: false, error: message(e) });
      return false;
    }
  },

  async viewVersion(version: number | null): Promise<void> {
    if (version === null || version === get().base?.version) {
      set({ viewing: null });
      return;
    }
    try {
      set({ viewing: await api.invoke('instructions:get', { version }) });
    } catch (e) {
      set({ error: message(e) });
    }
  },

  async importJson(json: string, note: string, isLead: boolean): Promise<string[] | null> {
    const base = get().base;
    set({ saving: true, error: null });
    try {
      const saved = await api.invoke('instructions:importJson', {
        json,
        note,
        ...(base ? { baseVersion: base.version } : {}),
      });
      const notice = saved.unchanged
        ? `No changes: the file matches version ${saved.version}, so no new version was saved.`
        : `Imported as version ${saved.version}.`;
      set({ ...adopt(saved), saving: false, notice });
      void loadAll(isLead);
      return saved.warnings;
    } catch (e) {
      set({ saving: false });
      throw e;
    }
  },

  /** Downloads a version as the reusable JSON file. */
  async exportJson(version?: number): Promise<void> {
    try {
      const { json, fileName } = await api.invoke(
        'instructions:exportJson',
        version ? { version } : {},
      );
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      set({ error: message(e) });
    }
  },
  clearError: () => set({ error: null }),
};

// The draft follows every change into localStorage, and is dropped once saved or discarded.
useInstructionsStore.subscribe((s, prev) => {
  if (!s.draftKey || typeof localStorage === 'undefined') return;
  if (s.dirty && s.draft && s.base) {
    if (
      s.draft !== prev.draft ||
      s.classResolutions !== prev.classResolutions ||
      s.tagResolutions !== prev.tagResolutions ||
      !prev.dirty
    ) {
      writeDraft(localStorage, s.draftKey, {
        baseVersion: s.base.version,
        spec: s.draft,
        classResolutions: s.classResolutions,
        tagResolutions: s.tagResolutions,
        savedAt: new Date().toISOString(),
      });
    }
  } else if (prev.dirty && prev.draftKey === s.draftKey) {
    clearDraft(localStorage, s.draftKey);
  }
});

const UNSAVED =
  'The instructions have unsaved changes. They are kept on this computer and offered back when you return to Instructions.';

// Closing the tab or leaving the project with a dirty draft asks first.
if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (e) => {
    if (!get().dirty) return;
    e.preventDefault();
    e.returnValue = UNSAVED;
  });
}
projectActions.addLeaveGuard(() => (get().dirty ? UNSAVED : null));
