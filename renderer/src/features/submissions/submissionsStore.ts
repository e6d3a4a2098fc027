import { create } from 'zustand';
import type {
  WorkItem,
  WorkOverview,
  WorkOverviewInput,
  WorkRow,
} from '../../../../shared/api/schemas/workOverview';
import { api, ApiCallError } from '../../api/client';
import type { RowKey, StateFilter } from './submissionsModel';
import { detailKey, nextAfterAction, rowKey, stepSelection } from './submissionsModel';

/** Which work the screen lists: everything, work outside rounds, or one round's. */
export type Scope = 'all' | 'none' | number;

interface SubmissionsState {
  scope: Scope;
  /** null: everyone. */
  labelerId: number | null;
  state: StateFilter;
  overview: WorkOverview | null;
  rows: WorkRow[];
  loading: boolean;
  error: string | null;
  selected: RowKey | null;
  detail: WorkItem | null;
  detailError: string | null;
  /** An accept or send-back is on its way. */
  acting: boolean;
  actionError: string | null;
  /** The send-back comment box is open. */
  composing: boolean;
}

const initial: SubmissionsState = {
  scope: 'all',
  labelerId: null,
  // The review queue is what a lead comes here for.
  state: 'submitted',
  overview: null,
  rows: [],
  loading: false,
  error: null,
  selected: null,
  detail: null,
  detailError: null,
  acting: false,
  actionError: null,
  composing: false,
};

export const useSubmissionsStore = create<SubmissionsState>(() => initial);
const set = useSubmissionsStore.setState;
const get = useSubmissionsStore.getState;

const PAGE = 100;

function message(e: unknown): string {
  return e instanceof ApiCallError || e instanceof Error ? e.message : String(e);
}

function query(offset: number, limit: number): WorkOverviewInput {
  const { scope, labelerId, state } = get();
  return {
    ...(scope === 'all' ? {} : { roundId: scope === 'none' ? null : scope }),
    ...(labelerId !== null ? { labelerId } : {}),
    ...(state !== 'all' ? { status: [state] } : {}),
    offset,
    limit,
  };
}

let listGeneration = 0;
let detailGeneration = 0;

async function loadDetail(key: RowKey | null): Promise<void> {
  const mine = ++detailGeneration;
  const row = get().rows.find((r) => rowKey(r) === key);
  if (!row) {
    set({ detail: null, detailError: null });
    return;
  }
  try {
    const detail = await api.invoke('work:item', {
      assetId: row.assetId,
      labelerId: row.labelerId,
      ...(row.roundId !== null ? { roundId: row.roundId } : {}),
    });
    if (mine === detailGeneration) set({ detail, detailError: null });
  } catch (e) {
    if (mine === detailGeneration) set({ detail: null, detailError: message(e) });
  }
}

function select(key: RowKey | null): void {
  if (key === get().selected && get().detail) return;
  set({ selected: key, composing: false, actionError: null });
  void loadDetail(key);
}

/**
 * Reloads the first pages (as many rows as were shown, so "show more" survives a refresh)
 * and keeps the selection when the item is still listed, else takes `fallback(rows)`.
 */
async function load(
  options: { keep?: number; fallback?: (rows: WorkRow[]) => RowKey | null } = {},
): Promise<void> {
  const mine = ++listGeneration;
  set({ loading: true, error: null });
  try {
    const limit = Math.min(1000, Math.max(PAGE, options.keep ?? 0));
    const overview = await api.invoke('work:overview', query(0, limit));
    if (mine !== listGeneration) return;
    const current = get().selected;
    const kept = overview.rows.some((r) => rowKey(r) === current) ? current : null;
    // The selected item may have just left the list (reviewed here or in another window,
    // and a work:changed reload can overtake the action's own): the one that moved up into
    // its place is next, as after an action.
    const was = get().rows.findIndex((r) => rowKey(r) === current);
    const moved =
      current !== null && was >= 0 ? nextAfterAction(overview.rows, current, was) : null;
    const next =
      options.fallback?.(overview.rows) ??
      kept ??
      moved ??
      (overview.rows[0] ? rowKey(overview.rows[0]) : null);
    const changed = next !== current;
    set({ overview, rows: overview.rows, loading: false });
    if (changed || !get().detail) select(next);
    // The same item may have changed (resubmitted with new boxes): refresh what is shown.
    else void loadDetail(next);
  } catch (e) {
    if (mine === listGeneration) set({ loading: false, error: message(e) });
  }
}

async function review(status: 'accepted' | 'sent_back', comment?: string): Promise<void> {
  const { selected, rows, acting, detail } = get();
  const row = rows.find((r) => rowKey(r) === selected);
  // Only the item on screen is reviewed: while the next one loads, the panel still shows
  // the previous item, and a key pressed then must not accept something unseen.
  if (!row || acting || !detail || detailKey(detail) !== selected) return;
  const index = rows.indexOf(row);
  set({ acting: true, actionError: null });
  try {
    await api.invoke('annotations:setStatus', {
      assetId: row.assetId,
      labelerId: row.labelerId,
      ...(row.roundId !== null ? { roundId: row.roundId } : {}),
      status,
      ...(comment ? { comment } : {}),
    });
    set({ acting: false, composing: false });
    const key = rowKey(row);
    await load({
      keep: rows.length,
      fallback: (next) => nextAfterAction(next, key, index),
    });
  } catch (e) {
    set({ acting: false, actionError: message(e) });
  }
}

export const submissionsActions = {
  reload: () => load({ keep: get().rows.length }),
  async loadMore(): Promise<void> {
    const { rows } = get();
    const mine = ++listGeneration;
    set({ loading: true });
    try {
      const page = await api.invoke('work:overview', query(rows.length, PAGE));
      if (mine !== listGeneration) return;
      set({ overview: page, rows: [...rows, ...page.rows], loading: false });
    } catch (e) {
      if (mine === listGeneration) set({ loading: false, error: message(e) });
    }
  },
  /** A cell of the per-labeler table: one person (or everyone) and one state (or all). */
  filter(labelerId: number | null, state: StateFilter): void {
    set({ labelerId, state, selected: null, detail: null });
    void load();
  },
  setScope(scope: Scope): void {
    set({ scope, selected: null, detail: null });
    void load();
  },
  select,
  step(delta: number): void {
    const { rows, selected } = get();
    select(stepSelection(rows, selected, delta));
  },
  accept: () => review('accepted'),
  sendBack: (comment: string) => review('sent_back', comment.trim()),
  compose(open: boolean): void {
    set({ composing: open, actionError: null });
  },
  /** Back to the defaults (a new project or profile). */
  reset(): void {
    listGeneration++;
    detailGeneration++;
    set(initial);
  },
};
