import type { AnnotationDoc, Box } from '../../../../shared/api/schemas/annotationDoc';
import type { InstructionSpec } from '../../../../shared/api/schemas/instructionSpec';
import type { Rect, Size } from './geometry';
import { clampRect, roundRect, sameRect } from './geometry';
import type { Patch } from './patches';
import { noDefectsTagId, saysNoDefects, withVerdict } from '../../../../shared/domain/verdict';

/**
 * Document operations. Each one reads the current document and returns the patches that
 * perform it (possibly none); the caller applies them through the history, so every edit
 * is undoable and autosaved the same way.
 */

export function newBox(id: string, classId: string, rect: Rect): Box {
  return { id, classId, ...roundRect(rect), attributes: {}, uncertain: false, source: null };
}

function boxIndex(doc: AnnotationDoc): Map<string, number> {
  const m = new Map<string, number>();
  doc.boxes.forEach((b, i) => m.set(b.id, i));
  return m;
}

/** Patches that take the document's verdict fields to `target` (none when equal). */
function verdictPatches(
  doc: AnnotationDoc,
  target: { tags: string[]; noDefects: boolean },
): Patch[] {
  const out: Patch[] = [];
  if (doc.noDefects !== target.noDefects)
    out.push({ t: 'meta', key: 'noDefects', before: doc.noDefects, after: target.noDefects });
  const sameTags =
    doc.tags.length === target.tags.length && doc.tags.every((t, i) => t === target.tags[i]);
  if (!sameTags) out.push({ t: 'meta', key: 'tags', before: doc.tags, after: target.tags });
  return out;
}

/**
 * Drawing a box contradicts an earlier "no defects" verdict, so the verdict (and the
 * spec's no-defects tag) is withdrawn in the same undo step.
 */
function withdrawNoDefects(doc: AnnotationDoc, spec: InstructionSpec | null): Patch[] {
  return verdictPatches(doc, withVerdict(doc, false, spec));
}

export function addBoxes(
  doc: AnnotationDoc,
  boxes: readonly Box[],
  spec: InstructionSpec | null = null,
): Patch[] {
  if (boxes.length === 0) return [];
  const out = withdrawNoDefects(doc, spec);
  boxes.forEach((box, i) => out.push({ t: 'add', index: doc.boxes.length + i, box }));
  return out;
}

/** Replaces fields of the given boxes; unknown ids are ignored (they may have been deleted). */
export function updateBoxes(
  doc: AnnotationDoc,
  changes: ReadonlyMap<string, Partial<Omit<Box, 'id'>>>,
): Patch[] {
  if (changes.size === 0) return [];
  const idx = boxIndex(doc);
  const out: Patch[] = [];
  for (const [id, change] of changes) {
    const at = idx.get(id);
    if (at === undefined) continue;
    const before = doc.boxes[at]!;
    const after: Box = { ...before, ...change, id };
    out.push({ t: 'update', id, before, after });
  }
  return out;
}

/** Sets the rectangles of boxes (from a gesture's start snapshot), skipping unchanged ones. */
export function setRects(doc: AnnotationDoc, rects: ReadonlyMap<string, Rect>): Patch[] {
  const idx = boxIndex(doc);
  const out: Patch[] = [];
  for (const [id, r] of rects) {
    const at = idx.get(id);
    if (at === undefined) continue;
    const before = doc.boxes[at]!;
    if (sameRect(before, r)) continue;
    out.push({ t: 'update', id, before, after: { ...before, x: r.x, y: r.y, w: r.w, h: r.h } });
  }
  return out;
}

/** Removes boxes; indices are recorded highest first so the inverse re-adds them in order. */
export function deleteBoxes(doc: AnnotationDoc, ids: Iterable<string>): Patch[] {
  const wanted = new Set(ids);
  const out: Patch[] = [];
  for (let i = doc.boxes.length - 1; i >= 0; i--) {
    const box = doc.boxes[i]!;
    if (wanted.has(box.id)) out.push({ t: 'remove', index: i, box });
  }
  return out;
}

export function setClass(doc: AnnotationDoc, ids: Iterable<string>, classId: string): Patch[] {
  const changes = new Map<string, Partial<Box>>();
  const idx = boxIndex(doc);
  for (const id of ids) {
    const at = idx.get(id);
    if (at !== undefined && doc.boxes[at]!.classId !== classId) changes.set(id, { classId });
  }
  return updateBoxes(doc, changes);
}

/** Sets one attribute on the boxes; `undefined` clears it. */
export function setAttribute(
  doc: AnnotationDoc,
  ids: Iterable<string>,
  name: string,
  value: string | boolean | undefined,
): Patch[] {
  const idx = boxIndex(doc);
  const changes = new Map<string, Partial<Box>>();
  for (const id of ids) {
    const at = idx.get(id);
    if (at === undefined) continue;
    const box = doc.boxes[at]!;
    if (box.attributes[name] === value) continue;
    const attributes = { ...box.attributes };
    if (value === undefined) delete attributes[name];
    else attributes[name] = value;
    changes.set(id, { attributes });
  }
  return updateBoxes(doc, changes);
}

/** Marks all given boxes uncertain, or clears the flag when all of them already have it. */
export function toggleUncertain(doc: AnnotationDoc, ids: Iterable<string>): Patch[] {
  const set = new Set(ids);
  const targets = doc.boxes.filter((b) => set.has(b.id));
  if (targets.length === 0) return [];
  const value = !targets.every((b) => b.uncertain);
  return updateBoxes(doc, new Map(targets.map((b) => [b.id, { uncertain: value }])));
}

export function setItemUncertain(doc: AnnotationDoc, value: boolean): Patch[] {
  return doc.uncertain === value
    ? []
    : [{ t: 'meta', key: 'uncertain', before: doc.uncertain, after: value }];
}

/**
 * Toggles an item tag. Choosing the spec's no-defects tag also gives the "no defects"
 * verdict, and removing it withdraws the verdict, so the two never disagree.
 */
export function toggleTag(
  doc: AnnotationDoc,
  tagId: string,
  spec: InstructionSpec | null,
): Patch[] {
  const has = doc.tags.includes(tagId);
  const def = spec?.tags.find((t) => t.id === tagId);
  // "No defects" on an item with boxes is a contradiction; the caller explains the refusal.
  if (def?.noDefects && !has && doc.boxes.length > 0) return [];
  // The no-defects tag is the verdict itself: flag and tag change together.
  if (def?.noDefects)
    return verdictPatches(doc, has ? withVerdict(doc, false, spec) : verdictAlone(doc, spec));
  if (!has && saysNoDefects(doc, spec)) {
    // "defective" next to "ok" would contradict it: another tag replaces the verdict.
    const withdrawn = withVerdict(doc, false, spec);
    return verdictPatches(doc, { tags: [...withdrawn.tags, tagId], noDefects: false });
  }
  const tags = has ? doc.tags.filter((t) => t !== tagId) : [...doc.tags, tagId];
  return [{ t: 'meta', key: 'tags', before: doc.tags, after: tags }];
}

/**
 * "No defects" stands alone (the services refuse it beside another tag): giving the
 * verdict clears the other tags in the same undo step. Doubt goes in the item's
 * "uncertain" flag instead.
 */
function verdictAlone(
  doc: AnnotationDoc,
  spec: InstructionSpec | null,
): { tags: string[]; noDefects: boolean } {
  const ok = noDefectsTagId(spec);
  return ok === null ? withVerdict(doc, true, spec) : { tags: [ok], noDefects: true };
}

/**
 * The explicit "no defects" verdict. Setting it also sets the spec's no-defects tag (when
 * there is one); it is refused while the item has boxes (the caller says why).
 */
export function setNoDefects(
  doc: AnnotationDoc,
  value: boolean,
  spec: InstructionSpec | null,
): Patch[] {
  if (value && doc.boxes.length > 0) return [];
  return verdictPatches(doc, value ? verdictAlone(doc, spec) : withVerdict(doc, false, spec));
}

/**
 * Copies the previous item's boxes into this one with fresh ids, clamped to this image.
 * Boxes that already exist here (same class and rectangle) are skipped, so pressing the key
 * twice does not double them. Suggestion provenance is not copied: these are human boxes.
 */
export function copyBoxesFrom(
  doc: AnnotationDoc,
  source: readonly Box[],
  image: Size,
  newId: () => string,
  spec: InstructionSpec | null = null,
): Patch[] {
  const existing = new Set(doc.boxes.map((b) => `${b.classId}|${b.x}|${b.y}|${b.w}|${b.h}`));
  const copies: Box[] = [];
  for (const b of source) {
    const r = roundRect(clampRect(b, image));
    if (r.w <= 0 || r.h <= 0) continue;
    const key = `${b.classId}|${r.x}|${r.y}|${r.w}|${r.h}`;
    if (existing.has(key)) continue;
    existing.add(key);
    copies.push({ ...b, ...r, id: newId(), attributes: { ...b.attributes }, source: null });
  }
  return addBoxes(doc, copies, spec);
}
