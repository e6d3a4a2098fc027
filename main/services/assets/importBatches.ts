// The import log. A batch is 'running' while its process imports; the owner (host + pid) is
// kept in `settings` so that opening the project later can tell a crashed import (owner gone)
// from one another process is still running, and mark only the former 'interrupted'.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportFailure, ImportMode } from '../../../shared/api/schemas/assets';
import type { Db } from '../../db/connection';

const ownerKey = (batchId: number) => `import.owner.${batchId}`;

/** Batches this process is running, by database file: they are alive even if the pid matches. */
const activeHere = new Set<string>();
const activeKey = (db: Db, id: number) => `${db.name}#${id}`;

export const TEMP_PREFIX = '.concord-tmp-';

export function startBatch(db: Db, mode: ImportMode): number {
  return db.transaction(() => {
    const id = Number(
      db
        .prepare("INSERT INTO import_batches (started_at, mode, status) VALUES (?, ?, 'running')")
        .run(new Date().toISOString(), mode).lastInsertRowid,
    );
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(
      ownerKey(id),
      JSON.stringify({ host: os.hostname(), pid: process.pid }),
    );
    activeHere.add(activeKey(db, id));
    return id;
  })();
}

export interface BatchCounts {
  imported: number;
  duplicates: number;
  failures: ImportFailure[];
}

/** Called inside each chunk's transaction, so the log always matches the rows. */
export function recordProgress(db: Db, id: number, counts: BatchCounts): void {
  db.prepare(
    'UPDATE import_batches SET imported = ?, duplicates = ?, failures_json = ? WHERE id = ?',
  ).run(counts.imported, counts.duplicates, JSON.stringify(counts.failures), id);
}

export function finishBatch(
  db: Db,
  id: number,
  status: 'done' | 'cancelled' | 'interrupted',
  counts: BatchCounts,
): void {
  activeHere.delete(activeKey(db, id));
  if (!db.open) return; // project closed under us: the next open marks the batch interrupted
  db.transaction(() => {
    recordProgress(db, id, counts);
    db.prepare('UPDATE import_batches SET status = ?, finished_at = ? WHERE id = ?').run(
      status,
      new Date().toISOString(),
      id,
    );
    db.prepare('DELETE FROM settings WHERE key = ?').run(ownerKey(id));
  })();
}

function ownerAlive(db: Db, id: number, raw: string | undefined): boolean {
  if (activeHere.has(activeKey(db, id))) return true;
  if (!raw) return false;
  try {
    const owner = JSON.parse(raw) as { host?: string; pid?: number };
    if (owner.host !== os.hostname() || typeof owner.pid !== 'number') return false;
    if (owner.pid === process.pid) return false; // ours, but not in activeHere: it died with an error
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * Marks imports that were still 'running' when their process died as 'interrupted'. Their
 * rows stay: each was committed with its file already in place. Leftover temporary copies in
 * the data folder are removed when no import is running any more. Returns the batch ids.
 */
export function recoverInterruptedImports(db: Db, dataDir?: string): number[] {
  const running = db
    .prepare("SELECT id FROM import_batches WHERE status = 'running'")
    .all() as Array<{ id: number }>;
  const getOwner = db.prepare('SELECT value FROM settings WHERE key = ?');
  const dead: number[] = [];
  let alive = 0;
  for (const { id } of running) {
    const owner = (getOwner.get(ownerKey(id)) as { value: string } | undefined)?.value;
    if (ownerAlive(db, id, owner)) alive++;
    else dead.push(id);
  }
  if (dead.length > 0 && !db.readonly) {
    db.transaction(() => {
      for (const id of dead) {
        db.prepare(
          "UPDATE import_batches SET status = 'interrupted', finished_at = ? WHERE id = ?",
        ).run(new Date().toISOString(), id);
        db.prepare('DELETE FROM settings WHERE key = ?').run(ownerKey(id));
      }
    })();
  }
  if (dead.length > 0 && alive === 0 && dataDir) removeTempCopies(path.join(dataDir, 'assets'));
  return dead;
}

function removeTempCopies(dir: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return; // no copies were ever made
  }
  for (const e of entries) {
    if (e.isFile() && e.name.startsWith(TEMP_PREFIX))
      fs.rmSync(path.join(e.parentPath, e.name), { force: true });
  }
}
