import type {
  InterchangeAttributeValue,
  InterchangeItem,
  InterchangeProblem,
  ReadResult,
} from './interchange';
import { byFile, emptyItem, isRecord, parseJson, sortedRecord } from './interchange';

/**
 * COCO object detection JSON:
 *
 *   images:      [{ id, file_name, width, height }]
 *   categories:  [{ id, name }]
 *   annotations: [{ id, image_id, category_id, bbox: [x, y, w, h] }]   (pixels, top-left origin)
 *
 * Concord adds a few fields COCO tools ignore, so its own exports round-trip: images carry
 * `tags`, `no_defects` and `uncertain`; annotations carry `attributes` and `uncertain`.
 * Attributes written by other tools (CVAT: `{ "occluded": false, "rotation": 0.0 }`) are kept,
 * numbers as strings.
 */
type CocoId = number | string;

const isId = (v: unknown): v is CocoId =>
  (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length > 0);
const idKey = (v: CocoId) => `${typeof v}:${String(v)}`;
const isPositive = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0;

function readAttributes(
  raw: unknown,
  where: string,
  problems: InterchangeProblem[],
  extra: Partial<InterchangeProblem>,
): Record<string, InterchangeAttributeValue> {
  const out: Record<string, InterchangeAttributeValue> = {};
  if (raw === undefined || raw === null) return out;
  if (!isRecord(raw)) {
    problems.push({ ...extra, where: `${where}.attributes`, message: 'must be an object' });
    return out;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' || typeof value === 'boolean') out[key] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) out[key] = String(value);
    else
      problems.push({
        ...extra,
        where: `${where}.attributes.${key}`,
        message: 'must be a string, a number or true/false',
      });
  }
  return out;
}

function readStringList(raw: unknown): string[] | null {
  if (!Array.isArray(raw)) return null;
  return raw.every((t): t is string => typeof t === 'string' && t.trim().length > 0)
    ? raw.map((t) => t.trim())
    : null;
}

export interface CocoReadResult extends ReadResult {
  /** Category names in the order of the file. */
  categories: string[];
}

export function readCoco(text: string): CocoReadResult {
  const result: CocoReadResult = { items: [], problems: [], categories: [] };
  const problems = result.problems;
  const json = parseJson(text, 'The COCO file');
  if (!json.ok) return { ...result, problems: [json.problem] };
  const doc = json.value;
  if (!isRecord(doc)) {
    problems.push({
      where: '(root)',
      message: 'must be an object with "images" and "annotations"',
    });
    return result;
  }
  for (const key of ['images', 'annotations', 'categories'] as const) {
    if (doc[key] !== undefined && !Array.isArray(doc[key])) {
      problems.push({ where: key, message: 'must be a list' });
    }
  }
  if (!Array.isArray(doc.images)) {
    if (doc.images === undefined) problems.push({ where: 'images', message: 'is required' });
    return result;
  }
  const rawCategories: unknown[] = Array.isArray(doc.categories) ? doc.categories : [];
  const rawAnnotations: unknown[] = Array.isArray(doc.annotations) ? doc.annotations : [];

  const categoryById = new Map<string, string>();
  rawCategories.forEach((c, i) => {
    const where = `categories[${i}]`;
    if (!isRecord(c) || !isId(c.id)) {
      problems.push({ where: `${where}.id`, message: 'is required (a number)' });
      return;
    }
    if (typeof c.name !== 'string' || c.name.trim() === '') {
      problems.push({ where: `${where}.name`, message: 'is required (the class name)' });
      return;
    }
    if (categoryById.has(idKey(c.id))) {
      problems.push({
        where: `${where}.id`,
        message: `category id ${String(c.id)} is given twice`,
      });
      return;
    }
    const name = c.name.trim();
    categoryById.set(idKey(c.id), name);
    if (!result.categories.includes(name)) result.categories.push(name);
  });

  const itemByImageId = new Map<string, { item: InterchangeItem; index: number }>();
  doc.images.forEach((img: unknown, i) => {
    const where = `images[${i}]`;
    if (!isRecord(img) || !isId(img.id)) {
      problems.push({ where: `${where}.id`, message: 'is required (a number)', item: i });
      return;
    }
    if (typeof img.file_name !== 'string' || img.file_name.trim() === '') {
      problems.push({ where: `${where}.file_name`, message: 'is required', item: i });
      return;
    }
    const file = img.file_name.trim();
    if (itemByImageId.has(idKey(img.id))) {
      const message = `image id ${String(img.id)} is given twice`;
      problems.push({ where: `${where}.id`, message, item: i, file });
      return;
    }
    const item = emptyItem(file, `images[${i}]`);
    for (const dim of ['width', 'height'] as const) {
      const v = img[dim];
      if (v === undefined || v === null) continue;
      if (isPositive(v)) item[dim] = v;
      else
        problems.push({
          where: `${where}.${dim}`,
          message: 'must be a positive number',
          item: i,
          file,
        });
    }
    if (img.tags !== undefined) {
      const tags = readStringList(img.tags);
      if (tags) item.tags = tags;
      else
        problems.push({
          where: `${where}.tags`,
          message: 'must be a list of tag names',
          item: i,
          file,
        });
    }
    if (typeof img.no_defects === 'boolean') item.noDefects = img.no_defects;
    if (typeof img.uncertain === 'boolean') item.uncertain = img.uncertain;
    itemByImageId.set(idKey(img.id), { item, index: i });
    result.items.push(item);
  });

  rawAnnotations.forEach((a, i) => {
    const where = `annotations[${i}]`;
    if (!isRecord(a)) {
      problems.push({ where, message: 'must be an object' });
      return;
    }
    const label = isId(a.id) ? `${where} (id ${String(a.id)})` : where;
    const target = isId(a.image_id) ? itemByImageId.get(idKey(a.image_id)) : undefined;
    if (!target) {
      const message = isId(a.image_id)
        ? `refers to image_id ${String(a.image_id)}, which is not in "images"`
        : 'image_id is required';
      problems.push({ where: `${label}.image_id`, message });
      return;
    }
    const extra: Partial<InterchangeProblem> = {
      file: target.item.file,
      item: target.index,
      box: target.item.boxes.length,
    };
    const className = isId(a.category_id) ? categoryById.get(idKey(a.category_id)) : undefined;
    if (className === undefined) {
      const message = isId(a.category_id)
        ? `refers to category_id ${String(a.category_id)}, which is not in "categories"`
        : 'category_id is required';
      problems.push({ ...extra, where: `${label}.category_id`, message });
      return;
    }
    const bbox = a.bbox;
    if (
      !Array.isArray(bbox) ||
      bbox.length !== 4 ||
      !bbox.every((v) => typeof v === 'number' && Number.isFinite(v))
    ) {
      problems.push({
        ...extra,
        where: `${label}.bbox`,
        message: 'must be [x, y, width, height] in pixels',
      });
      return;
    }
    const [x, y, w, h] = bbox as [number, number, number, number];
    const attributes = readAttributes(a.attributes, label, problems, extra);
    const uncertain = a.uncertain === true;
    target.item.boxes.push({ className, x, y, w, h, uncertain, attributes, ref: label });
  });
  return result;
}

export interface CocoWriteItem extends InterchangeItem {
  width: number;
  height: number;
}

export interface CocoWriteInput {
  /** Category order (ids 1..n); classes used by boxes but missing here are appended, sorted. */
  classes: string[];
  items: CocoWriteItem[];
  /** Written as `info`; keep it free of timestamps so exports stay byte-identical. */
  info?: Record<string, string | number>;
}

/**
 * Writes COCO deterministically: images sorted by file get ids 1..n, annotations are numbered
 * in image order then box order, keys are always in the same order, and each image,
 * annotation and category sits on one line (compact, yet diffable).
 */
export function writeCoco(input: CocoWriteInput): string {
  const names = [...input.classes];
  const extraNames = new Set<string>();
  for (const item of input.items)
    for (const b of item.boxes) if (!names.includes(b.className)) extraNames.add(b.className);
  names.push(...[...extraNames].sort());
  const categoryId = new Map(names.map((n, i) => [n, i + 1]));

  const images: string[] = [];
  const annotations: string[] = [];
  [...input.items].sort(byFile).forEach((item, i) => {
    const imageId = i + 1;
    images.push(
      JSON.stringify({
        id: imageId,
        file_name: item.file,
        width: item.width,
        height: item.height,
        tags: item.tags,
        no_defects: item.noDefects,
        uncertain: item.uncertain,
      }),
    );
    for (const b of item.boxes) {
      annotations.push(
        JSON.stringify({
          id: annotations.length + 1,
          image_id: imageId,
          category_id: categoryId.get(b.className),
          bbox: [b.x, b.y, b.w, b.h],
          area: b.w * b.h,
          iscrowd: 0,
          segmentation: [],
          uncertain: b.uncertain,
          attributes: sortedRecord(b.attributes),
        }),
      );
    }
  });
  const categories = names.map((name, i) => JSON.stringify({ id: i + 1, name, supercategory: '' }));
  const list = (rows: string[]) => (rows.length ? `[\n    ${rows.join(',\n    ')}\n  ]` : '[]');
  return [
    '{',
    `  "info": ${JSON.stringify(sortedRecord(input.info ?? {}))},`,
    '  "licenses": [],',
    `  "images": ${list(images)},`,
    `  "annotations": ${list(annotations)},`,
    `  "categories": ${list(categories)}`,
    '}',
    '',
  ].join('\n');
}
