import { describe, expect, it } from 'vitest';
import type { AnnotationDoc } from '../../../shared/api/schemas/annotationDoc';
import type { CheckedDoc } from './checkItem';
import { sameDoc, withIds } from './importDoc';

const checked: CheckedDoc = {
  boxes: [
    {
      classId: 'cls_a',
      x: 1,
      y: 2,
      w: 3,
      h: 4,
      attributes: { b: '1', a: true },
      uncertain: false,
      source: null,
    },
    {
      classId: 'cls_a',
      x: 1,
      y: 2,
      w: 3,
      h: 4,
      attributes: { b: '1', a: true },
      uncertain: false,
      source: null,
    },
    { classId: 'cls_b', x: 9, y: 9, w: 1, h: 1, attributes: {}, uncertain: true, source: null },
  ],
  tags: ['tag_defective'],
  noDefects: false,
  uncertain: false,
  segments: [],
};

/** As the editor might have stored it: other key orders, other ids, one box moved. */
const stored: AnnotationDoc = {
  segments: [],
  uncertain: false,
  noDefects: false,
  tags: ['tag_defective'],
  boxes: [
    {
      source: null,
      uncertain: false,
      attributes: { a: true, b: '1' },
      h: 4,
      w: 3,
      y: 2,
      x: 1,
      classId: 'cls_a',
      id: 'bfirst',
    },
    {
      id: 'bsecond',
      classId: 'cls_a',
      x: 1,
      y: 2,
      w: 3,
      h: 4,
      attributes: { a: true, b: '1' },
      uncertain: false,
      source: null,
    },
    {
      id: 'bmoved',
      classId: 'cls_b',
      x: 8,
      y: 9,
      w: 1,
      h: 1,
      attributes: {},
      uncertain: true,
      source: null,
    },
  ],
};

describe('withIds / sameDoc', () => {
  it('reuses the id of each identical stored box once, whatever the key order', () => {
    const doc = withIds(checked, stored);
    expect(doc.boxes.map((b) => b.id).slice(0, 2)).toEqual(['bfirst', 'bsecond']);
    expect(doc.boxes[2]!.id).toMatch(/^b[0-9a-z]{14}$/);
    expect(sameDoc(doc, stored)).toBe(false);
  });

  it('finds an unchanged document the same, so no revision is written', () => {
    const same = structuredClone(stored);
    same.boxes[2]!.x = 9;
    const doc = withIds(checked, same);
    expect(doc.boxes.map((b) => b.id)).toEqual(['bfirst', 'bsecond', 'bmoved']);
    expect(sameDoc(doc, same)).toBe(true);
    expect(sameDoc(doc, { ...same, noDefects: true })).toBe(false);
  });
});
