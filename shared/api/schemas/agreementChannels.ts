import { z } from 'zod';
import { AgreementReport, Ci95, ItemPairAgreement } from './agreement';
import { AnnotationDoc } from './annotationDoc';
import { AssetKind } from './assets';
import { Id } from './common';
import { RoundStatus } from './rounds';

/**
 * The agreement service's channels. The report itself is shared/api/schemas/agreement.ts;
 * these add what a screen needs around it: the scope it covers, class colours, a trend
 * across rounds or instruction versions, and the items behind any figure.
 */

const Iou = z
  .number()
  .gt(0, 'the IoU threshold must be above 0')
  .max(1, 'the IoU threshold must be at most 1');

/** Which annotations are compared: a round's, or every item two or more people annotated. */
export const AgreementScope = z
  .object({
    roundId: Id.optional(),
    /** Only annotations made under this instructions version. */
    instructionsVersion: z.number().int().positive().optional(),
    iou: Iou.default(0.5),
  })
  .strict();
export type AgreementScope = z.input<typeof AgreementScope>;

export const ClassStyle = z.object({ id: z.string(), name: z.string(), color: z.string() });
export type ClassStyle = z.infer<typeof ClassStyle>;

/** An item tag's display name (documents store tag ids). */
export const TagName = z.object({ id: z.string(), name: z.string() });
export type TagName = z.infer<typeof TagName>;

/**
 * Items of a closed round left out for the caller because they are also in an open round
 * that blinds them: how many, and which open rounds (never anything about the annotations).
 */
export const LeftOutItems = z.object({
  items: z.number().int().positive(),
  openRounds: z.array(z.string()),
});
export type LeftOutItems = z.infer<typeof LeftOutItems>;

export const AgreementView = z.object({
  /** The report without `perItem` (ask `agreement:items` for the items behind a figure). */
  report: AgreementReport.omit({ perItem: true }),
  round: z
    .object({
      id: Id,
      name: z.string(),
      status: RoundStatus,
      instructionsVersion: z.number().int(),
    })
    .nullable(),
  instructionsVersion: z.number().int().nullable(),
  /** Every class of the instructions plus ids met in the annotations, for names and colours. */
  classes: z.array(ClassStyle),
  leftOut: LeftOutItems.nullable(),
});
export type AgreementView = z.infer<typeof AgreementView>;

export const TrendClassPoint = z.object({
  classId: z.string(),
  f1: z.number().nullable(),
  ci95: Ci95,
  items: z.number().int(),
});

export const TrendPoint = z.object({
  /** "r1" or "v3". */
  label: z.string(),
  roundId: Id.nullable(),
  instructionsVersion: z.number().int().nullable(),
  items: z.number().int(),
  f1: z.number().nullable(),
  f1Ci95: Ci95,
  cohenKappa: z.number().nullable(),
  krippendorffAlpha: z.number().nullable(),
  perClass: z.array(TrendClassPoint),
  leftOut: LeftOutItems.nullable(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const AgreementTrend = z.object({
  by: z.enum(['round', 'instructionsVersion']),
  points: z.array(TrendPoint),
  classes: z.array(ClassStyle),
  /** Sentences like "After revising 'foreign particle' in v4, its F1 went from 0.41 to 0.83." */
  insights: z.array(z.string()),
  /** Open rounds the caller may not see yet (left out of the trend). */
  hiddenRounds: z.array(z.string()),
});
export type AgreementTrend = z.infer<typeof AgreementTrend>;

/**
 * Which items are behind a figure:
 * - all / full / disagreement: every compared item, those in full agreement, the others;
 * - class: items where either labeler drew `classId`; classDisagreement: where they differ on it;
 * - conflict: matched boxes with different classes (`a` -> `b` when given);
 * - onlyA / onlyB: unmatched boxes of the pair's first / second labeler (of `classId` when given);
 * - cell: a confusion cell `a` x `b` (null = no box: only-A in the last column, only-B in the last row);
 * - tagDisagreement: items whose tags differ.
 */
export const ItemFilterKind = z.enum([
  'all',
  'full',
  'disagreement',
  'class',
  'classDisagreement',
  'conflict',
  'onlyA',
  'onlyB',
  'cell',
  'tagDisagreement',
]);
export type ItemFilterKind = z.infer<typeof ItemFilterKind>;

export const ItemFilter = z
  .object({
    kind: ItemFilterKind,
    classId: z.string().optional(),
    a: z.string().nullable().optional(),
    b: z.string().nullable().optional(),
    /** One pair of labelers (names); every pair when absent. */
    pair: z.tuple([z.string(), z.string()]).optional(),
  })
  .strict();
export type ItemFilter = z.infer<typeof ItemFilter>;

export const AgreementItem = z.object({
  assetId: Id,
  relPath: z.string(),
  fileName: z.string(),
  kind: AssetKind,
  labelers: z.array(z.string()),
  fullAgreement: z.boolean(),
  disagreements: z.number().int(),
  /** One line, e.g. "2 class conflicts, 1 only-ana". */
  summary: z.string(),
});
export type AgreementItem = z.infer<typeof AgreementItem>;

/** One item of a comparison, every labeler's annotation side by side (the click-through target). */
export const AgreementItemDetail = z.object({
  assetId: Id,
  relPath: z.string(),
  kind: AssetKind,
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** Labelers in report order; `doc` null when the labeler has not annotated the item. */
  annotations: z.array(z.object({ labeler: z.string(), doc: AnnotationDoc.nullable() })),
  /** Null when fewer than two labelers annotated the item. */
  pairs: z.array(ItemPairAgreement).nullable(),
  classes: z.array(ClassStyle),
  /** Names of the tag ids in the documents (the scope's instructions first, then the current). */
  tags: z.array(TagName),
});
export type AgreementItemDetail = z.infer<typeof AgreementItemDetail>;

export const agreementChannels = {
  /** Agreement of an open round is for leads who do not label in it (blindness). */
  'agreement:report': { input: AgreementScope, output: AgreementView },
  'agreement:trend': {
    input: z
      .object({
        by: z.enum(['round', 'instructionsVersion']).default('round'),
        iou: Iou.default(0.5),
      })
      .strict(),
    output: AgreementTrend,
  },
  'agreement:items': {
    input: z
      .object({
        roundId: Id.optional(),
        instructionsVersion: z.number().int().positive().optional(),
        iou: Iou.default(0.5),
        filter: ItemFilter,
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
    output: z.object({ total: z.number().int(), items: z.array(AgreementItem) }),
  },
  /** Every labeler's annotation of one compared item (same scope and blindness as the report). */
  'agreement:item': {
    input: z
      .object({
        assetId: Id,
        roundId: Id.optional(),
        instructionsVersion: z.number().int().positive().optional(),
        iou: Iou.default(0.5),
      })
      .strict(),
    output: AgreementItemDetail,
  },
} as const;
