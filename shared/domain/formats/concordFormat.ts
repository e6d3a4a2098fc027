import { z } from 'zod';
import type { InterchangeItem, InterchangeProblem, ReadResult } from './interchange';
import { byFile, isRecord, parseJson, sortedRecord } from './interchange';
import { ANNOTATIONS_FORMAT, ANNOTATIONS_FORMAT_VERSION, formatStampProblem } from './formatStamp';
import { zodProblems } from './zodProblems';

/**
 * Concord's own annotation file (product.md): one labeler's annotations keyed by the asset's
 * path relative to the import root (or its bare file name where that is unique).
 *
 *   { "labeler": "ana", "instructionsVersion": 3,
 *     "items": [ { "file": "line2/img_0007.png", "tags": ["defective"], "noDefects": false,
 *                  "boxes": [ { "class": "scratch", "x": 10, "y": 20, "w": 30, "h": 40,
 *                               "uncertain": false, "attributes": { "severity": "major" } } ],
 *                  "segments": [ { "start": 0.52, "end": 1.9, "text": "um today's weather" } ] } ] }
 *
 * Hand-written files are welcome, so the optional parts (tags, boxes, segments, flags,
 * attributes) default to empty/false. Unknown fields are ignored.
 */
const finite = z.number().finite();
const nonNegative = finite.min(0);

const ConcordBox = z.object({
  class: z.string().trim().min(1),
  x: finite,
  y: finite,
  w: nonNegative,
  h: nonNegative,
  uncertain: z.boolean().default(false),
  attributes: z
    .record(
      z.string(),
      z.union([z.string(), z.boolean()], { error: 'must be a string or true/false' }),
    )
    .default({}),
});

const ConcordSegment = z
  .object({ start: nonNegative, end: nonNegative, text: z.string() })
  .superRefine((s, ctx) => {
    if (s.end < s.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `must be >= start (${s.start}), got ${s.end}`,
      });
    }
  });

const ConcordItem = z.object({
  file: z.string().trim().min(1),
  tags: z.array(z.string().trim().min(1)).default([]),
  noDefects: z.boolean().default(false),
  uncertain: z.boolean().default(false),
  boxes: z.array(ConcordBox).default([]),
  segments: z.array(ConcordSegment).default([]),
});

const ConcordHeader = z.object({
  labeler: z.string().trim().min(1).optional(),
  instructionsVersion: z.number().int().min(1).nullable().optional(),
  items: z.array(z.unknown()),
});

export interface ConcordReadResult extends ReadResult {
  /** The labeler the file says it belongs to (null when the file does not say). */
  labeler: string | null;
  instructionsVersion: number | null;
  /**
   * Set when the file is from a newer Concord or is another format: the caller refuses the
   * whole file with "<file> <formatProblem>" instead of listing item problems.
   */
  formatProblem: string | null;
}

/**
 * Reads a Concord annotation file. Every item is validated on its own, so one bad box does
 * not hide the problems in the other items; items with problems are left out of `items`.
 */
export function readConcord(text: string): ConcordReadResult {
  const result: ConcordReadResult = {
    items: [],
    problems: [],
    labeler: null,
    instructionsVersion: null,
    formatProblem: null,
  };
  const json = parseJson(text, 'The Concord annotation file');
  if (!json.ok) return { ...result, problems: [json.problem] };
  if (!isRecord(json.value)) {
    result.problems.push({ where: '(root)', message: 'must be an object with "items"' });
    return result;
  }
  result.formatProblem = formatStampProblem(
    json.value,
    ANNOTATIONS_FORMAT,
    ANNOTATIONS_FORMAT_VERSION,
    'a Concord annotation file',
  );
  if (result.formatProblem) return result;
  const header = ConcordHeader.safeParse(json.value, { reportInput: true });
  if (!header.success) {
    result.problems.push(...zodProblems(header.error, []));
    return result;
  }
  result.labeler = header.data.labeler ?? null;
  result.instructionsVersion = header.data.instructionsVersion ?? null;
  header.data.items.forEach((raw, index) => {
    const file = isRecord(raw) && typeof raw.file === 'string' ? raw.file : undefined;
    const parsed = ConcordItem.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      const extra: Partial<InterchangeProblem> = { item: index, ...(file ? { file } : {}) };
      result.problems.push(...zodProblems(parsed.error, ['items', index], extra));
      return;
    }
    const item = parsed.data;
    result.items.push({
      file: item.file,
      ref: `items[${index}]`,
      tags: item.tags,
      noDefects: item.noDefects,
      uncertain: item.uncertain,
      boxes: item.boxes.map((b, k) => ({
        className: b.class,
        x: b.x,
        y: b.y,
        w: b.w,
        h: b.h,
        uncertain: b.uncertain,
        attributes: b.attributes,
        ref: `items[${index}].boxes[${k}]`,
      })),
      segments: item.segments.map((s) => ({ start: s.start, end: s.end, text: s.text })),
    });
  });
  return result;
}

export interface ConcordWriteInput {
  labeler: string;
  instructionsVersion: number | null;
  items: InterchangeItem[];
}

/**
 * Writes a Concord annotation file. Items are sorted by file and every key is written in a
 * fixed order, so writing the same annotations twice gives byte-identical files.
 */
export function writeConcord(input: ConcordWriteInput): string {
  const items = [...input.items].sort(byFile).map((item) => ({
    file: item.file,
    tags: [...item.tags],
    noDefects: item.noDefects,
    uncertain: item.uncertain,
    boxes: item.boxes.map((b) => ({
      class: b.className,
      x: b.x,
      y: b.y,
      w: b.w,
      h: b.h,
      uncertain: b.uncertain,
      attributes: sortedRecord(b.attributes),
    })),
    segments: item.segments.map((s) => ({ start: s.start, end: s.end, text: s.text })),
  }));
  const doc = {
    format: ANNOTATIONS_FORMAT,
    formatVersion: ANNOTATIONS_FORMAT_VERSION,
    labeler: input.labeler,
    instructionsVersion: input.instructionsVersion,
    items,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
