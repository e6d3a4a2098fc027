import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { up } from './0001-initial';

describe('migration 0001-initial', () => {
  it('creates strict tables that enforce kinds, uniqueness and cascades', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    up(db);
    const insert = db.prepare(
      `INSERT INTO assets (kind, rel_path, file_name, stored, format, bytes, sha256, imported_at)
       VALUES (?, ?, ?, 'reference', 'png', 10, ?, '2026-01-01')`,
    );
    const { lastInsertRowid } = insert.run('image', 'a.png', 'a.png', 'h1');
    expect(() => insert.run('video', 'b.mp4', 'b.mp4', 'h2')).toThrow(/CHECK constraint/);
    expect(() => insert.run('image', 'c.png', 'c.png', 'h1')).toThrow(/UNIQUE constraint/);
    db.prepare(
      "INSERT INTO asset_metadata (asset_id, key, value, source) VALUES (?, 'line', '2', 'csv')",
    ).run(lastInsertRowid);
    db.prepare('DELETE FROM assets WHERE id = ?').run(lastInsertRowid);
    expect(db.prepare('SELECT COUNT(*) AS n FROM asset_metadata').get()).toEqual({ n: 0 });
    // STRICT: a string in an INTEGER column is refused
    expect(() =>
      db
        .prepare(
          `INSERT INTO assets (kind, rel_path, file_name, stored, format, bytes, sha256, imported_at)
                  VALUES ('image', 'd.png', 'd.png', 'reference', 'png', 'many', 'h3', 'x')`,
        )
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
