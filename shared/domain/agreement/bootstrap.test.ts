import { describe, expect, it } from 'vitest';
import { bootstrapCi95, figureOnAllItems, percentile, type BootstrapFigure } from './bootstrap';
import { mulberry32 } from './rng';

/** F1 from per-item agreements and nA + nB. */
const f1Figure = (agreements: number[], boxes: number[]): BootstrapFigure => ({
  columns: [Float64Array.from(agreements), Float64Array.from(boxes)],
  value: (s) => (s[1]! > 0 ? (2 * s[0]!) / s[1]! : null),
});

describe('percentile', () => {
  it('interpolates linearly (R type 7)', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 0)).toBe(1);
    expect(percentile([1, 2, 3, 4], 1)).toBe(4);
    expect(percentile([10], 0.975)).toBe(10);
    expect(percentile([0, 10], 0.025)).toBeCloseTo(0.25, 15);
    expect(() => percentile([], 0.5)).toThrow(RangeError);
  });
});

describe('bootstrapCi95', () => {
  it('is reproducible with a seed and changes with another seed', () => {
    const rng = mulberry32(1);
    const agreements = Array.from({ length: 40 }, () => Math.floor(rng() * 5));
    const boxes = agreements.map((a) => 2 * a + Math.floor(rng() * 4));
    const fig = f1Figure(agreements, boxes);
    const a = bootstrapCi95(40, [fig], { samples: 500, seed: 7 });
    const b = bootstrapCi95(40, [fig], { samples: 500, seed: 7 });
    const c = bootstrapCi95(40, [fig], { samples: 500, seed: 8 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const [lo, hi] = a[0]!;
    const point = figureOnAllItems(fig)!;
    expect(lo).toBeLessThanOrEqual(point);
    expect(hi).toBeGreaterThanOrEqual(point);
    expect(hi - lo).toBeGreaterThan(0);
  });

  it('gives a zero-width interval when every item is the same', () => {
    const fig = f1Figure(new Array(30).fill(3), new Array(30).fill(8));
    const [ci] = bootstrapCi95(30, [fig], { samples: 200, seed: 1 });
    expect(ci![0]).toBeCloseTo(0.75, 12);
    expect(ci![1]).toBeCloseTo(0.75, 12);
  });

  it('narrows as the number of items grows (0.41 from 17 items is not 0.41 from 1,700)', () => {
    // Per item: agreement w.p. ~0.41 for a single box each side.
    const make = (n: number) => {
      const rng = mulberry32(n);
      const agreements = Array.from({ length: n }, () => (rng() < 0.41 ? 1 : 0));
      return f1Figure(agreements, new Array(n).fill(2));
    };
    const width = (n: number) => {
      const [ci] = bootstrapCi95(n, [make(n)], { samples: 1000, seed: 3 });
      return ci![1] - ci![0];
    };
    const small = width(17);
    const large = width(1700);
    expect(small).toBeGreaterThan(0.3);
    expect(large).toBeLessThan(0.07);
  });

  it('covers the true mean about 95% of the time (binomial sanity check)', () => {
    const rng = mulberry32(123);
    let covered = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const xs = Array.from({ length: 60 }, () => (rng() < 0.7 ? 1 : 0));
      const fig: BootstrapFigure = { columns: [Float64Array.from(xs)], value: (s) => s[0]! / 60 };
      const [ci] = bootstrapCi95(60, [fig], { samples: 400, seed: t });
      if (ci![0] <= 0.7 && 0.7 <= ci![1]) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.88);
    expect(covered / trials).toBeLessThan(0.99);
  });

  it('skips resamples where the figure is undefined, and returns null when it never is', () => {
    // Only item 0 has boxes; resamples that miss it have no F1.
    const fig = f1Figure([1, 0, 0, 0, 0], [2, 0, 0, 0, 0]);
    const never = f1Figure([0, 0, 0, 0, 0], [0, 0, 0, 0, 0]);
    const [ci, none] = bootstrapCi95(5, [fig, never], { samples: 100, seed: 2 });
    expect(ci).toEqual([1, 1]);
    expect(none).toBeNull();
  });

  it('is off with 0 samples or no items, and checks column lengths', () => {
    const fig = f1Figure([1], [2]);
    expect(bootstrapCi95(1, [fig], { samples: 0, seed: 1 })).toEqual([null]);
    expect(bootstrapCi95(0, [f1Figure([], [])], { samples: 10, seed: 1 })).toEqual([null]);
    expect(() => bootstrapCi95(2, [fig], { samples: 10, seed: 1 })).toThrow(RangeError);
  });
});
