import { create } from 'zustand';
import type { ItemStatus } from '../../../../shared/api/schemas/annotationDoc';
import type {
  QueueItem,
  QueuePage,
  StatusCounts,
} from '../../../../shared/api/schemas/annotations';
import { api, ApiCallError } from '../../api/client';

/** The queue filters the labeler picks; "todo" is everything not yet submitted. */
export type QueueFilter = 'todo' | 'all' | ItemStatus;

export const filterStatuses: Record<QueueFilter, ItemStatus[] | undefined> = {
  todo: ['unlabeled', 'working', 'sent_back'],
  all: undefined,
  unlabeled: ['unlabeled'],
  working: ['working'],
  sent_back: ['sent_back'],
  submitted: ['submitted'],
  accepted: ['accepted'],
};

const PAGE = 200;

interface QueueState {
  filter: QueueFilter;
  kind: 'image' | 'audio' | null;
  items: QueueItem[];
  total: number;
  counts: StatusCounts | null;
  /** Open rounds the labeler labels in: their items are labeled there, not listed here. */
  openRounds: QueuePage['openRounds'];
  loading: boolean;
  error: string | null;
  /**
   * The item the labeler asked to open. The Label screen reads it (and clears it) when it
   * mounts, so the queue can hand an item over without knowing how the editor works.
   */
  focusAssetId: number | null;
}

export const useQueueStore = create<QueueState>(() => ({
  filter: 'todo',
  kind: null,
  items: [],
  total: 0,
  counts: null,
  openRounds: [],
  loading: false,
  error: null,
  focusAssetId: null,
}));
const set = useQueueStore.setState;
const get = useQueueStore.getState;

let generation = 0;

async function load(append: boolean): Promise<void> {
  const { filter, kind, items } = get();
  const mine = ++generation;
  set({ loading: true, error: null });
  try {
    const status = filterStatuses[filter];
    const page = await api.invoke('work:queue', {
      ...(status ? { status } : {}),
      ...(kind ? { kind } : {}),
      offset: append ? items.length : 0,
      limit: PAGE,
    });
    if (mine !== generation) return;
    set({
      items: append ? [...items, ...page.items] : page.items,
      total: page.total,
      counts: page.counts,
      openRounds: page.openRounds,
      loading: false,
    });
  } catch (e) {
    if (mine === generation)
      set({
        loading: false,
        error: e instanceof ApiCallError || e instanceof Error ? e.message : String(e),
      });
  }
}

export const queueActions = {
  reload: () => load(false),
  loadMore: () => load(true),
  setFilter(filter: QueueFilter): void {
    set({ filter });
    void load(false);
  },
  setKind(kind: 'image' | 'audio' | null): void {
    set({ kind });
    void load(false);
  },
  /** Asks the Label screen to open this item (see `focusAssetId`). */
  requestOpen: (assetId: number) => set({ focusAssetId: assetId }),
  /** Called by the Label screen once it has opened the requested item. */
  takeFocus(): number | null {
    const id = get().focusAssetId;
    set({ focusAssetId: null });
    return id;
  },
};
