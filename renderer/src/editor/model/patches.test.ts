import { describe, expect, it } from 'vitest';
import { applyPatches, invertPatches, squashPatches } from './patches';
import type { Patch } from './patches';
import { box, doc } from './testDocs';

describe('applyPatches / invertPatches', () => {
  it('adds, updates, removes and sets item fields, without touching the input', () => {
    const d0 = doc([box('a'), box('b')]);
    const patches: Patch[] = [
      { t: 'add', index: 2, box: box('c') },
      { t: 'update', id: 'a', before: box('a'), after: box('a', 5, 5) },
      { t: 'remove', index: 1, box: box('b') },
      { t: 'meta', key: 'tags', before: [], after: ['ok'] },
    ];
    const d1 = applyPatches(d0, patches);
    expect(d1.boxes.map((b) => [b.id, b.x])).toEqual([
      ['a', 5],
      ['c', 0],
    ]);
    expect(d1.tags).toEqual(['ok']);
    expect(d0.boxes.map((b) => b.id)).toEqual(['a', 'b']);
    expect(applyPatches(d1, invertPatches(patches))).toEqual(d0);
  });

  it('re-adds removed boxes at their original positions on inversion', () => {
    const d0 = doc([box('a'), box('b'), box('c'), box('d')]);
    const removes: Patch[] = [
      { t: 'remove', index: 3, box: box('d') },
      { t: 'remove', index: 1, box: box('b') },
    ];
    const d1 = applyPatches(d0, removes);
    expect(d1.boxes.map((b) => b.id)).toEqual(['a', 'c']);
    expect(applyPatches(d1, invertPatches(removes)).boxes.map((b) => b.id)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('handles thousands of updates linearly', () => {
    const n = 20_000;
    const boxes = Array.from({ length: n }, (_, i) => box(`b${i}`, i));
    const patches: Patch[] = boxes.map((b) => ({
      t: 'update',
      id: b.id,
      before: b,
      after: { ...b, y: 1 },
    }));
    const t0 = performance.now();
    const d1 = applyPatches(doc(boxes), patches);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(d1.boxes.every((b) => b.y === 1)).toBe(true);
  });

  it('rejects an update of a box that is not there', () => {
    expect(() =>
      applyPatches(doc(), [{ t: 'update', id: 'x', before: box('x'), after: box('x') }]),
    ).toThrow(/not in the document/);
  });
});

describe('squashPatches', () => {
  it('folds successive updates of a box into one', () => {
    const s = squashPatches([
      { t: 'update', id: 'a', before: box('a', 0), after: box('a', 1) },
      { t: 'update', id: 'b', before: box('b', 0), after: box('b', 1) },
      { t: 'update', id: 'a', before: box('a', 1), after: box('a', 2) },
    ]);
    expect(s).toEqual([
      { t: 'update', id: 'a', before: box('a', 0), after: box('a', 2) },
      { t: 'update', id: 'b', before: box('b', 0), after: box('b', 1) },
    ]);
  });
  it('folds updates of a box added in the same gesture into the add', () => {
    const s = squashPatches([
      { t: 'add', index: 0, box: box('a', 0, 0, 0, 0) },
      { t: 'update', id: 'a', before: box('a', 0, 0, 0, 0), after: box('a', 0, 0, 40, 30) },
    ]);
    expect(s).toEqual([{ t: 'add', index: 0, box: box('a', 0, 0, 40, 30) }]);
  });
  it('drops updates that end where they started and cancels add+remove', () => {
    expect(
      squashPatches([
        { t: 'update', id: 'a', before: box('a', 0), after: box('a', 5) },
        { t: 'update', id: 'a', before: box('a', 5), after: box('a', 0) },
        { t: 'add', index: 1, box: box('n') },
        { t: 'remove', index: 1, box: box('n') },
      ]),
    ).toEqual([]);
  });
  it('folds item-field changes', () => {
    expect(
      squashPatches([
        { t: 'meta', key: 'noDefects', before: false, after: true },
        { t: 'meta', key: 'noDefects', before: true, after: false },
      ]),
    ).toEqual([]);
  });
});
