import type { AnnotationDoc, Box } from '../../../../shared/api/schemas/annotationDoc';

/**
 * The unit of change of an annotation document. Undo/redo, autosave and the canvas all work
 * on patches: an edit of one box among 5,000 records that one box, never the whole document.
 *
 * Indices are positions in `doc.boxes` at the moment the patch applies (sequential
 * semantics), so a list of patches and its inverse replay exactly.
 */
export type MetaKey = 'tags' | 'noDefects' | 'uncertain';
type MetaValue<K extends MetaKey> = AnnotationDoc[K];

export type Patch =
  | { t: 'add'; index: number; box: Box }
  | { t: 'remove'; index: number; box: Box }
  | { t: 'update'; id: string; before: Box; after: Box }
  | { [K in MetaKey]: { t: 'meta'; key: K; before: MetaValue<K>; after: MetaValue<K> } }[MetaKey];

export function invertPatch(p: Patch): Patch {
  switch (p.t) {
    case 'add':
      return { t: 'remove', index: p.index, box: p.box };
    case 'remove':
      return { t: 'add', index: p.index, box: p.box };
    case 'update':
      return { t: 'update', id: p.id, before: p.after, after: p.before };
    case 'meta':
      return { ...p, before: p.after, after: p.before } as Patch;
  }
}

/** The patches that undo `patches` (inverted, in reverse order). */
export function invertPatches(patches: readonly Patch[]): Patch[] {
  const out: Patch[] = new Array<Patch>(patches.length);
  for (let i = 0; i < patches.length; i++) out[patches.length - 1 - i] = invertPatch(patches[i]!);
  return out;
}

function indexById(boxes: readonly Box[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < boxes.length; i++) m.set(boxes[i]!.id, i);
  return m;
}

/**
 * Applies patches and returns a new document (the input is not touched: React and the
 * history keep references to old documents). The boxes array is copied once per call,
 * whatever the number of patches; runs of updates and removes are applied through an
 * id index so dragging or deleting thousands of boxes stays linear.
 */
export function applyPatches(doc: AnnotationDoc, patches: readonly Patch[]): AnnotationDoc {
  if (patches.length === 0) return doc;
  let boxes: Box[] | null = null;
  let index: Map<string, number> | null = null;
  let next: AnnotationDoc = doc;
  const ensureBoxes = (): Box[] => (boxes ??= doc.boxes.slice());
  let i = 0;
  while (i < patches.length) {
    const p = patches[i]!;
    if (p.t === 'update') {
      const arr = ensureBoxes();
      index ??= indexById(arr);
      const at = index.get(p.id);
      if (at === undefined)
        throw new Error(`patch updates box ${p.id}, which is not in the document`);
      arr[at] = p.after;
      i++;
    } else if (p.t === 'remove') {
      // A run of removes is applied as one filter.
      const ids = new Set<string>();
      while (i < patches.length && patches[i]!.t === 'remove') {
        ids.add((patches[i] as { box: Box }).box.id);
        i++;
      }
      const arr = ensureBoxes();
      if (ids.size === 1) {
        const [only] = ids;
        const at = arr.findIndex((b) => b.id === only);
        if (at < 0) throw new Error(`patch removes box ${only}, which is not in the document`);
        arr.splice(at, 1);
      } else {
        boxes = arr.filter((b) => !ids.has(b.id));
      }
      index = null;
    } else if (p.t === 'add') {
      const arr = ensureBoxes();
      if (p.index >= arr.length) arr.push(p.box);
      else arr.splice(p.index, 0, p.box);
      index = null;
      i++;
    } else {
      next = { ...next, [p.key]: p.after };
      i++;
    }
  }
  return boxes ? { ...next, boxes } : next;
}

function sameBox(a: Box, b: Box): boolean {
  if (a === b) return true;
  if (
    a.id !== b.id ||
    a.classId !== b.classId ||
    a.x !== b.x ||
    a.y !== b.y ||
    a.w !== b.w ||
    a.h !== b.h ||
    a.uncertain !== b.uncertain
  ) {
    return false;
  }
  return JSON.stringify([a.attributes, a.source]) === JSON.stringify([b.attributes, b.source]);
}

function sameMeta(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Folds a gesture's patches into as few as possible: successive updates of one box become
 * one update, an update of a box added in the same gesture folds into the add, an add
 * followed by a remove cancels, and updates that end where they started disappear.
 */
export function squashPatches(patches: readonly Patch[]): Patch[] {
  const out: Array<Patch | null> = [];
  const lastUpdate = new Map<string, number>();
  const added = new Map<string, number>();
  const lastMeta = new Map<MetaKey, number>();
  for (const p of patches) {
    if (p.t === 'update') {
      const a = added.get(p.id);
      if (a !== undefined) {
        const add = out[a] as Extract<Patch, { t: 'add' }>;
        out[a] = { ...add, box: p.after };
        continue;
      }
      const u = lastUpdate.get(p.id);
      if (u !== undefined) {
        const prev = out[u] as Extract<Patch, { t: 'update' }>;
        out[u] = { t: 'update', id: p.id, before: prev.before, after: p.after };
        continue;
      }
      lastUpdate.set(p.id, out.length);
      out.push(p);
    } else if (p.t === 'meta') {
      const m = lastMeta.get(p.key);
      if (m !== undefined) {
        const prev = out[m] as Patch & { t: 'meta' };
        out[m] = { ...prev, after: p.after } as Patch;
        continue;
      }
      lastMeta.set(p.key, out.length);
      out.push(p);
    } else if (p.t === 'add') {
      added.set(p.box.id, out.length);
      lastUpdate.delete(p.box.id);
      out.push(p);
    } else {
      lastUpdate.delete(p.box.id);
      const a = added.get(p.box.id);
      added.delete(p.box.id);
      // Added and removed in one gesture: nothing happened, as long as no other add or
      // remove sits in between (their indices were computed with this box present).
      if (
        a !== undefined &&
        out.slice(a + 1).every((q) => q === null || q.t === 'update' || q.t === 'meta')
      ) {
        out[a] = null;
        continue;
      }
      out.push(p);
    }
  }
  return out.filter((p): p is Patch => {
    if (p === null) return false;
    if (p.t === 'update') return !sameBox(p.before, p.after);
    if (p.t === 'meta') return !sameMeta(p.before, p.after);
    return true;
  });
}
