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

/** A version-2 project with two labelers' annotations of one asset and their revision log. */
function v2Database() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-mig3-'));
  dirs.push(dir);
  const db = new Database(path.join(dir, 'old.concord'));
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 2);
  db.exec(`
    INSERT INTO project (id, name, created_at, created_by_app) VALUES (1, 'Old', '2024-01-01', '0.0.1');
    INSERT INTO assets (id, kind, rel_path, file_name, stored, format, bytes, sha256, width, height, imported_at)
      VALUES (7, 'image', 'a/one.png', 'one.png', 'reference', 'png', 10, 'h1', 40, 30, '2024-01-01');
    INSERT INTO profiles (id, name, name_key, role, created_at) VALUES (1, 'ana', 'ana', 'labeler', 'now'), (2, 'ben', 'ben', 'labeler', 'now');
    INSERT INTO instruction_versions (version, spec_json, created_at, author_name) VALUES (1, '{}', 'now', 'Concord');
    INSERT INTO annotations (id, asset_id, labeler_id, status, revision, instructions_version, doc_json, box_count, created_at, updated_at, review_comment)
      VALUES (11, 7, 1, 'submitted', 2, 1, '{"boxes":[1]}', 1, 't1', 't2', NULL),
             (12, 7, 2, 'sent_back', 1, 1, '{"boxes":[]}', 0, 't1', 't3', 'look again');
    INSERT INTO annotation_revisions (annotation_id, revision, saved_at, actor_name, action, status, storage, doc_json)
      VALUES (11, 1, 't1', 'ana', 'save', 'working', 'full', '{}'),
             (11, 2, 't2', 'ana', 'submit', 'submitted', 'delta', '{}'),
             (12, 1, 't3', 'ben', 'save', 'working', 'full', '{}');
  `);
  return db;
}

describe('migration 0003 rounds', () => {
  it('adds the round tables and rebuilds annotations with round_id, keeping every row and the revision log', () => {
    const db = v2Database();
    migrate(db, migrations, 3);
    expect(schemaVersion(db)).toBe(3);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'rounds',
        'round_labelers',
        'round_items',
        'annotations',
        'annotation_revisions',
      ]),
    );
    expect(tables).not.toContain('annotations_v2');
    expect(tables).not.toContain('annotation_revisions_v2');
    expect(
      db
        .prepare(
          'SELECT id, labeler_id, status, round_id, review_comment FROM annotations ORDER BY id',
        )
        .all(),
    ).toEqual([
      { id: 11, labeler_id: 1, status: 'submitted', round_id: null, review_comment: null },
      { id: 12, labeler_id: 2, status: 'sent_back', round_id: null, review_comment: 'look again' },
    ]);
    expect(
      db
        .prepare('SELECT annotation_id, revision, storage FROM annotation_revisions ORDER BY id')
        .all(),
    ).toEqual([
      { annotation_id: 11, revision: 1, storage: 'full' },
      { annotation_id: 11, revision: 2, storage: 'delta' },
      { annotation_id: 12, revision: 1, storage: 'full' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The log still belongs to the annotations (cascade) and stays append-only.
    expect(
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'annotation_revisions'").pluck().get(),
    ).toMatch(/REFERENCES annotations\(id\)/);
    expect(() => db.prepare('UPDATE annotation_revisions SET actor_name = ?').run('x')).toThrow(
      /append-only/,
    );
    db.close();
  });

  it('keys annotations by (asset, labeler, round): one outside rounds, one per round', () => {
    const db = v2Database();
    migrate(db, migrations, 3);
    db.exec(`
      INSERT INTO rounds (id, name, created_at, created_by_name, instructions_version, sampling_json)
        VALUES (1, 'r1', 'now', 'Lead', 1, '{}'), (2, 'r2', 'now', 'Lead', 1, '{}');
    `);
    const insert = db.prepare(
      `INSERT INTO annotations (asset_id, labeler_id, round_id, status, revision, doc_json, created_at, updated_at)
       VALUES (7, 1, ?, 'working', 1, '{}', 'now', 'now')`,
    );
    expect(() => insert.run(null)).toThrow(/UNIQUE/);
    insert.run(1);
    insert.run(2);
    expect(() => insert.run(1)).toThrow(/UNIQUE/);
    expect(() => insert.run(99)).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT COUNT(*) FROM annotations WHERE labeler_id = 1').pluck().get()).toBe(
      3,
    );
    // A closed round must say when; an open one must not.
    expect(() => db.prepare("UPDATE rounds SET status = 'closed' WHERE id = 1").run()).toThrow(
      /CHECK/,
    );
    db.close();
  });
});
