import { z } from 'zod';
import { Empty, Id, IsoTime } from './common';
import { InstructionSpec, InstructionVersion } from './instructionSpec';

/** A saved version as the services return it (the author's profile id when there is one). */
export const StoredInstructionVersion = InstructionVersion.extend({
  /** Null when written by the command line or created automatically. */
  authorId: Id.nullable(),
});
export type StoredInstructionVersion = z.infer<typeof StoredInstructionVersion>;

export const InstructionVersionSummary = z.object({
  version: z.number().int().positive(),
  createdAt: IsoTime,
  author: z.string(),
  note: z.string(),
  classCount: z.number().int(),
});
export type InstructionVersionSummary = z.infer<typeof InstructionVersionSummary>;

/** What to do with the boxes of a class that a new version removes. */
export const ClassResolution = z.discriminatedUnion('action', [
  z.object({
    classId: z.string().min(1),
    action: z.literal('merge'),
    intoClassId: z.string().min(1),
  }),
  z.object({ classId: z.string().min(1), action: z.literal('deleteBoxes') }),
]);
export type ClassResolution = z.infer<typeof ClassResolution>;

/** What to do with item tags a new version removes. */
export const TagResolution = z.discriminatedUnion('action', [
  z.object({ tagId: z.string().min(1), action: z.literal('merge'), intoTagId: z.string().min(1) }),
  z.object({ tagId: z.string().min(1), action: z.literal('remove') }),
]);
export type TagResolution = z.infer<typeof TagResolution>;

export const SavedInstructions = StoredInstructionVersion.extend({
  /** Annotations rewritten by class/tag resolutions (each got a new revision). */
  rewrittenAnnotations: z.number().int(),
  /** Things the lead should know that did not block the save (e.g. unknown example files). */
  warnings: z.array(z.string()),
  /**
   * The spec was identical to the latest version, so no version was saved: this is that
   * latest version, unchanged.
   */
  unchanged: z.boolean(),
});
export type SavedInstructions = z.infer<typeof SavedInstructions>;

export const ClassUsage = z.object({
  classId: z.string(),
  boxes: z.number().int(),
  annotations: z.number().int(),
});
export type ClassUsage = z.infer<typeof ClassUsage>;

export const TagUsage = z.object({ tagId: z.string(), annotations: z.number().int() });
export type TagUsage = z.infer<typeof TagUsage>;

const Note = z.string().trim().max(2000, 'the change note is longer than 2,000 characters');

export const instructionChannels = {
  'instructions:current': { input: Empty, output: StoredInstructionVersion },
  'instructions:get': {
    input: z.object({ version: z.number().int().positive() }).strict(),
    output: StoredInstructionVersion,
  },
  'instructions:versions': { input: Empty, output: z.array(InstructionVersionSummary) },
  /** How many boxes/annotations use each class and tag (before deleting one). */
  'instructions:usage': {
    input: Empty,
    output: z.object({ classes: z.array(ClassUsage), tags: z.array(TagUsage) }),
  },
  /**
   * Lead only. Every change makes a new version (a spec identical to the latest saves
   * nothing and answers `unchanged`); `baseVersion` must be the latest.
   */
  'instructions:save': {
    input: z
      .object({
        spec: InstructionSpec,
        note: Note,
        baseVersion: z.number().int().nonnegative(),
        classResolutions: z.array(ClassResolution).optional(),
        tagResolutions: z.array(TagResolution).optional(),
      })
      .strict(),
    output: SavedInstructions,
  },
  /** The reusable file of product.md: names (and ids, for renames); examples by asset path. */
  'instructions:exportJson': {
    input: z.object({ version: z.number().int().positive().optional() }).strict(),
    output: z.object({ json: z.string(), fileName: z.string(), version: z.number().int() }),
  },
  /**
   * Lead only. Classes and tags are matched to existing ones by id, then by name, so
   * renames never break boxes.
   */
  'instructions:importJson': {
    input: z
      .object({
        json: z.string().min(1, 'the file is empty').max(20_000_000),
        note: Note,
        baseVersion: z.number().int().nonnegative().optional(),
        classResolutions: z.array(ClassResolution).optional(),
        tagResolutions: z.array(TagResolution).optional(),
      })
      .strict(),
    output: SavedInstructions,
  },
} as const;
