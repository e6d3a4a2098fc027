import { z } from 'zod';

/**
 * The agreement report (product.md "Agreement definitions" and `concord agreement --json`),
 * shared by the agreement service, the CLI and the renderer. Computed by
 * shared/domain/agreement/report.ts; `round` is filled in by the caller.
 *
 * Conventions:
 * - A figure that is undefined is null ("n/a"): F1 when neither labeler drew a box, kappa or
 *   alpha without variation, WER when the reference has no words.
 * - `...Ci95` is the 95% percentile bootstrap interval over items [low, high]; null when the
 *   bootstrap was off or the figure is undefined in every resample. `items` / `...Items` is
 *   the number of items behind the figure.
 * - For a pair, counts are integers. With more than two labelers the top-level `boxes` and
 *   `transcripts` are means over the pairs that share at least one item, so counts there may
 *   be fractional.
 */
export const Ci95 = z.tuple([z.number(), z.number()]).nullable();
export type Ci95 = z.infer<typeof Ci95>;

const Count = z.number().nonnegative();
const ItemCount = z.number().int().nonnegative();
const Figure = z.number().nullable();

export const ClassAgreement = z.object({
  classId: z.string(),
  /** Display name from the instructions; the id when the class is no longer defined. */
  class: z.string(),
  nA: Count,
  nB: Count,
  agreements: Count,
  /** 2 * agreements / (nA + nB); null when neither labeler drew the class. */
  f1: Figure,
  ci95: Ci95,
  /** Items in which either labeler drew this class. */
  items: ItemCount,
});
export type ClassAgreement = z.infer<typeof ClassAgreement>;

export const BoxAgreementSummary = z.object({
  f1: Figure,
  f1Ci95: Ci95,
  /** Items with at least one box from either labeler. */
  items: ItemCount,
  /** Mean IoU over agreement pairs (matched, same class). */
  meanIoU: Figure,
  meanIoUCi95: Ci95,
  /** Items with at least one agreement pair (behind the mean IoU). */
  meanIoUItems: ItemCount,
  nA: Count,
  nB: Count,
  agreements: Count,
  classConflicts: Count,
  onlyA: Count,
  onlyB: Count,
  /** Items with at least one class conflict, only-A box, only-B box (any pair). */
  conflictItems: ItemCount,
  onlyAItems: ItemCount,
  onlyBItems: ItemCount,
  /** Worst first: lowest F1 first, n/a last; ties by more boxes, then name. */
  perClass: z.array(ClassAgreement),
});
export type BoxAgreementSummary = z.infer<typeof BoxAgreementSummary>;

export const TagAgreementSummary = z.object({
  /** Two labelers only (null at the top level with more than two). */
  cohenKappa: Figure,
  cohenKappaCi95: Ci95,
  /** Items both labelers tagged. */
  cohenKappaItems: ItemCount,
  /** Nominal, over all labelers of the report (or of the pair, in `pairs`). */
  krippendorffAlpha: Figure,
  krippendorffAlphaCi95: Ci95,
  /** Items with at least two tag values. */
  krippendorffAlphaItems: ItemCount,
});
export type TagAgreementSummary = z.infer<typeof TagAgreementSummary>;

export const TranscriptAgreementSummary = z.object({
  /** Corpus WER(A -> B) = sum word edits / sum words(A); A is the first labeler of the pair. */
  wer: Figure,
  cer: Figure,
  /** Mean |start diff| and |end diff| over matched segments (temporal IoU >= 0.5), ms. */
  boundaryDeviationMs: Figure,
  /** Items where either labeler has at least one segment. */
  items: ItemCount,
  words: Count,
  wordEdits: Count,
  chars: Count,
  charEdits: Count,
  matchedSegments: Count,
});
export type TranscriptAgreementSummary = z.infer<typeof TranscriptAgreementSummary>;

/**
 * Rows: first labeler's class; columns: second labeler's class. Index `classIds.length` is
 * "none": a box the other labeler has no match for (only-A in the last column, only-B in the
 * last row). The diagonal holds the agreements.
 */
export const ConfusionMatrix = z.object({
  classIds: z.array(z.string()),
  matrix: z.array(z.array(ItemCount)),
});
export type ConfusionMatrix = z.infer<typeof ConfusionMatrix>;

const LabelerPair = z.tuple([z.string(), z.string()]);

export const PairAgreement = z.object({
  labelers: LabelerPair,
  /** Items both labelers annotated. */
  items: ItemCount,
  itemsInFullAgreement: ItemCount,
  boxes: BoxAgreementSummary,
  tags: TagAgreementSummary,
  transcripts: TranscriptAgreementSummary,
  confusion: ConfusionMatrix,
});
export type PairAgreement = z.infer<typeof PairAgreement>;

export const ItemClassCounts = z.object({
  classId: z.string(),
  nA: ItemCount,
  nB: ItemCount,
  agreements: ItemCount,
});

export const ItemPairAgreement = z.object({
  labelers: LabelerPair,
  /** No class conflict and no unmatched box (two empty items agree). */
  fullAgreement: z.boolean(),
  nA: ItemCount,
  nB: ItemCount,
  agreements: ItemCount,
  classConflicts: ItemCount,
  onlyA: ItemCount,
  onlyB: ItemCount,
  meanIoU: Figure,
  /** Classes either labeler drew on this item. */
  perClass: z.array(ItemClassCounts),
  /** Off-diagonal confusion cells (null = no box): conflicts, only-A, only-B. */
  confusion: z.array(
    z.object({ a: z.string().nullable(), b: z.string().nullable(), count: ItemCount }),
  ),
  /** Same tag value; null when either labeler did not tag the item. */
  tagsAgree: z.boolean().nullable(),
  /** Null when neither labeler has segments on this item. */
  transcript: z
    .object({
      words: ItemCount,
      wordEdits: ItemCount,
      chars: ItemCount,
      charEdits: ItemCount,
      wer: Figure,
      cer: Figure,
      matchedSegments: ItemCount,
      boundaryDeviationMs: Figure,
    })
    .nullable(),
});
export type ItemPairAgreement = z.infer<typeof ItemPairAgreement>;

export const ItemAgreement = z.object({
  itemKey: z.string(),
  /** The labelers who annotated this item, in report order. */
  labelers: z.array(z.string()),
  /** Every pair of them is in full box agreement. */
  fullAgreement: z.boolean(),
  /** Class conflicts + only-A + only-B over all pairs: orders a review queue. */
  disagreements: ItemCount,
  /** Tag set per labeler (sorted tag ids); null = the labeler did not tag the item. */
  tags: z.record(z.string(), z.array(z.string()).nullable()),
  pairs: z.array(ItemPairAgreement),
});
export type ItemAgreement = z.infer<typeof ItemAgreement>;

export const AgreementReport = z.object({
  round: z.string().nullable(),
  iou: z.number(),
  labelers: z.array(z.string()),
  /** Items annotated by at least two of the labelers (the items compared). */
  items: ItemCount,
  itemsInFullAgreement: ItemCount,
  /** Items passed in that fewer than two labelers annotated (not compared). */
  itemsSkipped: ItemCount,
  boxes: BoxAgreementSummary,
  tags: TagAgreementSummary,
  transcripts: TranscriptAgreementSummary,
  pairs: z.array(PairAgreement),
  perItem: z.array(ItemAgreement),
  bootstrap: z.object({ samples: ItemCount, seed: z.number() }),
});
export type AgreementReport = z.infer<typeof AgreementReport>;

/** User-adjustable settings of an agreement computation (CLI flags, app controls). */
export const AgreementSettings = z.object({
  iou: z
    .number()
    .gt(0, 'IoU threshold must be above 0')
    .max(1, 'IoU threshold must be at most 1')
    .default(0.5),
  bootstrapSamples: z.number().int().min(0).max(100_000).default(1000),
  seed: z.number().int().default(1),
});
export type AgreementSettings = z.infer<typeof AgreementSettings>;
