import { AppError } from '../../../shared/api/envelope';
import type { InstructionSpec } from '../../../shared/api/schemas/instructionSpec';
import type {
  ClassResolution,
  SavedInstructions,
  TagResolution,
} from '../../../shared/api/schemas/instructions';
import { defaultInstructionSpec, specProblems } from '../../../shared/domain/instructions';
import type { Db } from '../../db/connection';
import type { Actor } from '../identity/actor';
import { assertRole } from '../identity/actor';
import { applyResolutions, planResolutions } from './classResolutions';
import {
  currentVersion,
  findVersion,
  getVersion,
  insertVersion,
  latestVersionNumber,
} from './instructionRepository';
import { fileToSpec, specToFile } from './instructionsFile';

export interface SaveInstructionsInput {
  spec: InstructionSpec;
  note: string;
  /** The version the lead started from; must still be the latest. */
  baseVersion?: number | undefined;
  classResolutions?: ClassResolution[] | undefined;
  tagResolutions?: TagResolution[] | undefined;
  warnings?: string[];
}

function assertExamplesExist(db: Db, spec: InstructionSpec): void {
  const ids = spec.classes.flatMap((c) => c.examples.map((e) => e.assetId));
  if (ids.length === 0) return;
  const known = new Set(
    db
      .prepare('SELECT id FROM assets WHERE id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(ids)) as number[],
  );
  for (const c of spec.classes) {
    c.examples.forEach((e, i) => {
      if (!known.has(e.assetId)) {
        throw new AppError(
          'INVALID_INPUT',
          `class "${c.name}", example ${i + 1}: no asset with id ${e.assetId} in this project`,
        );
      }
    });
  }
}

/** JSON with object keys sorted, so key order never makes two specs differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sameSpec(a: InstructionSpec, b: InstructionSpec): boolean {
  return canonical(a) === canonical(b);
}

/**
 * Saves a new version of the instructions (never edits an old one); a spec identical to
 * the latest version saves nothing and returns that version with `unchanged: true`.
 * Classes or tags that the new version drops while annotations still use them need an
 * explicit resolution, which is applied to those annotations in the same transaction.
 */
export function saveInstructions(
  db: Db,
  actor: Actor,
  input: SaveInstructionsInput,
): SavedInstructions {
  assertRole(actor, 'lead', 'change the instructions');
  const problems = specProblems(input.spec);
  if (problems.length)
    throw new AppError('INVALID_INPUT', `The instructions have problems: ${problems.join('; ')}`);
  assertExamplesExist(db, input.spec);
  const saved = db
    .transaction(() => {
      const latest = latestVersionNumber(db);
      const base = input.baseVersion ?? latest ?? 0;
      if (base !== (latest ?? 0)) {
        const v = latest === null ? null : findVersion(db, latest);
        throw new AppError(
          'CONFLICT',
          v
            ? `The instructions changed while you were editing: version ${v.version} was saved by ${v.author} at ${v.createdAt} (you started from version ${base}). Reload them and apply your change again.`
            : `There is no instructions version ${base} yet; reload the instructions`,
        );
      }
      const previous = latest === null ? null : getVersion(db, latest).spec;
      // Saving what is already the latest version would only add noise to the history
      // (and to "annotations made under version N").
      if (latest !== null && previous && sameSpec(previous, input.spec))
        return { version: latest, rewritten: 0, unchanged: true };
      const plan = previous
        ? planResolutions(
            db,
            previous,
            input.spec,
            input.classResolutions ?? [],
            input.tagResolutions ?? [],
          )
        : { classes: new Map(), tags: new Map(), next: input.spec };
      const version = insertVersion(db, {
        spec: input.spec,
        authorId: actor.id,
        authorName: actor.name,
        note: input.note.trim(),
      });
      const rewritten = applyResolutions(db, actor, plan, version);
      return { version, rewritten, unchanged: false };
    })
    .immediate();
  return {
    ...getVersion(db, saved.version),
    rewrittenAnnotations: saved.rewritten,
    warnings: [
      ...(input.warnings ?? []),
      ...(saved.unchanged ? [] : openRoundNotes(db, saved.version)),
    ],
    unchanged: saved.unchanged,
  };
}

/**
 * Open rounds keep the instructions version they were created with (their labelers go on
 * labeling, and their agreement is computed, under it); the lead is told so on every save.
 */
function openRoundNotes(db: Db, version: number): string[] {
  const open = db
    .prepare(
      `SELECT name, instructions_version AS v FROM rounds
        WHERE status = 'open' AND instructions_version <> ? ORDER BY id`,
    )
    .all(version) as Array<{ name: string; v: number }>;
  if (open.length === 0) return [];
  const list = open.map((r) => `${r.name} stays on v${r.v}`).join(', ');
  return [`Open rounds keep their instructions version: ${list}. New rounds use v${version}.`];
}

function relPathLookup(db: Db): (assetId: number) => string | null {
  const stmt = db.prepare('SELECT rel_path FROM assets WHERE id = ?').pluck();
  return (id) => (stmt.get(id) as string | undefined) ?? null;
}

function assetIdLookup(db: Db): (relPath: string) => number | null {
  const byPath = db.prepare('SELECT id FROM assets WHERE rel_path = ?').pluck();
  const byName = db.prepare('SELECT id FROM assets WHERE file_name = ? LIMIT 2').pluck();
  return (relPath) => {
    const normalized = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
    const exact = byPath.get(normalized) as number | undefined;
    if (exact !== undefined) return exact;
    // A bare file name works when it is unique in the project.
    const named = byName.all(normalized.split('/').pop() ?? normalized) as number[];
    return named.length === 1 ? named[0]! : null;
  };
}

export function exportInstructions(
  db: Db,
  version?: number,
): { json: string; fileName: string; version: number } {
  const v = version === undefined ? currentVersion(db) : getVersion(db, version);
  const file = specToFile(v.spec, v.version, relPathLookup(db));
  const slug =
    v.spec.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'instructions';
  return {
    json: `${JSON.stringify(file, null, 2)}\n`,
    fileName: `${slug}.v${v.version}.instructions.json`,
    version: v.version,
  };
}

export interface ImportInstructionsInput {
  json: string;
  note: string;
  baseVersion?: number | undefined;
  classResolutions?: ClassResolution[] | undefined;
  tagResolutions?: TagResolution[] | undefined;
}

/**
 * Imports an instructions file as a new version. In a project that has no version yet
 * (right after `concord init`) the file becomes version 1.
 */
export function importInstructions(
  db: Db,
  actor: Actor,
  input: ImportInstructionsInput,
): SavedInstructions {
  assertRole(actor, 'lead', 'change the instructions');
  const latest = latestVersionNumber(db);
  const current = latest === null ? null : getVersion(db, latest).spec;
  const projectName =
    (db.prepare('SELECT name FROM project WHERE id = 1').pluck().get() as string | undefined) ??
    'Labeling instructions';
  // A project without any version maps names onto the defaults, so `init --instructions`
  // gives the usual tag ids (tag_ok, ...) just like a project created in the app.
  const basis = current ?? defaultInstructionSpec(projectName);
  const { spec, warnings } = fileToSpec(input.json, basis, assetIdLookup(db), projectName);
  return saveInstructions(db, actor, {
    spec,
    note: input.note,
    baseVersion: input.baseVersion ?? latest ?? 0,
    classResolutions: input.classResolutions,
    tagResolutions: input.tagResolutions,
    warnings,
  });
}
