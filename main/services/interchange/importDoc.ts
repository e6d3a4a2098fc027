import { randomBytes } from 'node:crypto';
import type { AnnotationDoc, Box, Segment } from '../../../shared/api/schemas/annotationDoc';
import { sortedRecord } from '../../../shared/domain/formats/interchange';
import type { CheckedDoc } from './checkItem';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Same shape as the editor's ids (`b` + 14 random characters). */
function newId(prefix: string): string {
  let s = prefix;
  for (const b of randomBytes(14)) s += ALPHABET[b % 36];
  return s;
}

/**
 * A box's content without its id, independent of key order (the editor and the importer
 * may write keys in different orders), for "is this the same box".
 */
function boxKey(b: Omit<Box, 'id'>): string {
  const s = b.source;
  const source = s && [s.suggestionId, s.model, s.modelVersion, s.confidence, s.edited];
  return JSON.stringify([
    b.classId,
    b.x,
    b.y,
    b.w,
    b.h,
    sortedRecord(b.attributes),
    b.uncertain,
    source,
  ]);
}

const segmentKey = (s: Omit<Segment, 'id'>) => JSON.stringify([s.start, s.end, s.text]);

/** Hands out the ids of previous entries with the same content, each once. */
function idPool<T extends { id: string }>(previous: T[], keyOf: (t: T) => string, prefix: string) {
  const pool = new Map<string, string[]>();
  for (const p of previous) {
    const key = keyOf(p);
    const ids = pool.get(key);
    if (ids) ids.push(p.id);
    else pool.set(key, [p.id]);
  }
  return (key: string) => pool.get(key)?.shift() ?? newId(prefix);
}

/**
 * Gives the imported boxes and segments ids, reusing the id of an identical box or segment
 * in the stored document, so re-importing an unchanged file yields the very same document
 * (and therefore no new revision), and a changed one a small delta.
 */
export function withIds(doc: CheckedDoc, prev: AnnotationDoc | null): AnnotationDoc {
  const boxId = idPool(prev?.boxes ?? [], boxKey, 'b');
  const segmentId = idPool(prev?.segments ?? [], segmentKey, 's');
  return {
    boxes: doc.boxes.map((b) => ({ id: boxId(boxKey(b)), ...b })),
    tags: doc.tags,
    noDefects: doc.noDefects,
    uncertain: doc.uncertain,
    segments: doc.segments.map((s) => ({ id: segmentId(segmentKey(s)), ...s })),
  };
}

/** Whether two documents say the same thing, ids included, whatever their key order. */
export function sameDoc(a: AnnotationDoc, b: AnnotationDoc): boolean {
  const key = (d: AnnotationDoc) =>
    JSON.stringify([
      d.boxes.map((x) => [x.id, boxKey(x)]),
      d.tags,
      d.noDefects,
      d.uncertain,
      d.segments.map((s) => [s.id, segmentKey(s)]),
    ]);
  return key(a) === key(b);
}
