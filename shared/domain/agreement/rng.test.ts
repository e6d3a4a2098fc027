import { describe, expect, it } from 'vitest';
import { mulberry32, randomIndex } from './rng';

describe('mulberry32', () => {
  it('gives the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 100 }, () => a());
    const ys = Array.from({ length: 100 }, () => b());
    expect(xs).toEqual(ys);
  });

  it('matches the widely used reference mulberry32 (bryc) for 32-bit seeds', () => {
    // The reference implementation, verbatim apart from types.
    const reference = (seed: number) => {
      let a = seed;
      return () => {
        let t = (a += 0x6d2b79f5);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    };
    for (const seed of [0, 1, 12345, 2 ** 31 - 1]) {
      const mine = mulberry32(seed);
      const ref = reference(seed);
      for (let i = 0; i < 50; i++) expect(mine()).toBe(ref());
    }
  });

  it('gives different sequences for different seeds, also above 2^32 and fractional', () => {
    const first = (s: number) => mulberry32(s)();
    expect(first(1)).not.toBe(first(2));
    expect(first(1)).not.toBe(first(1 + 2 ** 32));
    expect(first(0.5)).not.toBe(first(0.25));
    expect(() => mulberry32(Number.NaN)).toThrow(RangeError);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const r = mulberry32(7);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const x = r();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      bins[Math.floor(x * 10)]! += 1;
    }
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it('randomIndex covers [0, n)', () => {
    const r = mulberry32(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(randomIndex(r, 5));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
