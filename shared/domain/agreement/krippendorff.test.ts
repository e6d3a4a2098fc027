import { describe, expect, it } from 'vitest';
import { cohenKappa } from './kappa';
import {
  alphaFromSums,
  coincidenceMatrix,
  krippendorffAlphaNominal,
  unitContribution,
} from './krippendorff';

const _ = null;
/** Krippendorff (2011), section C: 4 observers, 12 units, values 1-5, missing data. */
const reliabilityData: (number | null)[][] = [
  // unit:  1  2  3  4  5  6  7  8  9 10 11 12
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _], // observer A
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3], // observer B
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _], // observer C
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _], // observer D
];
const units = reliabilityData[0]!.map((_v, u) =>
  reliabilityData.map((row) => (row[u] === null ? null : String(row[u]))),
);

describe('krippendorffAlphaNominal', () => {
  it('reproduces the published nominal example with missing data: alpha = 0.743', () => {
    const r = krippendorffAlphaNominal(units);
    expect(r.alpha).not.toBeNull();
    expect(Number(r.alpha!.toFixed(3))).toBe(0.743);
    expect(r.units).toBe(11); // unit 12 has a single value and is not pairable
    expect(r.values).toBe(40); // n = 40 pairable values, as in the paper
  });

  it('reproduces the published coincidence marginals of that example', () => {
    const { categories, o } = coincidenceMatrix(units);
    expect(categories).toEqual(['1', '2', '3', '4', '5']);
    const marginals = o.map((row) => row.reduce((s, x) => s + x, 0));
    // n_c in the paper: 9, 13, 10, 5, 3 (sum 40)
    marginals.forEach((m, i) => expect(m).toBeCloseTo([9, 13, 10, 5, 3][i]!, 12));
    expect(o[0]![0]).toBeCloseTo(7, 12);
    expect(o[1]![1]).toBeCloseTo(10, 12);
    expect(o[2]![2]).toBeCloseTo(8, 12);
    expect(o[3]![3]).toBeCloseTo(4, 12);
    expect(o[4]![4]).toBeCloseTo(3, 12);
  });

  it('reproduces the published binary two-observer example: alpha = 0.095', () => {
    // Krippendorff (2011), section A.
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const r = krippendorffAlphaNominal(a.map((v, i) => [String(v), String(b[i])]));
    expect(r.alpha).toBeCloseTo(1 - (19 * 8) / 168, 12);
    expect(Number(r.alpha!.toFixed(3))).toBe(0.095);
  });

  it("relates to Scott's pi for two coders without missing data: 1 - (2N-1)/(2N) * (1 - pi)", () => {
    const a = ['ok', 'ok', 'def', 'unc', 'def', 'ok', 'def', 'ok'];
    const b = ['ok', 'def', 'def', 'unc', 'ok', 'ok', 'def', 'unc'];
    const N = a.length;
    const po = a.filter((v, i) => v === b[i]).length / N;
    const pooled = new Map<string, number>();
    for (const v of [...a, ...b]) pooled.set(v, (pooled.get(v) ?? 0) + 1 / (2 * N));
    const pe = [...pooled.values()].reduce((s, p) => s + p * p, 0);
    const pi = (po - pe) / (1 - pe);
    const r = krippendorffAlphaNominal(a.map((v, i) => [v, b[i]!]));
    expect(r.alpha).toBeCloseTo(1 - ((2 * N - 1) / (2 * N)) * (1 - pi), 12);
    // ...and is close to, but not the same as, Cohen's kappa.
    expect(r.alpha).not.toBeCloseTo(cohenKappa(a, b).kappa!, 6);
  });

  it('is 1 for perfect agreement over two categories, null without variation or data', () => {
    expect(
      krippendorffAlphaNominal([
        ['a', 'a'],
        ['b', 'b', 'b'],
      ]).alpha,
    ).toBe(1);
    expect(
      krippendorffAlphaNominal([
        ['a', 'a'],
        ['a', 'a'],
      ]).alpha,
    ).toBeNull();
    expect(
      krippendorffAlphaNominal([
        ['a', null],
        [null, 'b'],
      ]).alpha,
    ).toBeNull();
    expect(krippendorffAlphaNominal([]).alpha).toBeNull();
  });

  it('unitContribution drops units with fewer than two values', () => {
    expect(unitContribution(['a', null, null]).values).toBe(0);
    const c = unitContribution(['a', 'a', 'b', null]);
    expect(c.values).toBe(3);
    expect(c.agreement).toBe(1); // 2 * 1 / 2
    expect(Object.fromEntries(c.categoryCounts)).toEqual({ a: 2, b: 1 });
  });

  it('alphaFromSums handles the degenerate cases', () => {
    expect(alphaFromSums(1, 0, [1])).toBeNull();
    expect(alphaFromSums(4, 4, [4])).toBeNull();
    expect(alphaFromSums(20, 12, [14, 6])).toBeCloseTo(0.0952, 4);
  });
});
