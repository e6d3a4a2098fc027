import { z } from 'zod';

/**
 * The labeling instructions ("data spec"). Classes and tags carry a stable `id` so that
 * renaming or recolouring never breaks annotations, which reference ids, not names. The
 * JSON file format of product.md (names only) is mapped onto ids on import.
 */
export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'color must look like #e6194b');
/** 1-9 or a single lowercase letter. */
export const Hotkey = z.string().regex(/^[1-9a-z]$/, 'hotkey must be 1-9 or a single letter a-z');

export const AttributeDef = z.discriminatedUnion('type', [
  z.object({
    name: z.string().min(1),
    type: z.literal('enum'),
    options: z.array(z.string().min(1)).min(1),
  }),
  z.object({ name: z.string().min(1), type: z.literal('boolean') }),
  z.object({ name: z.string().min(1), type: z.literal('text') }),
]);
export type AttributeDef = z.infer<typeof AttributeDef>;

export const ClassExample = z.object({
  assetId: z.number().int().positive(),
  /** Optional highlighted region, in displayed-image pixels. */
  box: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }).optional(),
  note: z.string().max(2000).optional(),
  /** Set when a reviewer flagged this item as showing the instructions are ambiguous. */
  ambiguous: z.boolean().optional(),
});
export type ClassExample = z.infer<typeof ClassExample>;

export const ClassDef = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  color: HexColor,
  hotkey: Hotkey.nullable(),
  /** Markdown. */
  description: z.string().max(50_000),
  attributes: z.array(AttributeDef),
  examples: z.array(ClassExample),
});
export type ClassDef = z.infer<typeof ClassDef>;

export const TagDef = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  /** The "no defects" verdict: choosing it says the empty item is done on purpose. */
  noDefects: z.boolean(),
  hotkey: Hotkey.nullable(),
  description: z.string().max(10_000),
});
export type TagDef = z.infer<typeof TagDef>;

export const TranscriptRules = z.object({
  lowercase: z.boolean(),
  stripPunctuation: z.boolean(),
  fillers: z.array(z.string().min(1)),
  dropFillers: z.boolean(),
  /** How numbers are written: as spoken words, as digits, or left as typed. */
  numbers: z.enum(['words', 'digits', 'as-typed']),
  notes: z.string().max(20_000),
});
export type TranscriptRules = z.infer<typeof TranscriptRules>;

export const InstructionSpec = z.object({
  name: z.string().trim().min(1).max(200),
  classes: z.array(ClassDef),
  tags: z.array(TagDef),
  transcript: TranscriptRules,
});
export type InstructionSpec = z.infer<typeof InstructionSpec>;

export const InstructionVersion = z.object({
  version: z.number().int().positive(),
  createdAt: z.string(),
  author: z.string(),
  note: z.string(),
  spec: InstructionSpec,
});
export type InstructionVersion = z.infer<typeof InstructionVersion>;
