import { describe, expect, it } from 'vitest';
import { boundaryDeviationMs, matchSegments } from './segmentMatching';

const seg = (start: number, end: number) => ({ start, end });

describe('matchSegments', () => {
  it('matches overlapping segments at temporal IoU >= 0.5 and measures boundaries in ms', () => {
    // A: [0, 2] [3, 5] [10, 11]   B: [0.1, 2.1] [3, 4] [20, 21]
    // [0,2]-[0.1,2.1]: IoU 1.9/2.1; [3,5]-[3,4]: IoU 0.5 exactly (counts); [10,11] alone.
    const m = matchSegments(
      [seg(0, 2), seg(3, 5), seg(10, 11)],
      [seg(0.1, 2.1), seg(3, 4), seg(20, 21)],
    );
    expect(m.pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(m.onlyA).toEqual([2]);
    expect(m.onlyB).toEqual([2]);
    // |0-0.1| + |2-2.1| + |3-3| + |5-4| = 0.1 + 0.1 + 0 + 1 s = 1200 ms over 4 boundaries.
    expect(m.boundaryAbsSumMs).toBeCloseTo(1200, 9);
    expect(boundaryDeviationMs(m)).toBeCloseTo(300, 9);
  });

  it('uses the optimal assignment: one long segment against a split one', () => {
    // A says [0, 4]; B split it into [0, 2.2] and [2.2, 4]. IoUs 0.55 and 0.45: only the first.
    const m = matchSegments([seg(0, 4)], [seg(0, 2.2), seg(2.2, 4)]);
    expect(m.pairs.map((p) => p.b)).toEqual([0]);
    expect(m.onlyB).toEqual([1]);
  });

  it('has no deviation without matches', () => {
    const m = matchSegments([], [seg(0, 1)]);
    expect(m.pairs).toEqual([]);
    expect(boundaryDeviationMs(m)).toBeNull();
  });
});
