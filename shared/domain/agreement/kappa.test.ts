import { describe, expect, it } from 'vitest';
import { cohenKappa, kappaFromCounts } from './kappa';

/** Expands a 2x2 yes/no contingency table into two rater value lists. */
function fromTable(yy: number, yn: number, ny: number, nn: number) {
  const a: string[] = [];
  const b: string[] = [];
  const push = (count: number, va: string, vb: string) => {
    for (let i = 0; i < count; i++) {
      a.push(va);
      b.push(vb);
    }
  };
  push(yy, 'yes', 'yes');
  push(yn, 'yes', 'no');
  push(ny, 'no', 'yes');
  push(nn, 'no', 'no');
  return { a, b };
}

describe('cohenKappa', () => {
  it('textbook example: 50 grant proposals (Wikipedia, "Cohen\'s kappa") -> 0.4', () => {
    // A yes & B yes 20, A yes & B no 5, A no & B yes 10, both no 15.
    // p_o = 35/50 = 0.7; p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = 0.2 / 0.5.
    const { a, b } = fromTable(20, 5, 10, 15);
    const r = cohenKappa(a, b);
    expect(r.items).toBe(50);
    expect(r.kappa).toBeCloseTo(0.4, 12);
  });

  it('same agreement, different kappa (Wikipedia): 0.1304 and 0.2593', () => {
    const first = fromTable(45, 15, 25, 15);
    const second = fromTable(25, 35, 5, 35);
    expect(cohenKappa(first.a, first.b).kappa).toBeCloseTo(0.06 / 0.46, 12);
    expect(cohenKappa(first.a, first.b).kappa).toBeCloseTo(0.1304, 4);
    expect(cohenKappa(second.a, second.b).kappa).toBeCloseTo(0.2593, 4);
  });

  it('three categories, hand-computed', () => {
    // Table (rows A, cols B) over ok/def/unc:
    //   ok:  [10, 2, 0]   def: [1, 5, 2]   unc: [0, 1, 3]   n = 24
    // p_o = 18/24 = 0.75; A marginals 12, 8, 4; B marginals 11, 8, 5
    // p_e = (12*11 + 8*8 + 4*5) / 576 = 216/576 = 0.375; kappa = 0.375/0.625 = 0.6
    const table: Array<[string, string, number]> = [
      ['ok', 'ok', 10],
      ['ok', 'def', 2],
      ['def', 'ok', 1],
      ['def', 'def', 5],
      ['def', 'unc', 2],
      ['unc', 'def', 1],
      ['unc', 'unc', 3],
    ];
    const a: string[] = [];
    const b: string[] = [];
    for (const [va, vb, k] of table) {
      for (let i = 0; i < k; i++) {
        a.push(va);
        b.push(vb);
      }
    }
    expect(cohenKappa(a, b).kappa).toBeCloseTo(0.6, 12);
  });

  it('skips items either rater left untagged (missing)', () => {
    const r = cohenKappa(['x', null, 'y', 'x', 'y'], ['x', 'y', null, 'x', 'y']);
    expect(r.items).toBe(3);
    // x,x / x,x / y,y: perfect agreement with two categories.
    expect(r.kappa).toBe(1);
  });

  it('is 1 for perfect agreement and negative for systematic disagreement', () => {
    expect(cohenKappa(['a', 'b', 'a', 'b'], ['a', 'b', 'a', 'b']).kappa).toBe(1);
    expect(cohenKappa(['a', 'b', 'a', 'b'], ['b', 'a', 'b', 'a']).kappa).toBe(-1);
  });

  it('is n/a without items or when both used one category throughout', () => {
    expect(cohenKappa([], []).kappa).toBeNull();
    expect(cohenKappa([null], ['a']).kappa).toBeNull();
    expect(cohenKappa(['ok', 'ok', 'ok'], ['ok', 'ok', 'ok']).kappa).toBeNull();
  });

  it('rejects lists of different length', () => {
    expect(() => cohenKappa(['a'], [])).toThrow(RangeError);
  });

  it('kappaFromCounts agrees with the list form', () => {
    expect(kappaFromCounts(50, 35, [25, 25], [30, 20])).toBeCloseTo(0.4, 12);
    expect(kappaFromCounts(0, 0, [], [])).toBeNull();
  });
});
