import { z } from 'zod';
import { AnnotationDoc } from './annotationDoc';
import { ClassStyle, TagName } from './agreementChannels';
import { AssetKind } from './assets';
import { Id, IsoTime } from './common';
import { RoundStatus } from './rounds';

/**
 * The lead's view of everyone's work (capability 9: WORKING -> SUBMITTED -> REVIEWED, "leads
 * see queues per state"). Only stored work has a state here: an item nobody opened is not
 * anyone's work yet, so there is no 'unlabeled'.
 */
export const WorkState = z.enum(['working', 'submitted', 'accepted', 'sent_back']);
export type WorkState = z.infer<typeof WorkState>;

export const WorkCounts = z.object({
  working: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  sent_back: z.number().int(),
});
export type WorkCounts = z.infer<typeof WorkCounts>;

export const WorkOverviewInput = z
  .object({
    labelerId: Id.optional(),
    /** Any of these states; every state when absent or empty. */
    status: z.array(WorkState).optional(),
    /** A round's work; `null` for work outside rounds; all work when absent. */
    roundId: Id.nullable().optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type WorkOverviewInput = z.input<typeof WorkOverviewInput>;

export const WorkRow = z.object({
  assetId: Id,
  relPath: z.string(),
  fileName: z.string(),
  kind: AssetKind,
  labelerId: Id,
  labelerName: z.string(),
  roundId: Id.nullable(),
  roundName: z.string().nullable(),
  roundStatus: RoundStatus.nullable(),
  status: WorkState,
  boxCount: z.number().int(),
  updatedAt: IsoTime,
  /** When the item was last submitted (null if never). */
  submittedAt: IsoTime.nullable(),
  /** The lead's comment of the last review (kept after resubmitting, for context). */
  comment: z.string().nullable(),
});
export type WorkRow = z.infer<typeof WorkRow>;

export const WorkOverview = z.object({
  /** Per person with work in the round scope (ignoring the labeler and status filters). */
  labelers: z.array(z.object({ labelerId: Id, name: z.string(), counts: WorkCounts })),
  /** Sum over `labelers`. */
  counts: WorkCounts,
  /** Rows matching every filter. */
  total: z.number().int(),
  /** Oldest submission first: the review queue is first come, first served. */
  rows: z.array(WorkRow),
  /** Every round, for the scope picker. */
  rounds: z.array(z.object({ id: Id, name: z.string(), status: RoundStatus })),
  /**
   * Other people's work left out because the caller labels in an open round holding those
   * items (blindness applies to leads who label too), with the first such round's name.
   */
  hidden: z.object({ items: z.number().int(), roundName: z.string().nullable() }),
});
export type WorkOverview = z.infer<typeof WorkOverview>;

/** One labeler's annotation of one item, for the lead to review read-only. */
export const WorkItem = z.object({
  assetId: Id,
  relPath: z.string(),
  kind: AssetKind,
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationSec: z.number().nullable(),
  labelerId: Id,
  labelerName: z.string(),
  round: z.object({ id: Id, name: z.string(), status: RoundStatus }).nullable(),
  status: WorkState,
  revision: z.number().int().positive(),
  instructionsVersion: z.number().int().nullable(),
  doc: AnnotationDoc,
  updatedAt: IsoTime,
  submittedAt: IsoTime.nullable(),
  comment: z.string().nullable(),
  /** Names and colours of the classes in `doc` (its instructions version first). */
  classes: z.array(ClassStyle),
  tags: z.array(TagName),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const workOverviewChannels = {
  /** Lead only: everyone's work per state, filtered and paged. */
  'work:overview': { input: WorkOverviewInput, output: WorkOverview },
  /** Lead only: one labeler's annotation of one item (blindness applies as everywhere). */
  'work:item': {
    input: z.object({ assetId: Id, labelerId: Id, roundId: Id.optional() }).strict(),
    output: WorkItem,
  },
} as const;
