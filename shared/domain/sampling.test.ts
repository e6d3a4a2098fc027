import { describe, expect, it } from 'vitest';
import { allocate, drawSample, targetCount } from './sampling';

const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));

describe('targetCount', () => {
  it('caps counts at the candidates and rounds fractions, never to zero', () => {
    expect(targetCount({ count: 10 }, 40)).toBe(10);
    expect(targetCount({ count: 50 }, 40)).toBe(40);
    expect(targetCount({ fraction: 0.25 }, 40)).toBe(10);
    expect(targetCount({ fraction: 0.01 }, 40)).toBe(1);
    expect(targetCount({ fraction: 0.5 }, 5)).toBe(3);
    expect(targetCount({ fraction: 1 }, 7)).toBe(7);
    expect(targetCount({ fraction: 0.3 }, 0)).toBe(0);
  });

  it('refuses sizes that make no sense', () => {
    expect(() => targetCount({ count: 0 }, 4)).toThrow(/at least 1/);
    expect(() => targetCount({ count: 2.5 }, 4)).toThrow(/whole number/);
    expect(() => targetCount({ fraction: 0 }, 4)).toThrow(/above 0/);
    expect(() => targetCount({ fraction: 1.2 }, 4)).toThrow(/at most 1/);
  });
});

describe('allocate (largest remainder)', () => {
  it('matches the hand-computed example in the module comment', () => {
    expect(allocate([24, 13, 3], 10)).toEqual([6, 3, 1]);
  });

  it('always allocates exactly n and never more than a stratum holds', () => {
    for (const [sizes, n] of [
      [[5, 5, 5], 7],
      [[1, 1, 1, 97], 10],
      [[3, 0, 2], 5],
      [[10], 4],
      [[2, 2], 9],
    ] as Array<[number[], number]>) {
      const a = allocate(sizes, n);
      expect(a.reduce((s, x) => s + x, 0)).toBe(
        Math.min(
          n,
          sizes.reduce((s, x) => s + x, 0),
        ),
      );
      a.forEach((x, i) => expect(x).toBeLessThanOrEqual(sizes[i]!));
    }
  });

  it('gives every stratum at least one when the sample is large enough', () => {
    // Proportionally the three singletons would get 0.1 each and nothing.
    expect(allocate([1, 1, 1, 97], 10)).toEqual([1, 1, 1, 7]);
    // Too small for one each: the biggest shares win, deterministically.
    expect(allocate([1, 1, 1, 97], 2)).toEqual([0, 0, 0, 2]);
    expect(allocate([0, 4], 2)).toEqual([0, 2]);
  });

  it('breaks remainder ties by stratum size, then by order', () => {
    expect(allocate([2, 2, 2], 4)).toEqual([2, 1, 1]);
    expect(allocate([1, 3], 2)).toEqual([1, 1]);
  });
});

describe('drawSample', () => {
  it('is reproducible: same candidates and seed give the same sample, in any input order', () => {
    const a = drawSample(ids(100), { size: { count: 10 }, seed: 42, stratified: false });
    const shuffled = ids(100).reverse();
    const b = drawSample(shuffled, { size: { count: 10 }, seed: 42, stratified: false });
    expect(a.ids).toEqual(b.ids);
    expect(new Set(a.ids).size).toBe(10);
    const c = drawSample(ids(100), { size: { count: 10 }, seed: 43, stratified: false });
    expect(c.ids).not.toEqual(a.ids);
  });

  it('pins the draw of a given seed so a changed algorithm is noticed', () => {
    const a = drawSample(ids(20), { size: { count: 5 }, seed: 7, stratified: false });
    expect(a.ids).toEqual([10, 20, 8, 5, 6]);
  });

  it('draws a fraction of the candidates', () => {
    const r = drawSample(ids(40), { size: { fraction: 0.25 }, seed: 1, stratified: false });
    expect(r.ids).toHaveLength(10);
    expect(r.strata).toEqual([{ stratum: null, available: 40, drawn: 10 }]);
  });

  it('stratifies proportionally with at least one per stratum', () => {
    const candidates = [
      ...Array.from({ length: 24 }, (_, i) => ({ id: i + 1, stratum: 'A' })),
      ...Array.from({ length: 13 }, (_, i) => ({ id: 100 + i, stratum: 'B' })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: 200 + i, stratum: 'C' })),
      { id: 300, stratum: null },
    ];
    const r = drawSample(candidates, { size: { count: 10 }, seed: 5, stratified: true });
    expect(r.ids).toHaveLength(10);
    const stratumOf = new Map(candidates.map((c) => [c.id, c.stratum]));
    const counts = new Map<string | null, number>();
    for (const id of r.ids)
      counts.set(stratumOf.get(id)!, (counts.get(stratumOf.get(id)!) ?? 0) + 1);
    expect(Object.fromEntries([...counts].map(([k, v]) => [String(k), v]))).toEqual({
      A: r.strata.find((s) => s.stratum === 'A')!.drawn,
      B: r.strata.find((s) => s.stratum === 'B')!.drawn,
      C: 1,
      null: 1,
    });
    expect(r.strata.map((s) => s.stratum)).toEqual(['A', 'B', 'C', null]);
    expect(r.strata.reduce((s, x) => s + x.drawn, 0)).toBe(10);
    const again = drawSample([...candidates].reverse(), {
      size: { count: 10 },
      seed: 5,
      stratified: true,
    });
    expect(again.ids).toEqual(r.ids);
  });

  it('returns everything (shuffled) when asked for more than there is, and nothing from nothing', () => {
    const r = drawSample(ids(3), { size: { count: 10 }, seed: 1, stratified: true });
    expect([...r.ids].sort()).toEqual([1, 2, 3]);
    expect(drawSample([], { size: { fraction: 0.5 }, seed: 1, stratified: false }).ids).toEqual([]);
  });
});
