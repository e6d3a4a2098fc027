import { create } from 'zustand';
import type { Asset, AssetKind } from '../../../shared/api/schemas/assets';
import { api } from '../api/client';
import { errorMessage } from './sessionStore';

export const PAGE_SIZE = 200;

export interface AssetFilter {
  kind: AssetKind | null;
  metadata: Record<string, string>;
  search: string;
}

/**
 * The asset list is never loaded whole: pages of PAGE_SIZE are fetched as the grid (or the
 * viewer's prev/next) reaches them, and dropped when the filter changes. `generation`
 * guards against a slow answer for an old filter landing in the new list.
 */
interface AssetsState {
  filter: AssetFilter;
  /** Null until the first page of the current filter arrives. */
  total: number | null;
  pages: Record<number, Asset[]>;
  generation: number;
  error: string | null;
}

export const emptyFilter: AssetFilter = { kind: null, metadata: {}, search: '' };

export const useAssetsStore = create<AssetsState>(() => ({
  filter: emptyFilter,
  total: null,
  pages: {},
  generation: 0,
  error: null,
}));

const get = useAssetsStore.getState;
const set = useAssetsStore.setState;
const inFlight = new Map<string, Promise<void>>();

function queryFor(filter: AssetFilter, page: number) {
  return {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(Object.keys(filter.metadata).length ? { metadata: filter.metadata } : {}),
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

function loadPage(page: number): Promise<void> {
  const { generation, filter } = get();
  const key = `${generation}:${page}`;
  const running = inFlight.get(key);
  if (running) return running;
  const p = (async () => {
    try {
      const result = await api.invoke('assets:list', queryFor(filter, page));
      if (get().generation !== generation) return;
      set((s) => ({
        total: result.total,
        pages: { ...s.pages, [page]: result.items },
        error: null,
      }));
    } catch (e) {
      if (get().generation === generation) set({ error: errorMessage(e) });
    } finally {
      inFlight.delete(key);
    }
  })();
  inFlight.set(key, p);
  return p;
}

export const assetActions = {
  /** Starts over with a new filter (or the same one after an import). */
  reload(filter: AssetFilter = get().filter): Promise<void> {
    set((s) => ({ filter, total: null, pages: {}, generation: s.generation + 1, error: null }));
    return loadPage(0);
  },
  setFilter(patch: Partial<AssetFilter>): Promise<void> {
    return assetActions.reload({ ...get().filter, ...patch });
  },
  setMetadataFilter(name: string, value: string | null): Promise<void> {
    const metadata = { ...get().filter.metadata };
    if (value === null) delete metadata[name];
    else metadata[name] = value;
    return assetActions.reload({ ...get().filter, metadata });
  },
  /** Makes sure the items [start, end) are loaded or loading. */
  ensureRange(start: number, end: number): void {
    const { pages, total } = get();
    const last = total === null ? end - 1 : Math.min(end, total) - 1;
    for (
      let p = Math.floor(Math.max(0, start) / PAGE_SIZE);
      p <= Math.floor(last / PAGE_SIZE);
      p++
    ) {
      if (!pages[p]) void loadPage(p);
    }
  },
  /** The asset at an index of the current order, loading its page if needed. */
  async at(index: number): Promise<Asset | undefined> {
    const page = Math.floor(index / PAGE_SIZE);
    if (!get().pages[page]) await loadPage(page);
    return get().pages[page]?.[index % PAGE_SIZE];
  },
};

/** Selects one item; a tile re-renders only when its own asset changes. */
export const useAssetAt = (index: number): Asset | undefined =>
  useAssetsStore((s) => s.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE]);
