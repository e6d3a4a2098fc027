import { createStore } from 'zustand/vanilla';
import type { ItemStatus } from '../../../../shared/api/schemas/annotationDoc';
import type {
  QueueItem,
  QueuePage,
  StatusCounts,
} from '../../../../shared/api/schemas/annotations';

/**
 * The labeler's work queue as the Label screen shows and walks it: a filter (to do /
 * submitted / all), the items loaded so far (pages of 500, loaded on demand), and the
 * counts per status. Statuses are updated locally after a save or a submit. An item whose
 * new status leaves the filter (submitted, on "To do") stays listed only while the labeler
 * is on it or next to it, so next/previous still reach it; once they have moved further it
 * drops out of the list, as it would after a reload.
 */
export type QueueFilter = 'todo' | 'done' | 'all';

export const FILTER_STATUSES: Record<QueueFilter, ItemStatus[] | undefined> = {
  todo: ['unlabeled', 'working', 'sent_back'],
  done: ['submitted', 'accepted'],
  all: undefined,
};

export const UNFINISHED: ReadonlySet<ItemStatus> = new Set(['unlabeled', 'working', 'sent_back']);

export interface QueueState {
  filter: QueueFilter;
  items: QueueItem[];
  /** Items matching the filter on the server (leaving items no longer count). */
  total: number;
  /** Items the list shows in all: `total` plus the leaving items still listed. */
  listed: number;
  counts: StatusCounts;
  loading: boolean;
  error: string | null;
}

export type QueueFetch = (input: {
  status?: ItemStatus[];
  kind: 'image';
  offset: number;
  limit: number;
}) => Promise<QueuePage>;

const PAGE = 500;
const zero: StatusCounts = { unlabeled: 0, working: 0, submitted: 0, accepted: 0, sent_back: 0 };

export class WorkQueue {
  readonly store = createStore<QueueState>(() => ({
    filter: 'todo',
    items: [],
    total: 0,
    listed: 0,
    counts: zero,
    loading: false,
    error: null,
  }));
  private generation = 0;
  /** Listed items whose status no longer matches the filter; the server no longer counts them. */
  private readonly leaving = new Set<number>();

  constructor(private readonly fetch: QueueFetch) {}

  get state(): QueueState {
    return this.store.getState();
  }

  /** Reloads from the start with a filter (the list order is the project's path order). */
  async reset(filter: QueueFilter = this.state.filter): Promise<void> {
    const gen = ++this.generation;
    this.leaving.clear();
    this.store.setState({ filter, loading: true, error: null });
    try {
      const page = await this.fetch({ ...statusOf(filter), kind: 'image', offset: 0, limit: PAGE });
      if (gen !== this.generation) return;
      this.store.setState({
        items: page.items,
        total: page.total,
        listed: page.total,
        counts: page.counts,
        loading: false,
      });
    } catch (e) {
      if (gen !== this.generation) return;
      this.store.setState({ loading: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Loads the next page; false when everything is loaded already. */
  async loadMore(): Promise<boolean> {
    const s = this.state;
    if (s.items.length - this.leaving.size >= s.total || s.loading) return false;
    const gen = this.generation;
    this.store.setState({ loading: true });
    try {
      const page = await this.fetch({
        ...statusOf(s.filter),
        kind: 'image',
        // The server's filtered list no longer holds the leaving items, so they do not count.
        offset: s.items.length - this.leaving.size,
        limit: PAGE,
      });
      if (gen !== this.generation) return false;
      const seen = new Set(this.state.items.map((i) => i.assetId));
      const fresh = page.items.filter((i) => !seen.has(i.assetId));
      this.store.setState({
        items: [...this.state.items, ...fresh],
        total: page.total,
        listed: page.total + this.leaving.size,
        counts: page.counts,
        loading: false,
      });
      return fresh.length > 0;
    } catch (e) {
      this.store.setState({ loading: false, error: e instanceof Error ? e.message : String(e) });
      return false;
    }
  }

  /** Index of an item in the list; asking for one means the labeler is on it (see `settle`). */
  indexOf(assetId: number | null): number {
    this.settle(assetId);
    return assetId === null ? -1 : this.state.items.findIndex((i) => i.assetId === assetId);
  }

  /** Index of an item, loading pages until it shows up (-1 when it is not in the queue). */
  async locate(assetId: number | null): Promise<number> {
    let at = this.indexOf(assetId);
    while (at < 0 && assetId !== null && (await this.loadMore())) at = this.indexOf(assetId);
    return at;
  }

  /** The item `step` places away from `assetId` (loading more pages when needed). */
  async neighbour(assetId: number | null, step: 1 | -1): Promise<QueueItem | null> {
    const at = await this.locate(assetId);
    const target = at + step;
    if (target < 0) return null;
    while (target >= this.state.items.length) if (!(await this.loadMore())) return null;
    return this.state.items[target] ?? null;
  }

  /** The next unfinished item after `assetId`, wrapping around to the start once. */
  async nextUnfinished(assetId: number | null): Promise<QueueItem | null> {
    const start = await this.locate(assetId);
    for (let guard = 0; guard < 400; guard++) {
      const items = this.state.items;
      const found = findUnfinished(items, start + 1, items.length, assetId);
      if (found) return found;
      if (!(await this.loadMore())) break;
    }
    return findUnfinished(this.state.items, 0, Math.max(0, start), assetId);
  }

  /** Local update after a save or submit, counts included. */
  patch(
    assetId: number,
    change: Partial<Pick<QueueItem, 'status' | 'boxCount' | 'updatedAt'>>,
  ): void {
    // indexOf may drop rows (settle): read the state after it, or `at` points elsewhere.
    const at = this.indexOf(assetId);
    if (at < 0) return;
    const s = this.state;
    const before = s.items[at]!;
    const after = { ...before, ...change };
    const items = s.items.slice();
    items[at] = after;
    const counts = { ...s.counts };
    let total = s.total;
    if (before.status !== after.status) {
      counts[before.status] = Math.max(0, counts[before.status] - 1);
      counts[after.status] += 1;
      const wanted = FILTER_STATUSES[s.filter];
      const was = !wanted || wanted.includes(before.status);
      const is = !wanted || wanted.includes(after.status);
      if (was && !is && !this.leaving.has(assetId)) {
        this.leaving.add(assetId);
        total = Math.max(0, total - 1);
      }
    }
    this.store.setState({ items, counts, total, listed: total + this.leaving.size });
  }

  /** Nothing is left to do: the items that left the filter go now, all of them. */
  dropLeaving(): void {
    if (this.leaving.size === 0) return;
    const gone = new Set(this.leaving);
    this.leaving.clear();
    const items = this.state.items.filter((i) => !gone.has(i.assetId));
    this.store.setState({ items, listed: this.state.total });
  }

  /** Where an item is in the list as shown, and how long that list is (for "3 / 12"). */
  position(assetId: number | null): { index: number; of: number } {
    const s = this.state;
    const index = assetId === null ? -1 : s.items.findIndex((i) => i.assetId === assetId);
    return { index, of: s.listed };
  }

  /**
   * Drops the items that left the filter, except `keep` (the item the labeler is on) and its
   * direct neighbours: right after a submit the editor opens the next item, and A (previous)
   * must still lead back to the one just submitted.
   */
  private settle(keep: number | null): void {
    if (this.leaving.size === 0) return;
    const items = this.state.items;
    const at = keep === null ? -1 : items.findIndex((i) => i.assetId === keep);
    const near = new Set<number>();
    for (const i of [at - 1, at, at + 1]) {
      const id = at < 0 ? undefined : items[i]?.assetId;
      if (id !== undefined) near.add(id);
    }
    const gone = new Set([...this.leaving].filter((id) => !near.has(id)));
    if (gone.size === 0) return;
    for (const id of gone) this.leaving.delete(id);
    this.store.setState({
      items: items.filter((i) => !gone.has(i.assetId)),
      listed: this.state.total + this.leaving.size,
    });
  }
}

function statusOf(filter: QueueFilter): { status?: ItemStatus[] } {
  const status = FILTER_STATUSES[filter];
  return status ? { status } : {};
}

function findUnfinished(
  items: readonly QueueItem[],
  from: number,
  to: number,
  skip: number | null,
): QueueItem | null {
  for (let i = Math.max(0, from); i < to; i++) {
    const it = items[i]!;
    if (it.assetId !== skip && UNFINISHED.has(it.status)) return it;
  }
  return null;
}
