import { describe, expect, it } from 'vitest';
import type { WorkRow } from '../../../../shared/api/schemas/workOverview';
import {
  ago,
  countOf,
  detailKey,
  nextAfterAction,
  rowKey,
  stepSelection,
} from './submissionsModel';

const row = (assetId: number, labelerId = 1, roundId: number | null = null): WorkRow => ({
  assetId,
  relPath: `img/${assetId}.png`,
  fileName: `${assetId}.png`,
  kind: 'image',
  labelerId,
  labelerName: 'ana',
  roundId,
  roundName: roundId === null ? null : `r${roundId}`,
  roundStatus: roundId === null ? null : 'open',
  status: 'submitted',
  boxCount: 1,
  updatedAt: '2024-01-01T00:00:00.000Z',
  submittedAt: null,
  comment: null,
});

describe('submissions model', () => {
  it('keys a row by item, person and round', () => {
    expect(rowKey(row(3, 2))).toBe('3:2:0');
    expect(rowKey(row(3, 2, 7))).toBe('3:2:7');
  });

  it('moves to the next item after an action, whether the item left the list or not', () => {
    const before = [row(1), row(2), row(3)];
    // Accepted out of the submitted queue: the next one moved up into its place.
    expect(nextAfterAction([row(1), row(3)], rowKey(row(2)), 1)).toBe(rowKey(row(3)));
    // The last one left: select the new last.
    expect(nextAfterAction([row(1), row(2)], rowKey(row(3)), 2)).toBe(rowKey(row(2)));
    // Still listed (the "all" filter): the one after it.
    expect(nextAfterAction(before, rowKey(row(1)), 0)).toBe(rowKey(row(2)));
    expect(nextAfterAction(before, rowKey(row(3)), 2)).toBe(rowKey(row(3)));
    expect(nextAfterAction([], rowKey(row(1)), 0)).toBeNull();
  });

  it('steps through the list with clamping', () => {
    const rows = [row(1), row(2), row(3)];
    expect(stepSelection(rows, null, 1)).toBe(rowKey(row(1)));
    expect(stepSelection(rows, rowKey(row(1)), 1)).toBe(rowKey(row(2)));
    expect(stepSelection(rows, rowKey(row(3)), 1)).toBe(rowKey(row(3)));
    expect(stepSelection(rows, rowKey(row(1)), -1)).toBe(rowKey(row(1)));
    expect(stepSelection(rows, 'gone', -1)).toBe(rowKey(row(1)));
    expect(stepSelection([], null, 1)).toBeNull();
  });

  it('counts a filter and says how long ago', () => {
    const c = { working: 1, submitted: 2, accepted: 3, sent_back: 4 };
    expect(countOf(c, 'all')).toBe(10);
    expect(countOf(c, 'sent_back')).toBe(4);
    const now = Date.parse('2024-01-02T00:00:00.000Z');
    expect(ago('2024-01-01T23:59:30.000Z', now)).toBe('just now');
    expect(ago('2024-01-01T23:55:00.000Z', now)).toBe('5 min ago');
    expect(ago('2024-01-01T21:00:00.000Z', now)).toBe('3 h ago');
    expect(ago('2023-12-31T00:00:00.000Z', now)).toBe('2 days ago');
    expect(ago(null, now)).toBe('');
  });

  it('keys a shown item like its row, so a stale panel is told apart from the selection', () => {
    const row = { assetId: 4, labelerId: 2, roundId: 9 };
    expect(detailKey({ assetId: 4, labelerId: 2, round: { id: 9 } })).toBe(rowKey(row));
    expect(detailKey({ assetId: 4, labelerId: 2, round: null })).toBe(
      rowKey({ ...row, roundId: null }),
    );
    expect(detailKey({ assetId: 4, labelerId: 3, round: { id: 9 } })).not.toBe(rowKey(row));
  });
});
