import { describe, expect, it } from 'vitest';
import {
  addBoxes,
  copyBoxesFrom,
  deleteBoxes,
  setAttribute,
  setClass,
  setItemUncertain,
  setNoDefects,
  toggleTag,
  toggleUncertain,
} from './docOps';
import { applyPatches, invertPatches } from './patches';
import { box, doc, spec } from './testDocs';

const img = { width: 100, height: 100 };

describe('document operations', () => {
  it('adds boxes at the end and withdraws a "no defects" verdict in the same step', () => {
    const d0 = { ...doc(), noDefects: true, tags: ['ok'] };
    const d1 = applyPatches(d0, addBoxes(d0, [box('a')], spec));
    expect(d1.boxes.map((b) => b.id)).toEqual(['a']);
    expect(d1.noDefects).toBe(false);
    expect(d1.tags).toEqual([]);
  });

  it('deletes boxes and undoes the deletion in order', () => {
    const d0 = doc([box('a'), box('b'), box('c')]);
    const p = deleteBoxes(d0, ['a', 'c']);
    const d1 = applyPatches(d0, p);
    expect(d1.boxes.map((b) => b.id)).toEqual(['b']);
    expect(applyPatches(d1, invertPatches(p))).toEqual(d0);
  });

  it('changes class only where it differs', () => {
    const d0 = doc([box('a'), box('b', 0, 0, 10, 10, 'dent')]);
    const p = setClass(d0, ['a', 'b'], 'dent');
    expect(p).toHaveLength(1);
    expect(applyPatches(d0, p).boxes.every((b) => b.classId === 'dent')).toBe(true);
  });

  it('sets and clears attributes', () => {
    const d0 = doc([box('a')]);
    const d1 = applyPatches(d0, setAttribute(d0, ['a'], 'severity', 'major'));
    expect(d1.boxes[0]!.attributes).toEqual({ severity: 'major' });
    expect(setAttribute(d1, ['a'], 'severity', 'major')).toEqual([]);
    const d2 = applyPatches(d1, setAttribute(d1, ['a'], 'severity', undefined));
    expect(d2.boxes[0]!.attributes).toEqual({});
  });

  it('toggles uncertain: sets all when any is unset, clears when all are set', () => {
    const d0 = doc([box('a'), { ...box('b'), uncertain: true }]);
    const d1 = applyPatches(d0, toggleUncertain(d0, ['a', 'b']));
    expect(d1.boxes.map((b) => b.uncertain)).toEqual([true, true]);
    const d2 = applyPatches(d1, toggleUncertain(d1, ['a', 'b']));
    expect(d2.boxes.map((b) => b.uncertain)).toEqual([false, false]);
    expect(applyPatches(d0, setItemUncertain(d0, true)).uncertain).toBe(true);
  });

  it('keeps the no-defects tag and the verdict in step', () => {
    const d0 = doc();
    const d1 = applyPatches(d0, toggleTag(d0, 'ok', spec));
    expect(d1).toMatchObject({ tags: ['ok'], noDefects: true });
    const d2 = applyPatches(d1, setNoDefects(d1, false, spec));
    expect(d2).toMatchObject({ tags: [], noDefects: false });
    const d3 = applyPatches(d2, setNoDefects(d2, true, spec));
    expect(d3).toMatchObject({ tags: ['ok'], noDefects: true });
    // Another tag replaces the verdict, and the verdict replaces other tags: "ok" stands alone.
    const d4 = applyPatches(d3, toggleTag(d3, 'defective', spec));
    expect(d4).toMatchObject({ tags: ['defective'], noDefects: false });
    const d5 = applyPatches(d4, setNoDefects(d4, true, spec));
    expect(d5).toMatchObject({ tags: ['ok'], noDefects: true });
    const d6 = applyPatches(d4, toggleTag(d4, 'ok', spec));
    expect(d6).toMatchObject({ tags: ['ok'], noDefects: true });
  });

  it('refuses "no defects" while the item has boxes', () => {
    const d0 = doc([box('a')]);
    expect(setNoDefects(d0, true, spec)).toEqual([]);
    expect(toggleTag(d0, 'ok', spec)).toEqual([]);
  });

  it('copies boxes from the previous item with new ids, clamped, without duplicates', () => {
    let n = 0;
    const newId = () => `new${++n}`;
    const prev = [
      box('p1', 10, 10, 20, 20),
      { ...box('p2', 90, 90, 30, 30, 'dent'), uncertain: true },
      box('p3', 200, 200),
    ];
    const d0 = doc();
    const d1 = applyPatches(d0, copyBoxesFrom(d0, prev, img, newId));
    expect(d1.boxes.map((b) => [b.id, b.classId, b.x, b.y, b.w, b.h, b.uncertain])).toEqual([
      ['new1', 'scratch', 10, 10, 20, 20, false],
      ['new2', 'dent', 90, 90, 10, 10, true],
    ]);
    expect(copyBoxesFrom(d1, prev, img, newId)).toEqual([]);
  });
});

describe('verdict consistency', () => {
  it('choosing the no-defects tag on an item that had only the flag keeps both in step', () => {
    // A document stored with the flag but without the tag (older data): choosing the tag
    // keeps the flag; clearing the verdict removes both.
    const d0 = { ...doc(), noDefects: true };
    const d1 = applyPatches(d0, toggleTag(d0, 'ok', spec));
    expect(d1).toMatchObject({ tags: ['ok'], noDefects: true });
    const d2 = applyPatches(d1, setNoDefects(d1, false, spec));
    expect(d2).toMatchObject({ tags: [], noDefects: false });
  });

  it('drawing a box on an item that only had the tag withdraws the tag', () => {
    const d0 = { ...doc(), tags: ['ok', 'defective'] };
    const d1 = applyPatches(d0, addBoxes(d0, [box('a')], spec));
    expect(d1).toMatchObject({ tags: ['defective'], noDefects: false });
    expect(applyPatches(d1, invertPatches(addBoxes(d0, [box('a')], spec)))).toEqual(d0);
  });
});
