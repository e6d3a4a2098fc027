import { z } from 'zod';

/**
 * One labeler's annotation of one asset. Coordinates are pixels of the *displayed*
 * (EXIF-oriented) image and never depend on zoom; times are seconds.
 */
export const AttributeValue = z.union([z.string().max(2000), z.boolean()], {
  // The zod default ("Invalid input") does not say what an attribute may hold; the service
  // then checks the value against the class's own definition (docValidation.ts).
  error: (issue) =>
    `an attribute value must be text (at most 2,000 characters) or true/false (got ${
      typeof issue.input === 'string' ? 'longer text' : (JSON.stringify(issue.input) ?? 'nothing')
    })`,
});

export const BoxSource = z.object({
  /** Set when the box started as a model suggestion the labeler accepted or edited. */
  suggestionId: z.number().int().positive(),
  model: z.string(),
  modelVersion: z.string(),
  confidence: z.number().min(0).max(1),
  edited: z.boolean(),
});
export type BoxSource = z.infer<typeof BoxSource>;

export const Box = z.object({
  id: z.string().min(1).max(64),
  classId: z.string().min(1).max(64),
  x: z.number().finite(),
  y: z.number().finite(),
  w: z.number().finite().nonnegative(),
  h: z.number().finite().nonnegative(),
  attributes: z.record(z.string(), AttributeValue),
  uncertain: z.boolean(),
  source: BoxSource.nullable(),
});
export type Box = z.infer<typeof Box>;

export const Segment = z.object({
  id: z.string().min(1).max(64),
  start: z.number().finite().nonnegative(),
  end: z.number().finite().nonnegative(),
  text: z.string().max(100_000),
});
export type Segment = z.infer<typeof Segment>;

export const AnnotationDoc = z.object({
  boxes: z.array(Box).max(100_000),
  /** Item-level tag ids (usually one, e.g. ok / defective / uncertain). */
  tags: z.array(z.string()),
  /** The explicit "no defects" verdict: an empty item is only done when someone said so. */
  noDefects: z.boolean(),
  /** The labeler is unsure about this item as a whole. */
  uncertain: z.boolean(),
  segments: z.array(Segment),
});
export type AnnotationDoc = z.infer<typeof AnnotationDoc>;

export const emptyDoc = (): AnnotationDoc => ({
  boxes: [],
  tags: [],
  noDefects: false,
  uncertain: false,
  segments: [],
});

/** WORKING -> SUBMITTED -> REVIEWED (accepted, or sent back to WORKING with a comment). */
export const ItemStatus = z.enum(['unlabeled', 'working', 'submitted', 'accepted', 'sent_back']);
export type ItemStatus = z.infer<typeof ItemStatus>;
