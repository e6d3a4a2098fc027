import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import { AppError } from '../../shared/api/envelope';
import { assertIntact, isDamageError } from './damage';
import type { Migration } from './migrations';
import { latestSchemaVersion, migrations as allMigrations } from './migrations';

export type { Db };

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function applyPragmas(db: Db): void {
  // WAL lets a reader (a second window, `concord agreement` in a shell) run beside the
  // writer; synchronous=NORMAL in WAL mode survives a process crash (only power loss can
  // drop the last transactions); busy_timeout turns lock contention into a short wait.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to the newest schema, one transaction per migration, so a crash
 * mid-way leaves it at the last completed version.
 */
export function migrate(
  db: Db,
  migrations: Migration[] = allMigrations,
  target = latestSchemaVersion,
): void {
  const current = schemaVersion(db);
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

/**
 * Checks that an existing file is a SQLite database before better-sqlite3 touches it.
 * An empty file is refused too: SQLite would happily turn it into a database, and a file
 * Concord refuses must be left exactly as it was.
 */
function assertSqliteFile(path: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'r');
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read === 0) {
      throw new AppError('BAD_FILE', `${path} is empty (0 bytes), not a Concord project`);
    }
    if (read < 16 || header.toString('latin1') !== SQLITE_MAGIC) {
      throw new AppError('BAD_FILE', `${path} is not a Concord project (not a SQLite database)`);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `Project file not found: ${path}`);
    if (code === 'EISDIR')
      throw new AppError('BAD_FILE', `${path} is a folder, not a project file`);
    throw new AppError('BAD_FILE', `Cannot read ${path}: ${(e as Error).message}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A SQLite file from some other program has no `project` table; migrating it would rewrite it. */
function assertConcordFile(db: Db, path: string): void {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'project'")
    .get();
  if (!table) throw new AppError('BAD_FILE', `${path} is a SQLite file but not a Concord project`);
}

export interface OpenOptions {
  create?: boolean;
  readonly?: boolean;
}

/** Opens (or creates) a project database, refusing files written by a newer Concord. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (!options.create) assertSqliteFile(path);
  else if (fs.existsSync(path)) {
    throw new AppError('CONFLICT', `A file already exists at ${path}`);
  }
  let db: Db;
  try {
    db = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: !options.create,
    });
  } catch (e) {
    throw new AppError('BAD_FILE', `Cannot open ${path}: ${(e as Error).message}`);
  }
  try {
    // Check the version before any pragma: switching to WAL rewrites the file header, and
    // a file from a newer Concord must be left exactly as it was.
    const version = schemaVersion(db);
    if (version > latestSchemaVersion) {
      throw new AppError(
        'SCHEMA_TOO_NEW',
        `${path} was written by a newer version of Concord (schema ${version}; this version understands up to ${latestSchemaVersion}). Update Concord to open it.`,
      );
    }
    // Everything below up to applyPragmas only reads, so a refused file stays untouched.
    if (!options.create) {
      assertConcordFile(db, path);
      assertIntact(db, path);
    }
    applyPragmas(db);
    if (!options.readonly) migrate(db);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    const message = (e as Error).message;
    if (isDamageError(e) || /file is not a database/i.test(message)) {
      throw new AppError('BAD_FILE', `${path} is damaged or not a Concord project: ${message}`);
    }
    throw e;
  }
}
