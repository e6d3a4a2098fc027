import { describe, expect, it } from 'vitest';
import { compareItemBoxes, f1Score } from './boxAgreement';
import type { ClassedBox } from './matchBoxes';

const box = (classId: string, x: number, y = 0, w = 10, h = 10): ClassedBox => ({
  classId,
  x,
  y,
  w,
  h,
});

describe('f1Score', () => {
  it('is 2 * agreements / (nA + nB), and n/a when both are empty', () => {
    expect(f1Score(46, 50, 52)).toBeCloseTo(92 / 102, 15);
    expect(f1Score(0, 3, 0)).toBe(0);
    expect(f1Score(0, 0, 0)).toBeNull();
  });
});

describe('compareItemBoxes', () => {
  it('two empty items are in full agreement with no F1', () => {
    const c = compareItemBoxes([], []);
    expect(c).toMatchObject({ nA: 0, nB: 0, agreements: 0, classConflicts: 0, onlyA: 0, onlyB: 0 });
    expect(c.fullAgreement).toBe(true);
    expect(c.perClass.size).toBe(0);
    expect(c.confusion).toEqual([]);
  });

  it('an empty verdict against boxes is all only-A / only-B', () => {
    const c = compareItemBoxes([box('scratch', 0), box('dent', 100)], []);
    expect(c).toMatchObject({ onlyA: 2, onlyB: 0, agreements: 0, fullAgreement: false });
    expect(c.confusion).toEqual([
      { a: 'scratch', b: null, count: 1 },
      { a: 'dent', b: null, count: 1 },
    ]);
    expect(f1Score(c.agreements, c.nA, c.nB)).toBe(0);
  });

  it('all-conflict item: every box matched, every class different', () => {
    const a = [box('scratch', 0), box('dent', 100), box('scratch', 200)];
    const b = [box('dent', 0), box('scratch', 100), box('dent', 200)];
    const c = compareItemBoxes(a, b);
    expect(c).toMatchObject({
      agreements: 0,
      classConflicts: 3,
      onlyA: 0,
      onlyB: 0,
      fullAgreement: false,
    });
    expect(c.agreementIoUSum).toBe(0);
    expect(Object.fromEntries(c.perClass)).toEqual({
      scratch: { nA: 2, nB: 1, agreements: 0 },
      dent: { nA: 1, nB: 2, agreements: 0 },
    });
    expect(c.confusion).toEqual([
      { a: 'scratch', b: 'dent', count: 2 },
      { a: 'dent', b: 'scratch', count: 1 },
    ]);
  });

  it('mixed item, hand-computed', () => {
    // A: scratch@0 (B: scratch@1, IoU 9/11), dent@100 (B: scratch@100, conflict),
    //    pit@300 (alone). B: also hole@500 (alone).
    const a = [box('scratch', 0), box('dent', 100), box('pit', 300)];
    const b = [box('scratch', 1), box('scratch', 100), box('hole', 500)];
    const c = compareItemBoxes(a, b);
    expect(c).toMatchObject({ nA: 3, nB: 3, agreements: 1, classConflicts: 1, onlyA: 1, onlyB: 1 });
    expect(c.agreementIoUSum).toBeCloseTo(9 / 11, 15); // the conflict's IoU 1 is not included
    expect(Object.fromEntries(c.perClass)).toEqual({
      scratch: { nA: 1, nB: 2, agreements: 1 },
      dent: { nA: 1, nB: 0, agreements: 0 },
      pit: { nA: 1, nB: 0, agreements: 0 },
      hole: { nA: 0, nB: 1, agreements: 0 },
    });
    expect(f1Score(1, 1, 2)).toBeCloseTo(2 / 3, 15);
    expect(f1Score(c.agreements, c.nA, c.nB)).toBeCloseTo(2 / 6, 15);
  });

  it('identical annotations are in full agreement', () => {
    const a = [box('scratch', 0), box('dent', 100, 50, 30, 7)];
    const c = compareItemBoxes(
      a,
      a.map((x) => ({ ...x })),
    );
    expect(c).toMatchObject({ agreements: 2, fullAgreement: true });
    expect(c.agreementIoUSum).toBe(2);
  });

  it('uses the threshold passed in', () => {
    const a = [box('s', 0)];
    const b = [box('s', 4)]; // IoU 6 / 14 = 0.43
    expect(compareItemBoxes(a, b, 0.5).fullAgreement).toBe(false);
    expect(compareItemBoxes(a, b, 0.4).fullAgreement).toBe(true);
  });
});
