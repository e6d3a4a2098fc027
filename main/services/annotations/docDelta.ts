import type { AnnotationDoc, Box } from '../../../shared/api/schemas/annotationDoc';

/**
 * What changed between two versions of an annotation document. Autosave writes a revision
 * every second; storing the changed boxes instead of all 5,000 keeps the log small, and a
 * full snapshot every so often keeps rebuilding an old revision cheap.
 */
export interface DocDelta {
  /** Boxes added or changed, whole. */
  upsert: Box[];
  /** Ids of boxes removed. */
  remove: string[];
  /** The full id order, only when applying upsert/remove would not reproduce it. */
  order?: string[];
  tags?: string[];
  noDefects?: boolean;
  uncertain?: boolean;
  segments?: AnnotationDoc['segments'];
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function applyBoxes(prev: Box[], upsert: Box[], remove: string[]): Box[] {
  const removed = new Set(remove);
  const changed = new Map(upsert.map((b) => [b.id, b]));
  const out: Box[] = [];
  for (const b of prev) {
    if (removed.has(b.id)) continue;
    const next = changed.get(b.id);
    out.push(next ?? b);
    changed.delete(b.id);
  }
  // New boxes keep their order in `upsert`.
  for (const b of upsert) if (changed.has(b.id)) out.push(b);
  return out;
}

export function diffDocs(prev: AnnotationDoc, next: AnnotationDoc): DocDelta {
  const before = new Map(prev.boxes.map((b) => [b.id, JSON.stringify(b)]));
  const nextIds = new Set(next.boxes.map((b) => b.id));
  const upsert = next.boxes.filter((b) => before.get(b.id) !== JSON.stringify(b));
  const remove = prev.boxes.filter((b) => !nextIds.has(b.id)).map((b) => b.id);
  const delta: DocDelta = { upsert, remove };
  const natural = applyBoxes(prev.boxes, upsert, remove);
  if (natural.length !== next.boxes.length || natural.some((b, i) => b.id !== next.boxes[i]!.id)) {
    delta.order = next.boxes.map((b) => b.id);
  }
  if (!sameJson(prev.tags, next.tags)) delta.tags = next.tags;
  if (prev.noDefects !== next.noDefects) delta.noDefects = next.noDefects;
  if (prev.uncertain !== next.uncertain) delta.uncertain = next.uncertain;
  if (!sameJson(prev.segments, next.segments)) delta.segments = next.segments;
  return delta;
}

export function applyDelta(prev: AnnotationDoc, delta: DocDelta): AnnotationDoc {
  let boxes = applyBoxes(prev.boxes, delta.upsert, delta.remove);
  if (delta.order) {
    const byId = new Map(boxes.map((b) => [b.id, b]));
    boxes = delta.order.map((id) => byId.get(id)).filter((b): b is Box => b !== undefined);
  }
  return {
    boxes,
    tags: delta.tags ?? prev.tags,
    noDefects: delta.noDefects ?? prev.noDefects,
    uncertain: delta.uncertain ?? prev.uncertain,
    segments: delta.segments ?? prev.segments,
  };
}
