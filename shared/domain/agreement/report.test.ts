import { describe, expect, it } from 'vitest';
import { AgreementReport } from '../../api/schemas/agreement';
import type { AnnotationDoc, Box } from '../../api/schemas/annotationDoc';
import { computeAgreement, type LabelerDocs } from './report';
import { mulberry32 } from './rng';

let boxId = 0;
const box = (classId: string, x: number, y = 0, w = 10, h = 10): Box => ({
  id: `b${++boxId}`,
  classId,
  x,
  y,
  w,
  h,
  attributes: {},
  uncertain: false,
  source: null,
});
const doc = (
  boxes: Box[],
  tags: string[] = [],
  over: Partial<AnnotationDoc> = {},
): AnnotationDoc => ({
  boxes,
  tags,
  noDefects: false,
  uncertain: false,
  segments: [],
  ...over,
});
const docsOf = (byLabeler: Record<string, Record<string, AnnotationDoc>>): LabelerDocs =>
  new Map(Object.entries(byLabeler).map(([l, items]) => [l, new Map(Object.entries(items))]));
const noBoot = { samples: 0, seed: 1 };

describe('computeAgreement, two labelers (hand-computed)', () => {
  // item1: scratch pair (IoU 9/11) + identical dent pair: 2 agreements, full agreement.
  // item2: scratch vs dent on the same spot: 1 class conflict.
  // item3: both empty with the no-defects verdict: full agreement.
  // item4: only ana annotated it: skipped.
  const docs = docsOf({
    ana: {
      item1: doc([box('scratch', 0), box('dent', 100)], ['defective']),
      item2: doc([box('scratch', 0)], ['defective']),
      item3: doc([], [], { noDefects: true }),
      item4: doc([box('scratch', 0)]),
    },
    ben: {
      item1: doc([box('scratch', 1), box('dent', 100)], ['defective']),
      item2: doc([box('dent', 0)], ['uncertain']),
      item3: doc([], ['ok'], { noDefects: true }),
    },
  });
  const report = computeAgreement({
    labelers: ['ana', 'ben'],
    items: ['item1', 'item2', 'item3', 'item4'],
    docs,
    classNames: { scratch: 'Scratch', dent: 'Dent', pit: 'Pit' },
    noDefectsTagId: 'ok',
    bootstrap: noBoot,
    round: 'r1',
  });

  it('validates against the shared report schema', () => {
    expect(() => AgreementReport.parse(report)).not.toThrow();
  });

  it('counts items, skipped items and full agreement', () => {
    expect(report).toMatchObject({
      round: 'r1',
      iou: 0.5,
      labelers: ['ana', 'ben'],
      items: 3,
      itemsSkipped: 1,
    });
    expect(report.itemsInFullAgreement).toBe(2);
    expect(report.perItem.map((i) => [i.itemKey, i.fullAgreement, i.disagreements])).toEqual([
      ['item1', true, 0],
      ['item2', false, 1],
      ['item3', true, 0],
    ]);
  });

  it('box figures: F1 = 2 * 2 / (3 + 3), mean IoU over agreement pairs only', () => {
    expect(report.boxes).toMatchObject({
      nA: 3,
      nB: 3,
      agreements: 2,
      classConflicts: 1,
      onlyA: 0,
      onlyB: 0,
      items: 2,
    });
    expect(report.boxes.f1).toBeCloseTo(4 / 6, 15);
    expect(report.boxes.meanIoU).toBeCloseTo((9 / 11 + 1) / 2, 15);
    expect(report.boxes.f1Ci95).toBeNull(); // bootstrap off
    expect(report.boxes.meanIoUCi95).toBeNull();
    // The items behind each count: agreements only in item1, the conflict in item2.
    expect(report.boxes).toMatchObject({
      meanIoUItems: 1,
      conflictItems: 1,
      onlyAItems: 0,
      onlyBItems: 0,
    });
  });

  it('per class, worst first, unused classes last as n/a', () => {
    expect(report.boxes.perClass.map((c) => [c.class, c.nA, c.nB, c.agreements, c.items])).toEqual([
      ['Dent', 1, 2, 1, 2],
      ['Scratch', 2, 1, 1, 2],
      ['Pit', 0, 0, 0, 0],
    ]);
    expect(report.boxes.perClass[0]!.f1).toBeCloseTo(2 / 3, 15);
    expect(report.boxes.perClass[2]!.f1).toBeNull();
  });

  it('tags: the verdict and the "ok" tag are one value; kappa 0.5, alpha 12/22', () => {
    // ana: def, def, ok; ben: def, unc, ok. p_o = 2/3, p_e = 3/9 -> kappa = 0.5.
    expect(report.tags.cohenKappa).toBeCloseTo(0.5, 12);
    expect(report.tags.cohenKappaItems).toBe(3);
    // n = 6, sum o_cc = 4, n_c = 3, 1, 2 -> alpha = 1 - 5 * 2 / (36 - 14).
    expect(report.tags.krippendorffAlpha).toBeCloseTo(12 / 22, 12);
    expect(report.tags.krippendorffAlphaItems).toBe(3);
    expect(report.perItem[2]!.tags).toEqual({ ana: ['ok'], ben: ['ok'] });
    expect(report.perItem.map((i) => i.pairs[0]!.tagsAgree)).toEqual([true, false, true]);
  });

  it('one pair with its confusion matrix; top level equals the pair', () => {
    expect(report.pairs).toHaveLength(1);
    const pair = report.pairs[0]!;
    expect(pair.labelers).toEqual(['ana', 'ben']);
    expect(pair.boxes).toEqual(report.boxes);
    expect(pair.tags).toEqual(report.tags);
    expect(pair.confusion).toEqual({
      classIds: ['scratch', 'dent', 'pit'],
      matrix: [
        [1, 1, 0, 0],
        [0, 1, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
    });
  });

  it('per-item detail for click-through', () => {
    expect(report.perItem[1]!.pairs[0]).toMatchObject({
      labelers: ['ana', 'ben'],
      fullAgreement: false,
      classConflicts: 1,
      perClass: [
        { classId: 'scratch', nA: 1, nB: 0, agreements: 0 },
        { classId: 'dent', nA: 0, nB: 1, agreements: 0 },
      ],
      confusion: [{ a: 'scratch', b: 'dent', count: 1 }],
      meanIoU: null,
      transcript: null,
    });
  });

  it('no transcripts: every transcript figure is n/a', () => {
    expect(report.transcripts).toMatchObject({
      wer: null,
      cer: null,
      boundaryDeviationMs: null,
      items: 0,
    });
  });
});

describe('computeAgreement, three labelers with missing annotations', () => {
  // X: all three (ana s, ben s, cid d); Y: ana + ben (ana s, ben nothing); Z: ben + cid (s, s);
  // W: cid only (skipped).
  const docs = docsOf({
    ana: { X: doc([box('s', 0)], ['def']), Y: doc([box('s', 0)], ['def']) },
    ben: {
      X: doc([box('s', 0)], ['def']),
      Y: doc([]),
      Z: doc([box('s', 0)], [], { noDefects: true }),
    },
    cid: { X: doc([box('d', 0)], ['unc']), Z: doc([box('s', 0)], ['ok']), W: doc([box('s', 0)]) },
  });
  const report = computeAgreement({
    labelers: ['ana', 'ben', 'cid'],
    items: ['X', 'Y', 'Z', 'W'],
    docs,
    noDefectsTagId: 'ok',
    bootstrap: noBoot,
  });

  it('validates against the schema', () => {
    expect(() => AgreementReport.parse(report)).not.toThrow();
  });

  it('reports every pair', () => {
    const byPair = Object.fromEntries(report.pairs.map((p) => [p.labelers.join('-'), p]));
    expect(Object.keys(byPair)).toEqual(['ana-ben', 'ana-cid', 'ben-cid']);
    expect(byPair['ana-ben']!.items).toBe(2);
    expect(byPair['ana-ben']!.boxes).toMatchObject({ nA: 2, nB: 1, agreements: 1, onlyA: 1 });
    expect(byPair['ana-ben']!.boxes.f1).toBeCloseTo(2 / 3, 15);
    expect(byPair['ana-cid']!.items).toBe(1);
    expect(byPair['ana-cid']!.boxes).toMatchObject({ f1: 0, classConflicts: 1 });
    expect(byPair['ben-cid']!.boxes).toMatchObject({
      nA: 2,
      nB: 2,
      agreements: 1,
      classConflicts: 1,
      f1: 0.5,
    });
  });

  it('top-level boxes are means over pairs', () => {
    expect(report.items).toBe(3);
    expect(report.itemsSkipped).toBe(1);
    expect(report.itemsInFullAgreement).toBe(1); // only Z
    expect(report.boxes.f1).toBeCloseTo((2 / 3 + 0 + 0.5) / 3, 15);
    expect(report.boxes.agreements).toBeCloseTo(2 / 3, 15);
    expect(report.boxes.items).toBe(3);
    const perClass = report.boxes.perClass.map((c) => [c.classId, c.f1, c.items]);
    // d: (n/a, 0, 0) -> 0; s: (2/3, 0, 2/3) -> 4/9. Worst first.
    expect(perClass[0]).toEqual(['d', 0, 1]);
    expect(perClass[1]![0]).toBe('s');
    expect(perClass[1]![1]).toBeCloseTo(4 / 9, 15);
    expect(perClass[1]![2]).toBe(3);
    // Items where any pair agrees (X, Z), conflicts (X), has a box only the first drew (Y).
    expect(report.boxes).toMatchObject({
      meanIoUItems: 2,
      conflictItems: 1,
      onlyAItems: 1,
      onlyBItems: 0,
    });
  });

  it('tags: no Cohen kappa at the top level; alpha over all labelers at once', () => {
    expect(report.tags.cohenKappa).toBeNull();
    // X (def, def, unc): o_cc 1; Y: one value, dropped; Z (ok, ok): o_cc 2.
    // n = 5, sum o_cc = 3, n_c = 2, 1, 2 -> alpha = 1 - 4 * 2 / (25 - 9) = 0.5.
    expect(report.tags.krippendorffAlpha).toBeCloseTo(0.5, 12);
    expect(report.tags.krippendorffAlphaItems).toBe(2);
    // ana-ben share one tagged item (def/def): kappa undefined.
    expect(report.pairs[0]!.tags.cohenKappa).toBeNull();
    expect(report.pairs[0]!.tags.cohenKappaItems).toBe(1);
  });

  it('per item: who annotated it and one entry per pair that could compare', () => {
    expect(report.perItem.map((i) => [i.itemKey, i.labelers, i.pairs.length])).toEqual([
      ['X', ['ana', 'ben', 'cid'], 3],
      ['Y', ['ana', 'ben'], 1],
      ['Z', ['ben', 'cid'], 1],
    ]);
    expect(report.perItem[1]!.tags).toEqual({ ana: ['def'], ben: null });
  });
});

describe('computeAgreement, edge cases', () => {
  it('a labeler who annotated nothing leaves empty pairs that do not drag the means', () => {
    const docs = docsOf({ ana: { a: doc([box('s', 0)]) }, ben: { a: doc([box('s', 0)]) } });
    const r = computeAgreement({
      labelers: ['ana', 'ben', 'cid'],
      items: ['a'],
      docs,
      bootstrap: noBoot,
    });
    expect(r.pairs.map((p) => p.items)).toEqual([1, 0, 0]);
    expect(r.boxes.f1).toBe(1);
    expect(r.boxes.agreements).toBe(1);
    expect(r.pairs[1]!.boxes.f1).toBeNull();
  });

  it('no comparable items: everything n/a', () => {
    const r = computeAgreement({
      labelers: ['a', 'b'],
      items: ['x'],
      docs: docsOf({ a: { x: doc([]) } }),
    });
    expect(r).toMatchObject({ items: 0, itemsSkipped: 1, itemsInFullAgreement: 0 });
    expect(r.boxes).toMatchObject({ f1: null, meanIoU: null, f1Ci95: null, perClass: [] });
    expect(r.tags).toMatchObject({ cohenKappa: null, krippendorffAlpha: null });
    expect(() => AgreementReport.parse(r)).not.toThrow();
  });

  it('all-empty items agree fully and have no F1', () => {
    const docs = docsOf({ a: { x: doc([]), y: doc([]) }, b: { x: doc([]), y: doc([]) } });
    const r = computeAgreement({
      labelers: ['a', 'b'],
      items: ['x', 'y'],
      docs,
      bootstrap: noBoot,
    });
    expect(r.itemsInFullAgreement).toBe(2);
    expect(r.boxes.f1).toBeNull();
  });

  it('all-conflict items: F1 0 and a confusion matrix off the diagonal', () => {
    const docs = docsOf({
      a: { x: doc([box('s', 0), box('d', 50)]) },
      b: { x: doc([box('d', 0), box('s', 50)]) },
    });
    const r = computeAgreement({ labelers: ['a', 'b'], items: ['x'], docs, bootstrap: noBoot });
    expect(r.boxes).toMatchObject({ f1: 0, classConflicts: 2, agreements: 0, meanIoU: null });
    expect(r.pairs[0]!.confusion.matrix).toEqual([
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('the IoU threshold is applied (exactly-at-threshold counts)', () => {
    const docs = docsOf({
      a: { x: doc([box('s', 0, 0, 10, 10)]) },
      b: { x: doc([box('s', 0, 0, 10, 5)]) },
    });
    const at = computeAgreement({
      labelers: ['a', 'b'],
      items: ['x'],
      docs,
      iou: 0.5,
      bootstrap: noBoot,
    });
    const above = computeAgreement({
      labelers: ['a', 'b'],
      items: ['x'],
      docs,
      iou: 0.6,
      bootstrap: noBoot,
    });
    expect(at.boxes.agreements).toBe(1);
    expect(above.boxes).toMatchObject({ agreements: 0, onlyA: 1, onlyB: 1 });
  });

  it('rejects bad input with a clear message', () => {
    const docs = docsOf({});
    expect(() => computeAgreement({ labelers: ['a'], items: [], docs })).toThrow(/two labelers/);
    expect(() => computeAgreement({ labelers: ['a', 'a'], items: [], docs })).toThrow(/twice/);
    expect(() => computeAgreement({ labelers: ['a', 'b'], items: [], docs, iou: 0 })).toThrow(
      /IoU/,
    );
  });

  it('ranks many classes worst first', () => {
    // Class c{k}: k agreements out of 4 boxes per side -> F1 = k / 4.
    const a: Box[] = [];
    const b: Box[] = [];
    for (const k of [3, 0, 4, 1, 2]) {
      for (let j = 0; j < 4; j++) {
        const x = k * 1000 + j * 100;
        a.push(box(`c${k}`, x));
        b.push(box(j < k ? `c${k}` : 'other', x));
      }
    }
    const r = computeAgreement({
      labelers: ['a', 'b'],
      items: ['x'],
      docs: docsOf({ a: { x: doc(a) }, b: { x: doc(b) } }),
      bootstrap: noBoot,
    });
    // F1: c0 0 (4 boxes), other 0 (10 boxes: more evidence first), c1 .25 ... c4 1 (4 + 4).
    expect(r.boxes.perClass.map((c) => c.classId)).toEqual(['other', 'c0', 'c1', 'c2', 'c3', 'c4']);
  });
});

describe('computeAgreement, transcripts', () => {
  it('reports corpus WER / CER and boundary deviation', () => {
    const seg = (start: number, end: number, text: string) => ({
      id: `s${start}`,
      start,
      end,
      text,
    });
    const docs = docsOf({
      ana: {
        clip1: doc([], [], { segments: [seg(0, 2, 'the cat sat on the mat')] }),
        clip2: doc([], [], { segments: [seg(0, 1, 'hello')] }),
      },
      ben: {
        clip1: doc([], [], { segments: [seg(0.1, 2, 'the cat sit on mat')] }),
        clip2: doc([], [], { segments: [seg(0, 1.2, 'hello')] }),
      },
    });
    const r = computeAgreement({
      labelers: ['ana', 'ben'],
      items: ['clip1', 'clip2'],
      docs,
      bootstrap: noBoot,
    });
    expect(r.transcripts).toMatchObject({ items: 2, words: 7, wordEdits: 2, matchedSegments: 2 });
    expect(r.transcripts.wer).toBeCloseTo(2 / 7, 15);
    expect(r.transcripts.cer).toBeCloseTo(5 / 27, 15); // 22 + 5 characters
    expect(r.transcripts.boundaryDeviationMs).toBeCloseTo((100 + 0 + 0 + 200) / 4, 9);
    expect(r.perItem[0]!.pairs[0]!.transcript).toMatchObject({ wordEdits: 2, words: 6 });
  });
});

describe('computeAgreement, bootstrap', () => {
  const many = () => {
    const ana: Record<string, AnnotationDoc> = {};
    const ben: Record<string, AnnotationDoc> = {};
    for (let i = 0; i < 40; i++) {
      ana[`i${i}`] = doc([box('s', 0), box('d', 100)], [i % 3 === 0 ? 'ok' : 'def']);
      ben[`i${i}`] = doc(
        [box(i % 4 === 0 ? 'd' : 's', 0), box('d', 100)],
        [i % 5 === 0 ? 'ok' : 'def'],
      );
    }
    return docsOf({ ana, ben });
  };
  const run = (seed: number) =>
    computeAgreement({
      labelers: ['ana', 'ben'],
      items: Array.from({ length: 40 }, (_x, i) => `i${i}`),
      docs: many(),
      bootstrap: { samples: 500, seed },
    });

  it('puts an interval around every figure that has one, reproducibly', () => {
    const r = run(42);
    const within = (v: number | null, ci: [number, number] | null) => {
      expect(v).not.toBeNull();
      expect(ci).not.toBeNull();
      expect(ci![0]).toBeLessThanOrEqual(v! + 1e-12);
      expect(ci![1]).toBeGreaterThanOrEqual(v! - 1e-12);
    };
    within(r.boxes.f1, r.boxes.f1Ci95);
    within(r.boxes.meanIoU, r.boxes.meanIoUCi95);
    for (const c of r.boxes.perClass) within(c.f1, c.ci95);
    within(r.tags.cohenKappa, r.tags.cohenKappaCi95);
    within(r.tags.krippendorffAlpha, r.tags.krippendorffAlphaCi95);
    expect(r.bootstrap).toEqual({ samples: 500, seed: 42 });
    expect(run(42)).toEqual(r);
    const intervals = (x: typeof r) => [
      x.boxes.f1Ci95,
      ...x.boxes.perClass.map((c) => c.ci95),
      x.tags.cohenKappaCi95,
      x.tags.krippendorffAlphaCi95,
    ];
    expect(intervals(run(43))).not.toEqual(intervals(r));
  });

  it('gives the mean-over-pairs figures intervals with three labelers', () => {
    const docs = many();
    const cid = new Map(docs.get('ana')!);
    const r = computeAgreement({
      labelers: ['ana', 'ben', 'cid'],
      items: [...cid.keys()],
      docs: new Map([...docs, ['cid', cid]]),
      bootstrap: { samples: 200, seed: 1 },
    });
    expect(r.boxes.f1Ci95).not.toBeNull();
    expect(r.boxes.meanIoUCi95).not.toBeNull();
    expect(r.boxes.perClass.every((c) => c.ci95 !== null)).toBe(true);
    expect(r.tags.krippendorffAlphaCi95).not.toBeNull();
    expect(r.tags.cohenKappaCi95).toBeNull();
  });
});

describe('computeAgreement, properties on random data', () => {
  const randomDocs = (seed: number, labelers: string[], items: number) => {
    const rng = mulberry32(seed);
    const classes = ['s', 'd', 'p', 'h'];
    const tags = ['ok', 'def', 'unc'];
    const byLabeler: Record<string, Record<string, AnnotationDoc>> = {};
    const truth = Array.from({ length: items }, () =>
      Array.from({ length: Math.floor(rng() * 6) }, () => ({
        c: classes[Math.floor(rng() * 4)]!,
        x: rng() * 300,
        y: rng() * 300,
      })),
    );
    for (const l of labelers) {
      byLabeler[l] = {};
      truth.forEach((boxes, i) => {
        if (rng() < 0.1) return; // this labeler skipped the item
        const drawn = boxes
          .filter(() => rng() > 0.15)
          .map((b) =>
            box(
              rng() < 0.2 ? classes[Math.floor(rng() * 4)]! : b.c,
              b.x + rng() * 6,
              b.y + rng() * 6,
              40,
              30,
            ),
          );
        const tag = rng() < 0.15 ? [] : [tags[Math.floor(rng() * 3)]!];
        byLabeler[l]![`i${i}`] = doc(drawn, tag);
      });
    }
    return docsOf(byLabeler);
  };
  const items = Array.from({ length: 60 }, (_x, i) => `i${i}`);

  it('swapping the two labelers mirrors every figure', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const docs = randomDocs(seed, ['a', 'b'], 60);
      const ab = computeAgreement({ labelers: ['a', 'b'], items, docs, bootstrap: noBoot });
      const ba = computeAgreement({ labelers: ['b', 'a'], items, docs, bootstrap: noBoot });
      expect(ba.boxes).toMatchObject({
        agreements: ab.boxes.agreements,
        classConflicts: ab.boxes.classConflicts,
        onlyA: ab.boxes.onlyB,
        onlyB: ab.boxes.onlyA,
        f1: ab.boxes.f1,
      });
      expect(ba.boxes.meanIoU).toBeCloseTo(ab.boxes.meanIoU!, 12);
      expect(ba.itemsInFullAgreement).toBe(ab.itemsInFullAgreement);
      expect(ba.tags.cohenKappa).toBeCloseTo(ab.tags.cohenKappa!, 12);
      expect(ba.tags.krippendorffAlpha).toBeCloseTo(ab.tags.krippendorffAlpha!, 12);
      const confAB = ab.pairs[0]!.confusion;
      const confBA = ba.pairs[0]!.confusion;
      // B's matrix is A's transposed; class order may differ, so compare cells by class id.
      const cell = (c: typeof confAB, ra: string | null, cb: string | null) => {
        const idx = (id: string | null) =>
          id === null ? c.classIds.length : c.classIds.indexOf(id);
        return c.matrix[idx(ra)]![idx(cb)]!;
      };
      for (const r of [...confAB.classIds, null]) {
        for (const c of [...confAB.classIds, null])
          expect(cell(confBA, c, r)).toBe(cell(confAB, r, c));
      }
    }
  });

  it('per-class counts, confusion matrix and per-item results add up to the totals', () => {
    for (const seed of [6, 7, 8]) {
      const docs = randomDocs(seed, ['a', 'b', 'c'], 60);
      const r = computeAgreement({ labelers: ['a', 'b', 'c'], items, docs, bootstrap: noBoot });
      expect(() => AgreementReport.parse(r)).not.toThrow();
      for (const p of r.pairs) {
        const sum = (f: (c: (typeof p.boxes.perClass)[number]) => number) =>
          p.boxes.perClass.reduce((s, c) => s + f(c), 0);
        expect(sum((c) => c.nA)).toBe(p.boxes.nA);
        expect(sum((c) => c.nB)).toBe(p.boxes.nB);
        expect(sum((c) => c.agreements)).toBe(p.boxes.agreements);
        expect(p.boxes.agreements + p.boxes.classConflicts + p.boxes.onlyA).toBe(p.boxes.nA);
        expect(p.boxes.agreements + p.boxes.classConflicts + p.boxes.onlyB).toBe(p.boxes.nB);
        const m = p.confusion.matrix;
        const none = m.length - 1;
        const total = m.flat().reduce((s, x) => s + x, 0);
        expect(total - m[none]!.reduce((s, x) => s + x, 0)).toBe(p.boxes.nA);
        expect(total - m.reduce((s, row) => s + row[none]!, 0)).toBe(p.boxes.nB);
        const itemPairs = r.perItem.flatMap((i) =>
          i.pairs.filter((x) => x.labelers.join() === p.labelers.join()),
        );
        expect(itemPairs.length).toBe(p.items);
        expect(itemPairs.filter((x) => x.fullAgreement).length).toBe(p.itemsInFullAgreement);
        expect(itemPairs.reduce((s, x) => s + x.onlyA, 0)).toBe(p.boxes.onlyA);
      }
      expect(r.perItem.filter((i) => i.fullAgreement).length).toBe(r.itemsInFullAgreement);
    }
  });
});
