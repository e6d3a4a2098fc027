/**
 * The common shape every annotation reader produces and every writer consumes. Readers never
 * throw on bad input: they return what they could read plus a list of problems, so the import
 * service can show the user every problem at once and refuse the whole import.
 *
 * Boxes are in pixels of the displayed (EXIF-oriented) image; classes and tags are NAMES (the
 * service maps them onto the instruction ids); segment times are seconds.
 */
export type InterchangeAttributeValue = string | boolean;

export interface InterchangeBox {
  className: string;
  x: number;
  y: number;
  w: number;
  h: number;
  uncertain: boolean;
  attributes: Record<string, InterchangeAttributeValue>;
  /** Where the box came from in the input (`annotations[12] (id 57)`), for messages. */
  ref?: string;
}

export interface InterchangeSegment {
  start: number;
  end: number;
  text: string;
}

export interface InterchangeItem {
  /** Path (relative to the import root) or bare file name of the asset. */
  file: string;
  boxes: InterchangeBox[];
  tags: string[];
  noDefects: boolean;
  /** The labeler was unsure about the item as a whole (Concord's own format only). */
  uncertain: boolean;
  segments: InterchangeSegment[];
  /** The image size the source tool saw (COCO), checked against the asset's displayed size. */
  width?: number;
  height?: number;
  /** Where the item came from in the input (`items[3]`, `images[3]`, `labels/a.txt`). */
  ref?: string;
}

export interface InterchangeProblem {
  /** Where in the input, e.g. `items[3].boxes[1].w` or `labels/a.txt:4`. */
  where: string;
  message: string;
  /** The item's file as written in the input, when known. */
  file?: string;
  /** Index of the item in the input, when known. */
  item?: number;
  /** Index of the box within its item, when known. */
  box?: number;
}

export interface ReadResult {
  items: InterchangeItem[];
  problems: InterchangeProblem[];
}

export function emptyItem(file: string, ref?: string): InterchangeItem {
  const item: InterchangeItem = {
    file,
    boxes: [],
    tags: [],
    noDefects: false,
    uncertain: false,
    segments: [],
  };
  if (ref !== undefined) item.ref = ref;
  return item;
}

/** The item without its `ref`s, e.g. to compare what was read with what was written. */
export function withoutRefs(item: InterchangeItem): InterchangeItem {
  const { ref: _ref, ...rest } = item;
  return { ...rest, boxes: item.boxes.map(({ ref: _r, ...b }) => b) };
}

/** JSON.parse that reports a problem instead of throwing. */
export function parseJson(
  text: string,
  what: string,
): { ok: true; value: unknown } | { ok: false; problem: InterchangeProblem } {
  try {
    return { ok: true, value: JSON.parse(stripBom(text)) as unknown };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      problem: { where: '(file)', message: `${what} is not valid JSON: ${reason}` },
    };
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Object with its keys sorted, so written files never depend on insertion order. */
export function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key]!;
  return out;
}

/** Sorts by file with a plain code-unit comparison (locale-independent, so byte-stable). */
export function byFile<T extends { file: string }>(a: T, b: T): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
