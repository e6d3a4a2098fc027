import { z } from 'zod';
import { AppError } from '../../../shared/api/envelope';
import {
  formatStampProblem,
  INSTRUCTIONS_FORMAT,
  INSTRUCTIONS_FORMAT_VERSION,
} from '../../../shared/domain/formats/formatStamp';
import type {
  ClassDef,
  InstructionSpec,
  TagDef,
} from '../../../shared/api/schemas/instructionSpec';
import {
  AttributeDef,
  HexColor,
  Hotkey,
  InstructionSpec as SpecSchema,
  TranscriptRules,
} from '../../../shared/api/schemas/instructionSpec';
import {
  defaultInstructionSpec,
  newId,
  nextPaletteColor,
  specProblems,
} from '../../../shared/domain/instructions';

/**
 * The reusable instructions file of product.md: classes and tags by name (with their ids
 * when Concord wrote the file), example assets by path relative to the project. Optional
 * fields get sensible defaults so a hand-written file with only names works; unknown
 * fields are ignored.
 */
const FileExample = z.object({
  file: z.string().min(1),
  box: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }).optional(),
  note: z.string().max(2000).optional(),
  ambiguous: z.boolean().optional(),
});

/** Written by Concord's own export; a hand-written file may leave it out. */
const FileId = z.string().trim().min(1).max(64).optional();

const FileClass = z.object({
  id: FileId,
  name: z.string().trim().min(1, 'name is empty').max(120),
  color: HexColor.optional(),
  hotkey: Hotkey.nullable().optional(),
  description: z.string().max(50_000).default(''),
  attributes: z.array(AttributeDef).default([]),
  examples: z.array(FileExample).default([]),
});

const FileTag = z.object({
  id: FileId,
  name: z.string().trim().min(1, 'name is empty').max(120),
  noDefects: z.boolean().default(false),
  hotkey: Hotkey.nullable().default(null),
  description: z.string().max(10_000).default(''),
});

export const InstructionsFile = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  classes: z.array(FileClass, 'classes must be a list of classes'),
  tags: z.array(FileTag).optional(),
  transcript: TranscriptRules.partial().optional(),
});
export type InstructionsFile = z.infer<typeof InstructionsFile>;

export const FILE_FORMAT = INSTRUCTIONS_FORMAT;

/** Why an instructions file from a newer Concord or another tool is refused, or null. */
export function instructionsStampProblem(raw: unknown): string | null {
  return formatStampProblem(
    raw,
    INSTRUCTIONS_FORMAT,
    INSTRUCTIONS_FORMAT_VERSION,
    'a Concord instructions file',
  );
}

/**
 * Writes a version as the reusable file (paths instead of asset ids). Classes and tags keep
 * their ids so that editing a name in the file and importing it back is a rename, not a
 * new class; a file without ids is matched by name.
 */
export function specToFile(
  spec: InstructionSpec,
  version: number,
  relPathOf: (assetId: number) => string | null,
): Record<string, unknown> {
  return {
    format: FILE_FORMAT,
    formatVersion: INSTRUCTIONS_FORMAT_VERSION,
    instructionsVersion: version,
    name: spec.name,
    classes: spec.classes.map((c) => ({
      id: c.id,
      name: c.name,
      color: c.color,
      hotkey: c.hotkey,
      description: c.description,
      attributes: c.attributes,
      examples: c.examples.flatMap((e) => {
        const file = relPathOf(e.assetId);
        return file
          ? [
              {
                file,
                ...(e.box ? { box: e.box } : {}),
                ...(e.note ? { note: e.note } : {}),
                ...(e.ambiguous ? { ambiguous: true } : {}),
              },
            ]
          : [];
      }),
    })),
    tags: spec.tags.map((t) => ({
      id: t.id,
      name: t.name,
      noDefects: t.noDefects,
      hotkey: t.hotkey,
      description: t.description,
    })),
    transcript: spec.transcript,
  };
}

/** "classes[2] (scratch).color: color must look like #e6194b" */
function describeIssues(error: z.ZodError, raw: unknown): string {
  const nameAt = (path: PropertyKey[]): string | null => {
    let node: unknown = raw;
    for (const key of path) {
      if (node === null || typeof node !== 'object') return null;
      node = (node as Record<PropertyKey, unknown>)[key];
    }
    const name = node && typeof node === 'object' ? (node as { name?: unknown }).name : undefined;
    return typeof name === 'string' ? name : null;
  };
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      let where = '';
      issue.path.forEach((key, i) => {
        if (typeof key === 'number') {
          const name = nameAt(issue.path.slice(0, i + 1));
          where += `[${key}]${name ? ` ("${name}")` : ''}`;
        } else where += `${where ? '.' : ''}${String(key)}`;
      });
      return `${where || 'file'}: ${issue.message}`;
    })
    .join('; ');
}

const keyOf = (name: string) => name.normalize('NFKC').trim().toLowerCase();

/**
 * Gives each class (or tag) of a file the id of the one it continues in the current
 * version: by id first (the file came from this project, perhaps with a new name), then by
 * name (a hand-written file, or one from another project). Ids are matched in a first pass
 * so an explicit id always wins over a name; each current id is given out once, and
 * anything unmatched is new.
 */
function assignIds(
  entries: ReadonlyArray<{ id?: string | undefined; name: string }>,
  current: ReadonlyArray<{ id: string; name: string }>,
  prefix: 'cls' | 'tag',
): string[] {
  const known = new Set(current.map((c) => c.id));
  const byName = new Map(current.map((c) => [keyOf(c.name), c.id]));
  const taken = new Set<string>();
  const ids = entries.map((e) => {
    if (e.id === undefined || !known.has(e.id) || taken.has(e.id)) return null;
    taken.add(e.id);
    return e.id;
  });
  return entries.map((e, i) => {
    const matched = ids[i];
    if (matched) return matched;
    const named = byName.get(keyOf(e.name));
    if (named !== undefined && !taken.has(named)) {
      taken.add(named);
      return named;
    }
    return newId(prefix);
  });
}

function tagDefs(tags: NonNullable<InstructionsFile['tags']>, ids: string[]): TagDef[] {
  return tags.map((t, i) => ({
    id: ids[i]!,
    name: t.name,
    noDefects: t.noDefects,
    hotkey: t.hotkey,
    description: t.description,
  }));
}

/**
 * Turns a file into a spec for this project. Classes and tags that continue one of the
 * current version (same id, else same name) keep its id, so existing boxes stay attached
 * and a name edited in the file is a rename; example files that are not in this project
 * are skipped with a warning (a file from another project is normal).
 */
export function fileToSpec(
  json: string,
  current: InstructionSpec | null,
  assetIdOf: (relPath: string) => number | null,
  fallbackName: string,
): { spec: InstructionSpec; warnings: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new AppError(
      'INVALID_INPUT',
      `The instructions file is not valid JSON: ${(e as Error).message}`,
    );
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new AppError(
      'INVALID_INPUT',
      'The instructions file must be a JSON object with "classes" (and usually "tags")',
    );
  }
  const stamp = instructionsStampProblem(raw);
  if (stamp) throw new AppError('BAD_FILE', `The instructions file ${stamp}`);
  const parsed = InstructionsFile.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      'INVALID_INPUT',
      `The instructions file has problems: ${describeIssues(parsed.error, raw)}`,
    );
  const file = parsed.data;
  const warnings: string[] = [];
  const classIds = assignIds(file.classes, current?.classes ?? [], 'cls');
  const colors: string[] = file.classes.flatMap((c) => (c.color ? [c.color] : []));

  const classes: ClassDef[] = file.classes.map((c, index) => {
    const color = c.color ?? nextPaletteColor(colors);
    if (!c.color) colors.push(color);
    const examples = c.examples.flatMap((e) => {
      const assetId = assetIdOf(e.file);
      if (assetId === null) {
        warnings.push(
          `class "${c.name}": example ${e.file} is not in this project and was skipped`,
        );
        return [];
      }
      return [
        {
          assetId,
          ...(e.box ? { box: e.box } : {}),
          ...(e.note ? { note: e.note } : {}),
          ...(e.ambiguous ? { ambiguous: true } : {}),
        },
      ];
    });
    return {
      id: classIds[index]!,
      name: c.name,
      color,
      hotkey: c.hotkey ?? null,
      description: c.description,
      attributes: c.attributes,
      examples,
    };
  });
  const defaults = defaultInstructionSpec(file.name ?? current?.name ?? fallbackName);
  const tags: TagDef[] = file.tags
    ? tagDefs(file.tags, assignIds(file.tags, current?.tags ?? [], 'tag'))
    : (current?.tags ?? defaults.tags);
  const spec: InstructionSpec = {
    name: defaults.name,
    classes,
    tags,
    transcript: { ...(current?.transcript ?? defaults.transcript), ...file.transcript },
  };
  const checked = SpecSchema.safeParse(spec);
  if (!checked.success)
    throw new AppError(
      'INVALID_INPUT',
      `The instructions file has problems: ${describeIssues(checked.error, spec)}`,
    );
  const problems = specProblems(spec);
  if (problems.length)
    throw new AppError(
      'INVALID_INPUT',
      `The instructions file has problems: ${problems.join('; ')}`,
    );
  return { spec, warnings };
}
