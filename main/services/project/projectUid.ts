import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection';

/**
 * A random id for one project file, kept in its `settings` table. Asset ids restart at 1 in
 * every project, so the renderer puts this id into every asset URL: a browser that cached
 * `/files/asset/1/thumb` of one project must never show it for another project's asset 1.
 */
const UID_KEY = 'project.uid';

/** The project's uid, created on first use (new files at creation, older files on open). */
export function ensureProjectUid(db: Db): string {
  const read = db.prepare('SELECT value FROM settings WHERE key = ?');
  const existing = read.get(UID_KEY) as { value: string } | undefined;
  if (existing) return existing.value;
  // Two processes may open an older file at once: the first insert wins, both read it back.
  db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(
      UID_KEY,
      randomUUID(),
    );
  })();
  return (read.get(UID_KEY) as { value: string }).value;
}
