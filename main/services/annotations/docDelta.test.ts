import { describe, expect, it } from 'vitest';
import type { AnnotationDoc, Box } from '../../../shared/api/schemas/annotationDoc';
import { applyDelta, diffDocs } from './docDelta';

/** Small deterministic PRNG so a failure can be replayed. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const box = (id: string, x: number): Box => ({
  id,
  classId: 'cls_a',
  x,
  y: 0,
  w: 1,
  h: 1,
  attributes: {},
  uncertain: false,
  source: null,
});

describe('document deltas', () => {
  it('rebuild the next document exactly after random edits, reorders included', () => {
    const rand = mulberry32(7);
    let doc: AnnotationDoc = {
      boxes: [],
      tags: [],
      noDefects: false,
      uncertain: false,
      segments: [],
    };
    let nextId = 0;
    for (let step = 0; step < 500; step++) {
      const boxes = [...doc.boxes];
      const op = Math.floor(rand() * 6);
      if (op <= 1 || boxes.length === 0) boxes.push(box(`b${nextId++}`, rand() * 100));
      else if (op === 2) boxes.splice(Math.floor(rand() * boxes.length), 1);
      else if (op === 3) {
        const i = Math.floor(rand() * boxes.length);
        boxes[i] = { ...boxes[i]!, x: rand() * 100, uncertain: rand() > 0.5 };
      } else if (op === 4) boxes.reverse();
      const next: AnnotationDoc = {
        ...doc,
        boxes,
        tags: rand() > 0.8 ? ['tag_ok'] : doc.tags,
        noDefects: rand() > 0.9 ? !doc.noDefects : doc.noDefects,
      };
      const delta = diffDocs(doc, next);
      expect(applyDelta(doc, JSON.parse(JSON.stringify(delta)) as typeof delta)).toEqual(next);
      doc = next;
    }
  });

  it('stores only what changed', () => {
    const boxes = Array.from({ length: 5000 }, (_, i) => box(`b${i}`, i));
    const prev: AnnotationDoc = {
      boxes,
      tags: [],
      noDefects: false,
      uncertain: false,
      segments: [],
    };
    const next = { ...prev, boxes: boxes.map((b, i) => (i === 1234 ? { ...b, x: 9 } : b)) };
    const delta = diffDocs(prev, next);
    expect(delta).toEqual({ upsert: [next.boxes[1234]], remove: [] });
    expect(JSON.stringify(delta).length).toBeLessThan(200);
  });
});
