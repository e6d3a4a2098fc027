import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../connection';
import { migrations } from './index';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function v1Database() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-mig2-'));
  dirs.push(dir);
  const db = new Database(path.join(dir, 'old.concord'));
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 1);
  db.prepare(
    "INSERT INTO project (id, name, created_at, created_by_app) VALUES (1, 'Old', '2024-01-01', '0.0.1')",
  ).run();
  db.prepare(
    `INSERT INTO assets (kind, rel_path, file_name, stored, format, bytes, sha256, width, height, imported_at)
     VALUES ('image', 'a/one.png', 'one.png', 'reference', 'png', 10, 'h1', 40, 30, '2024-01-01')`,
  ).run();
  db.prepare(
    "INSERT INTO asset_metadata (asset_id, key, value, source) VALUES (1, 'line', '2', 'csv')",
  ).run();
  return db;
}

describe('migration 0002 people, instructions, annotations', () => {
  it('adds the tables and keeps the rows of a version-1 project', () => {
    const db = v1Database();
    expect(schemaVersion(db)).toBe(1);
    migrate(db, migrations, 2);
    expect(schemaVersion(db)).toBe(2);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'profiles',
        'instruction_versions',
        'annotations',
        'annotation_revisions',
        'assets',
      ]),
    );
    expect(db.prepare('SELECT rel_path FROM assets').pluck().all()).toEqual(['a/one.png']);
    expect(db.prepare('SELECT value FROM asset_metadata').pluck().get()).toBe('2');
    expect(db.prepare('SELECT name FROM project').pluck().get()).toBe('Old');
    db.close();
  });

  it('enforces the rules in the schema: leads have a secret, one annotation per labeler and asset, append-only log', () => {
    const db = v1Database();
    migrate(db, migrations, 2);
    expect(() =>
      db
        .prepare(
          "INSERT INTO profiles (name, name_key, role, created_at) VALUES ('L', 'l', 'lead', 'now')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare(
      "INSERT INTO profiles (name, name_key, role, created_at) VALUES ('ana', 'ana', 'labeler', 'now')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO profiles (name, name_key, role, created_at) VALUES ('Ana', 'ana', 'labeler', 'now')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    const insert = db.prepare(
      `INSERT INTO annotations (asset_id, labeler_id, status, revision, doc_json, created_at, updated_at)
       VALUES (1, 1, 'working', 1, '{}', 'now', 'now')`,
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
    db.prepare(
      `INSERT INTO annotation_revisions (annotation_id, revision, saved_at, actor_name, action, status, storage, doc_json)
       VALUES (1, 1, 'now', 'ana', 'save', 'working', 'full', '{}')`,
    ).run();
    expect(() => db.prepare("UPDATE annotation_revisions SET doc_json = '[]'").run()).toThrow(
      /append-only/,
    );
    // Deleting an asset removes its annotations and their log with it.
    db.prepare('DELETE FROM assets WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) FROM annotation_revisions').pluck().get()).toBe(0);
    db.close();
  });
});
