import { describe, expect, it } from 'vitest';
import { boxIoU } from './iou';
import { matchBoxes, type ClassedBox } from './matchBoxes';
import { mulberry32 } from './rng';

const box = (classId: string, x: number, y: number, w: number, h: number): ClassedBox => ({
  classId,
  x,
  y,
  w,
  h,
});

describe('matchBoxes', () => {
  it('matches nothing when either side is empty', () => {
    expect(matchBoxes([], [])).toEqual({ pairs: [], onlyA: [], onlyB: [] });
    const a = [box('s', 0, 0, 10, 10), box('s', 50, 50, 10, 10)];
    expect(matchBoxes(a, [])).toEqual({ pairs: [], onlyA: [0, 1], onlyB: [] });
    expect(matchBoxes([], a)).toEqual({ pairs: [], onlyA: [], onlyB: [0, 1] });
  });

  it('ignores classes when matching', () => {
    const m = matchBoxes([box('scratch', 0, 0, 10, 10)], [box('dent', 1, 0, 10, 10)]);
    expect(m.pairs).toEqual([{ a: 0, b: 0, iou: 9 / 11 }]);
  });

  it('counts IoU exactly at the threshold as a match', () => {
    const a = [box('s', 0, 0, 10, 10)];
    const b = [box('s', 0, 0, 10, 5)]; // IoU = 50 / 100
    expect(matchBoxes(a, b, 0.5).pairs).toHaveLength(1);
    expect(matchBoxes(a, b, 0.5000001).pairs).toHaveLength(0);
  });

  it('counts a fractional box at 0.5 on paper that floats compute as 0.4999999999999999', () => {
    const a = [box('s', 0.2, 0, 0.3, 1)];
    const b = [box('s', 0.2, 0, 0.15, 1)];
    expect(boxIoU(a[0]!, b[0]!)).toBeLessThan(0.5);
    expect(matchBoxes(a, b, 0.5).pairs).toHaveLength(1);
  });

  it('finds the optimal assignment where greedy (highest IoU first) would be wrong, 3 x 2', () => {
    //   B2 [-2, 8]   A1 [0, 10]   B1 [1, 11]   A2 [3, 13]      A3 far away
    // A1-B1 = 9/11 (best single pair); A1-B2 = A2-B1 = 8/12; A2-B2 = 5/15 (below 0.5).
    // Greedy takes A1-B1 and leaves A2, B2 unmatched; the optimum matches both (total 4/3).
    const a = [box('s', 0, 0, 10, 10), box('s', 3, 0, 10, 10), box('s', 500, 500, 10, 10)];
    const b = [box('s', 1, 0, 10, 10), box('s', -2, 0, 10, 10)];
    const m = matchBoxes(a, b);
    expect(m.pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(m.pairs[0]!.iou).toBeCloseTo(8 / 12, 12);
    expect(m.onlyA).toEqual([2]);
    expect(m.onlyB).toEqual([]);
    // Same geometry with A and B swapped (2 x 3) gives the mirrored result.
    const swapped = matchBoxes(b, a);
    expect(swapped.pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(swapped.onlyB).toEqual([2]);
  });

  it('maximizes total IoU, not the number of matches (t = 0.3)', () => {
    // A1-B1 = 9.5/10.5 = 0.905; A1-B2 = A2-B1 = 5.2/14.8 = 0.351; A2-B2 = 0.
    // Two matches total 0.703 < 0.905, so only A1-B1 is matched.
    const a = [box('s', 0, 0, 10, 10), box('s', 5.3, 0, 10, 10)];
    const b = [box('s', 0.5, 0, 10, 10), box('s', -4.8, 0, 10, 10)];
    const m = matchBoxes(a, b, 0.3);
    expect(m.pairs.map((p) => [p.a, p.b])).toEqual([[0, 0]]);
    expect(m.onlyA).toEqual([1]);
    expect(m.onlyB).toEqual([1]);
  });

  it('breaks exact ties in favour of the same class, whatever the drawing order', () => {
    const a = [box('scratch', 10, 10, 20, 20)];
    const dent = box('dent', 10, 10, 20, 20);
    const scratch = box('scratch', 10, 10, 20, 20);
    expect(matchBoxes(a, [dent, scratch]).pairs).toEqual([{ a: 0, b: 1, iou: 1 }]);
    expect(matchBoxes(a, [scratch, dent]).pairs).toEqual([{ a: 0, b: 0, iou: 1 }]);
    expect(matchBoxes([dent, scratch], a).pairs).toEqual([{ a: 1, b: 0, iou: 1 }]);
  });

  it('never lets the class tie-break beat a real IoU difference', () => {
    const a = [box('scratch', 0, 0, 10, 10)];
    const b = [box('dent', 0, 0, 10, 10), box('scratch', 0, 0, 10, 9.9)];
    expect(matchBoxes(a, b).pairs.map((p) => p.b)).toEqual([0]);
  });

  it('is deterministic for symmetric ties without a class preference', () => {
    // Two A boxes and two B boxes, all four pairs at IoU 0.6: any perfect matching is optimal.
    const a = [box('s', 0, 0, 10, 10), box('s', 0, 0, 10, 10)];
    const b = [box('s', 0, 0, 10, 6), box('s', 0, 4, 10, 6)];
    const first = matchBoxes(a, b);
    expect(first.pairs).toHaveLength(2);
    for (let i = 0; i < 3; i++) expect(matchBoxes(a, b)).toEqual(first);
  });

  it('rejects thresholds outside (0, 1]', () => {
    expect(() => matchBoxes([], [], 0)).toThrow(RangeError);
    expect(() => matchBoxes([], [], 1.5)).toThrow(RangeError);
    expect(() => matchBoxes([], [], Number.NaN)).toThrow(RangeError);
  });

  it('matches brute force on 300 random crowded items', () => {
    const rng = mulberry32(5);
    const randomBoxes = (n: number) =>
      Array.from({ length: n }, () =>
        box(
          rng() < 0.5 ? 'a' : 'b',
          Math.floor(rng() * 20),
          Math.floor(rng() * 20),
          5 + Math.floor(rng() * 10),
          5 + Math.floor(rng() * 10),
        ),
      );
    for (let t = 0; t < 300; t++) {
      const a = randomBoxes(Math.floor(rng() * 6));
      const b = randomBoxes(Math.floor(rng() * 6));
      const m = matchBoxes(a, b, 0.4);
      const total = m.pairs.reduce((s, p) => s + p.iou, 0);
      for (const p of m.pairs) expect(p.iou).toBeGreaterThanOrEqual(0.4);
      expect(m.pairs.length + m.onlyA.length).toBe(a.length);
      expect(m.pairs.length + m.onlyB.length).toBe(b.length);
      // Brute force over all one-to-one assignments among allowed pairs.
      let best = 0;
      const used = new Array<boolean>(b.length).fill(false);
      const go = (i: number, s: number) => {
        if (i === a.length) {
          best = Math.max(best, s);
          return;
        }
        go(i + 1, s);
        for (let j = 0; j < b.length; j++) {
          const iou = boxIoU(a[i]!, b[j]!);
          if (used[j] || iou < 0.4) continue;
          used[j] = true;
          go(i + 1, s + iou);
          used[j] = false;
        }
      };
      go(0, 0);
      expect(total).toBeCloseTo(best, 9);
    }
  });
});
