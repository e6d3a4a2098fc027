import { AppError } from '../../../shared/api/envelope';
import type { InstructionSpec } from '../../../shared/api/schemas/instructionSpec';
import { InstructionSpec as InstructionSpecSchema } from '../../../shared/api/schemas/instructionSpec';
import type {
  InstructionVersionSummary,
  StoredInstructionVersion,
} from '../../../shared/api/schemas/instructions';
import { defaultInstructionSpec } from '../../../shared/domain/instructions';
import type { Db } from '../../db/connection';

interface VersionRow {
  version: number;
  specJson: string;
  createdAt: string;
  authorId: number | null;
  authorName: string;
  note: string;
}

const COLUMNS = `version, spec_json AS specJson, created_at AS createdAt, author_id AS authorId,
  author_name AS authorName, note`;

// Versions never change once written, so their parsed specs can be kept per database.
const specCache = new WeakMap<Db, Map<number, InstructionSpec>>();

function parseSpec(db: Db, row: VersionRow): InstructionSpec {
  let cache = specCache.get(db);
  if (!cache) specCache.set(db, (cache = new Map()));
  let spec = cache.get(row.version);
  if (!spec) {
    spec = InstructionSpecSchema.parse(JSON.parse(row.specJson));
    cache.set(row.version, spec);
  }
  return spec;
}

function toVersion(db: Db, row: VersionRow): StoredInstructionVersion {
  return {
    version: row.version,
    createdAt: row.createdAt,
    author: row.authorName,
    authorId: row.authorId,
    note: row.note,
    spec: parseSpec(db, row),
  };
}

export function latestVersionNumber(db: Db): number | null {
  return (
    db.prepare('SELECT MAX(version) AS v FROM instruction_versions').get() as { v: number | null }
  ).v;
}

export function findVersion(db: Db, version: number): StoredInstructionVersion | null {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM instruction_versions WHERE version = ?`)
    .get(version) as VersionRow | undefined;
  return row ? toVersion(db, row) : null;
}

export function getVersion(db: Db, version: number): StoredInstructionVersion {
  const v = findVersion(db, version);
  if (!v) {
    const latest = latestVersionNumber(db);
    throw new AppError(
      'NOT_FOUND',
      `No instructions version ${version}; the latest is ${latest ?? 'none'}`,
    );
  }
  return v;
}

export function insertVersion(
  db: Db,
  v: { spec: InstructionSpec; authorId: number | null; authorName: string; note: string },
): number {
  const version = (latestVersionNumber(db) ?? 0) + 1;
  db.prepare(
    `INSERT INTO instruction_versions (version, spec_json, created_at, author_id, author_name, note)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    version,
    JSON.stringify(v.spec),
    new Date().toISOString(),
    v.authorId,
    v.authorName,
    v.note,
  );
  return version;
}

function projectName(db: Db): string {
  const row = db.prepare('SELECT name FROM project WHERE id = 1').get() as
    { name: string } | undefined;
  return row?.name ?? 'Labeling instructions';
}

/**
 * The latest version. A new project gets version 1, the default instructions, the first
 * time anyone asks (so `concord init --instructions` can make its file version 1 instead).
 */
export function currentVersion(db: Db): StoredInstructionVersion {
  const latest = latestVersionNumber(db);
  if (latest !== null) return getVersion(db, latest);
  const create = db.transaction(() => {
    if (latestVersionNumber(db) === null) {
      insertVersion(db, {
        spec: defaultInstructionSpec(projectName(db)),
        authorId: null,
        authorName: 'Concord',
        note: 'Default instructions of a new project',
      });
    }
  });
  // IMMEDIATE takes the write lock before reading, so two processes cannot both insert v1.
  if (db.inTransaction) create();
  else create.immediate();
  return getVersion(db, latestVersionNumber(db)!);
}

export function listVersions(db: Db): InstructionVersionSummary[] {
  const rows = db
    .prepare(
      `SELECT version, created_at AS createdAt, author_name AS author, note,
              json_array_length(spec_json, '$.classes') AS classCount
         FROM instruction_versions ORDER BY version DESC`,
    )
    .all() as InstructionVersionSummary[];
  return rows;
}
