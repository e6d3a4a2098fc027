import { z } from 'zod';
import { AssetKind } from './assets';
import { Id, IsoTime } from './common';

/** How big the sample is: a count of items or a fraction of the candidates. */
export const SampleSizeSpec = z.union([
  z.object({ count: z.number().int().min(1, 'a round needs at least 1 item') }).strict(),
  z
    .object({
      fraction: z
        .number()
        .gt(0, 'the fraction must be above 0')
        .max(1, 'the fraction must be at most 1'),
    })
    .strict(),
]);
export type SampleSizeSpec = z.infer<typeof SampleSizeSpec>;

/**
 * How the sample is drawn: at random, stratified by an asset metadata field (e.g. line or
 * camera), or stratified by the class already present in existing annotations ("accepted":
 * reviewed labels only; "any": any labeler's latest work).
 */
export const StratifySpec = z.discriminatedUnion('by', [
  z.object({ by: z.literal('none') }).strict(),
  z
    .object({ by: z.literal('metadata'), field: z.string().trim().min(1, 'name a metadata field') })
    .strict(),
  z.object({ by: z.literal('class'), source: z.enum(['accepted', 'any']).default('any') }).strict(),
]);
export type StratifySpec = z.infer<typeof StratifySpec>;

export const SamplingSpec = z.object({
  size: SampleSizeSpec,
  stratify: StratifySpec,
  /** Only images or only audio; all assets when absent. */
  kind: AssetKind.nullable(),
  seed: z.number().int(),
});
export type SamplingSpec = z.infer<typeof SamplingSpec>;

export const StratumCount = z.object({
  /** Null: items without a value for the field ("(none)"), or without any class. */
  stratum: z.string().nullable(),
  available: z.number().int(),
  drawn: z.number().int(),
});
export type StratumCount = z.infer<typeof StratumCount>;

export const RoundProgress = z.object({
  /** Items submitted or accepted in this round. */
  done: z.number().int(),
  /** Items with work saved but not submitted. */
  working: z.number().int(),
  total: z.number().int(),
});
export type RoundProgress = z.infer<typeof RoundProgress>;

export const RoundLabeler = z.object({
  id: Id,
  name: z.string(),
  /** Null when the caller may not see it: a labeler sees only their own progress. */
  progress: RoundProgress.nullable(),
});
export type RoundLabeler = z.infer<typeof RoundLabeler>;

export const RoundStatus = z.enum(['open', 'closed']);
export type RoundStatus = z.infer<typeof RoundStatus>;

export const RoundSummary = z.object({
  id: Id,
  name: z.string(),
  createdAt: IsoTime,
  createdBy: z.string(),
  instructionsVersion: z.number().int(),
  showSuggestions: z.boolean(),
  status: RoundStatus,
  closedAt: IsoTime.nullable(),
  itemCount: z.number().int(),
  sampling: SamplingSpec,
  labelers: z.array(RoundLabeler),
  /** The caller's own progress when they label in this round. */
  mine: RoundProgress.nullable(),
  /** What the sample drew from each stratum (one null-keyed row for a random draw). */
  strata: z.array(StratumCount),
  /** Candidates the sample was drawn from (after the kind filter). */
  candidates: z.number().int(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

/** `rounds:get` answers the same as a list entry; kept as its own name for readers. */
export const RoundDetails = RoundSummary;
export type RoundDetails = RoundSummary;

/** What the lead chooses when drawing a round (the CLI's flags map onto it). */
export const RoundDraft = z
  .object({
    /** Two or more distinct people; each labeler needs a PIN (checked by the service, which names them). */
    labelerIds: z.array(Id).min(2, 'pick at least two labelers').max(50),
    size: SampleSizeSpec,
    stratify: StratifySpec.default({ by: 'none' }),
    kind: AssetKind.optional(),
    /** Drawn at random and recorded when absent, so every round can be redrawn. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    showSuggestions: z.boolean().default(false),
    /** The current version when absent. */
    instructionsVersion: z.number().int().positive().optional(),
  })
  .strict();
export type RoundDraft = z.input<typeof RoundDraft>;

export const RoundPreview = z.object({
  candidates: z.number().int(),
  items: z.number().int(),
  strata: z.array(StratumCount),
  seed: z.number().int(),
});
export type RoundPreview = z.infer<typeof RoundPreview>;

const RoundRef = z.object({ roundId: Id }).strict();

export const roundChannels = {
  /** Lead only. Name defaults to the next free "rN". */
  'rounds:create': {
    input: RoundDraft.extend({
      name: z
        .string()
        .trim()
        .min(1)
        .max(40)
        .regex(/^[\w.-]+$/, 'round names use letters, digits, "-", "_" and "." only')
        .optional(),
    }).strict(),
    output: RoundDetails,
  },
  /** Lead only: the sample a draft would draw, without creating the round. */
  'rounds:preview': { input: RoundDraft.omit({ labelerIds: true }), output: RoundPreview },
  /** A lead sees every round; a labeler only the rounds they label in. */
  'rounds:list': {
    input: z.object({ status: RoundStatus.optional() }).strict(),
    output: z.array(RoundSummary),
  },
  'rounds:get': { input: RoundRef, output: RoundDetails },
  /** Lead only. Freezes the round: no more saves for its items in it. */
  'rounds:close': { input: RoundRef, output: RoundDetails },
} as const;
