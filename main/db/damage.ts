import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../shared/api/envelope';

/**
 * SQLite result codes that mean the file itself is bad (as opposed to a busy lock or a bug
 * in a query). better-sqlite3 puts the extended code on `code`, e.g. SQLITE_CORRUPT_INDEX.
 */
const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB)/;

export function damagedProjectError(path: string, detail: string): AppError {
  return new AppError(
    'BAD_FILE',
    `${path} is damaged (SQLite reports: ${detail}). Restore it from a backup; Concord did not change it.`,
  );
}

/** True for an error SQLite raised because the database file is damaged. */
export function isDamageError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && DAMAGE_CODES.test(code)) return true;
  return e instanceof Error && /database disk image is malformed/i.test(e.message);
}

/**
 * A damaged-file error raised in the middle of some later query becomes one that names the
 * project file and says what to do, instead of "work:queue failed: database disk image is
 * malformed". Anything else is returned unchanged.
 */
export function describeDamage(e: unknown, projectPath: string | undefined): unknown {
  if (!projectPath || !isDamageError(e)) return e;
  return new AppError(
    'BAD_FILE',
    `${projectPath} is damaged (SQLite reports: ${(e as Error).message}). Close Concord and restore the project from a backup.`,
  );
}

/**
 * `PRAGMA quick_check` reads every page and checks each b-tree's structure (not index
 * contents), which is what a zeroed or overwritten page breaks. It only reads, so a file it
 * refuses is left exactly as it was. Measured cost: see connection.test.ts ("quick_check cost").
 */
export function assertIntact(db: Db, path: string): void {
  let rows: Array<{ quick_check: string }>;
  try {
    rows = db.pragma('quick_check(5)') as Array<{ quick_check: string }>;
  } catch (e) {
    if (isDamageError(e)) throw damagedProjectError(path, (e as Error).message);
    throw e;
  }
  // SQLite's report is multi-line ("*** in database main ***\nPage 7: ..."); keep one line.
  const problems = rows
    .flatMap((r) => r.quick_check.split('\n'))
    .map((m) => m.trim())
    .filter((m) => m && m !== 'ok' && !m.startsWith('*** in database'));
  if (rows.some((r) => r.quick_check !== 'ok'))
    throw damagedProjectError(path, problems.slice(0, 2).join('; ') || 'quick_check failed');
}
