import type { WorkCounts, WorkRow, WorkState } from '../../../../shared/api/schemas/workOverview';

/** One person's work on one item: the same asset can be in several people's queues. */
export type RowKey = string;

export function rowKey(r: Pick<WorkRow, 'assetId' | 'labelerId' | 'roundId'>): RowKey {
  return `${r.assetId}:${r.labelerId}:${r.roundId ?? 0}`;
}

/** The row key of the item a detail shows (to tell whether it is the selected one yet). */
export function detailKey(d: {
  assetId: number;
  labelerId: number;
  round: { id: number } | null;
}): RowKey {
  return rowKey({ assetId: d.assetId, labelerId: d.labelerId, roundId: d.round?.id ?? null });
}

/** The state filter of the screen: one state, or every state. */
export type StateFilter = WorkState | 'all';

/** Column order: the review queue first, then what came back from review, then work in progress. */
export const STATES: readonly WorkState[] = ['submitted', 'sent_back', 'accepted', 'working'];

export const stateLabel: Record<WorkState, string> = {
  working: 'Working',
  submitted: 'Submitted',
  accepted: 'Accepted',
  sent_back: 'Sent back',
};

export function countOf(counts: WorkCounts, filter: StateFilter): number {
  return filter === 'all' ? STATES.reduce((n, s) => n + counts[s], 0) : counts[filter];
}

/**
 * Which row to select after an action on `actedKey` (at `actedIndex` in the list before the
 * reload): the next one. If the item left the list (accepted out of the "submitted" queue)
 * the next item has moved up into its place; if it stayed (the "all" filter) it is the one
 * after it. Null when the list is empty.
 */
export function nextAfterAction(
  rows: readonly WorkRow[],
  actedKey: RowKey,
  actedIndex: number,
): RowKey | null {
  if (rows.length === 0) return null;
  const still = rows.findIndex((r) => rowKey(r) === actedKey);
  const index = still >= 0 ? Math.min(still + 1, rows.length - 1) : actedIndex;
  return rowKey(rows[Math.max(0, Math.min(index, rows.length - 1))]!);
}

/** The row `delta` steps from `current` (clamped); the first row when nothing is selected. */
export function stepSelection(
  rows: readonly WorkRow[],
  current: RowKey | null,
  delta: number,
): RowKey | null {
  if (rows.length === 0) return null;
  const at = current === null ? -1 : rows.findIndex((r) => rowKey(r) === current);
  if (at < 0) return rowKey(rows[0]!);
  return rowKey(rows[Math.max(0, Math.min(rows.length - 1, at + delta))]!);
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date. */
export function ago(iso: string | null, now = Date.now()): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, (now - t) / 1000);
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  if (s < 7 * 86400) {
    const d = Math.round(s / 86400);
    return `${d} day${d === 1 ? '' : 's'} ago`;
  }
  return new Date(t).toLocaleDateString();
}

export const plural = (n: number, word: string, many = `${word}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
