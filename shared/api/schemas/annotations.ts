import { z } from 'zod';
import { AnnotationDoc, ItemStatus } from './annotationDoc';
import { AssetKind } from './assets';
import { Id, IsoTime } from './common';

/** The caller's own annotation of one asset, as the editor opens it. */
export const AnnotationState = z.object({
  assetId: Id,
  status: ItemStatus,
  /** 0 when nothing was saved yet; send it back as `baseRevision`. */
  revision: z.number().int().nonnegative(),
  instructionsVersion: z.number().int().nullable(),
  doc: AnnotationDoc,
  updatedAt: IsoTime.nullable(),
  /** Submitted or accepted items are read-only to the labeler until sent back. */
  readOnly: z.boolean(),
  /** The lead's comment when the item was sent back. */
  comment: z.string().nullable(),
});
export type AnnotationState = z.infer<typeof AnnotationState>;

export const RevisionAction = z.enum([
  'save',
  'submit',
  'accept',
  'send-back',
  'merge-class',
  'delete-class-boxes',
  'merge-tag',
  'remove-tag',
  'import',
]);
export type RevisionAction = z.infer<typeof RevisionAction>;

export const AnnotationRevision = z.object({
  revision: z.number().int().positive(),
  savedAt: IsoTime,
  action: RevisionAction,
  actorId: Id.nullable(),
  actorName: z.string(),
  status: ItemStatus,
  instructionsVersion: z.number().int().nullable(),
  boxCount: z.number().int(),
  /** Present when asked for with `withDocs`. */
  doc: AnnotationDoc.optional(),
});
export type AnnotationRevision = z.infer<typeof AnnotationRevision>;

export const StatusCounts = z.object({
  unlabeled: z.number().int(),
  working: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  sent_back: z.number().int(),
});
export type StatusCounts = z.infer<typeof StatusCounts>;

export const QueueItem = z.object({
  assetId: Id,
  relPath: z.string(),
  fileName: z.string(),
  kind: AssetKind,
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationSec: z.number().nullable(),
  status: ItemStatus,
  boxCount: z.number().int(),
  updatedAt: IsoTime.nullable(),
});
export type QueueItem = z.infer<typeof QueueItem>;

/** Work in a blind double-labeling round; work outside rounds when absent. */
const RoundId = Id.optional();

export const QueueInput = z
  .object({
    status: z.array(ItemStatus).optional(),
    /** The round's items and the caller's work in that round. */
    roundId: RoundId,
    kind: AssetKind.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(200),
  })
  .strict();
export type QueueInput = z.input<typeof QueueInput>;

export const QueuePage = z.object({
  /** Items matching the filter. */
  total: z.number().int(),
  /** Over the caller's whole queue (ignoring the status filter, honouring `kind`). */
  counts: StatusCounts,
  items: z.array(QueueItem),
  /**
   * Outside rounds only: the open rounds the caller labels in. Their items are left out of
   * this queue (they are labeled in the round), so the screen can point there.
   */
  openRounds: z.array(z.object({ roundId: Id, name: z.string(), items: z.number().int() })),
});
export type QueuePage = z.infer<typeof QueuePage>;

const AssetRef = z.object({ assetId: Id, roundId: RoundId }).strict();

/**
 * The profile the editor opened the item as. A tab's edits may outlive its sign-in (Switch
 * user, a server restart): the server refuses to write them as anyone else. Optional so
 * scripts and tests that save as themselves need not repeat who they are; the editor
 * always sends it.
 */
const LabelerId = Id.optional();

export const annotationChannels = {
  'annotations:get': { input: AssetRef, output: AnnotationState },
  'annotations:save': {
    input: z
      .object({
        assetId: Id,
        doc: AnnotationDoc,
        baseRevision: z.number().int().nonnegative(),
        roundId: RoundId,
        labelerId: LabelerId,
      })
      .strict(),
    output: z.object({
      revision: z.number().int().positive(),
      savedAt: IsoTime,
      /** Boxes that overshot the image and were clipped to it (reload to see them clipped). */
      clipped: z.number().int(),
    }),
  },
  'annotations:submit': {
    input: z.object({ assetId: Id, roundId: RoundId, labelerId: LabelerId }).strict(),
    output: z.object({ status: ItemStatus, revision: z.number().int().nonnegative() }),
  },
  'annotations:history': {
    input: z
      .object({
        assetId: Id,
        roundId: RoundId,
        limit: z.number().int().min(1).max(1000).default(100),
        withDocs: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ revisions: z.array(AnnotationRevision) }),
  },
  /** Lead only: review outcome of a submitted item. */
  'annotations:setStatus': {
    input: z
      .object({
        assetId: Id,
        labelerId: Id,
        roundId: RoundId,
        status: z.enum(['accepted', 'sent_back']),
        comment: z.string().trim().max(5000).optional(),
      })
      .strict(),
    output: z.object({ status: ItemStatus, revision: z.number().int().positive() }),
  },
  'work:queue': { input: QueueInput, output: QueuePage },
} as const;
