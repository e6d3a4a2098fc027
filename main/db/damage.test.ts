import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../transport/dispatch';
import { createServices } from '../services/appServices';
import { openDatabase } from './connection';
import { describeDamage } from './damage';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-damage-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A real project file with `assets` assets and two labelers' annotations of each. */
function buildProject(file: string, assets: number): void {
  const db = openDatabase(file, { create: true });
  const now = new Date().toISOString();
  db.prepare(
    "INSERT INTO project (id, name, created_at, created_by_app) VALUES (1, 'big', ?, 'test')",
  ).run(now);
  db.exec(`INSERT INTO profiles (id, name, name_key, role, created_at) VALUES
    (1, 'ana', 'ana', 'labeler', '${now}'), (2, 'ben', 'ben', 'labeler', '${now}')`);
  const asset = db.prepare(
    `INSERT INTO assets (id, kind, rel_path, file_name, stored, format, bytes, sha256, width, height, imported_at)
     VALUES (?, 'image', ?, ?, 'reference', 'png', 1000, ?, 640, 480, ?)`,
  );
  const annotation = db.prepare(
    `INSERT INTO annotations (asset_id, labeler_id, status, revision, doc_json, box_count, created_at, updated_at)
     VALUES (?, ?, 'working', 1, ?, 3, ?, ?)`,
  );
  const boxes = Array.from({ length: 3 }, (_, i) => ({
    id: `b${i}`,
    classId: 'scratch',
    x: 10 * i,
    y: 20,
    w: 100,
    h: 50,
    attributes: {},
  }));
  const doc = JSON.stringify({ boxes, tags: [], noDefects: false });
  db.transaction(() => {
    for (let i = 1; i <= assets; i++) {
      asset.run(i, `images/a${i}.png`, `a${i}.png`, `sha-${i}`, now);
      annotation.run(i, 1, doc, now, now);
      annotation.run(i, 2, doc, now, now);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Overwrites `bytes` in the middle of the file with zeros, as the audit did. */
function zeroMiddle(file: string, bytes = 8192, at = 0.5): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(bytes), 0, bytes, Math.floor((size * at) / 4096) * 4096);
  fs.closeSync(fd);
}

describe('opening a damaged project', () => {
  it('refuses a file with 8 KB zeroed mid-file, names it, and leaves it unchanged', () => {
    const file = path.join(dir, 'zeroed.concord');
    buildProject(file, 2000);
    zeroMiddle(file);
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(`${file} is damaged (SQLite reports: `);
    expect(() => openDatabase(file)).toThrow(
      /\)\. Restore it from a backup; Concord did not change it\.$/,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a 0-byte file without writing to it', () => {
    const file = path.join(dir, 'empty.concord');
    fs.writeFileSync(file, '');
    expect(() => openDatabase(file)).toThrow(
      /empty\.concord is empty \(0 bytes\), not a Concord project/,
    );
    expect(fs.statSync(file).size).toBe(0);
  });

  it('refuses a SQLite file from another program without migrating it', () => {
    const file = path.join(dir, 'other.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1);');
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/is a SQLite file but not a Concord project/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('quick_check cost on 10,000 assets + 20,000 annotations (printed, not asserted)', () => {
    const file = path.join(dir, 'big.concord');
    buildProject(file, 10_000);
    const mb = (fs.statSync(file).size / 1e6).toFixed(1);
    const raw = new Database(file, { readonly: true });
    const t0 = performance.now();
    expect(raw.pragma('quick_check', { simple: true })).toBe('ok');
    const quick = performance.now() - t0;
    const t1 = performance.now();
    raw.pragma('integrity_check');
    const full = performance.now() - t1;
    raw.close();
    const t2 = performance.now();
    openDatabase(file).close();
    const open = performance.now() - t2;
    console.log(
      `[quick_check] ${mb} MB: quick_check ${quick.toFixed(0)} ms, integrity_check ${full.toFixed(0)} ms, whole open ${open.toFixed(0)} ms`,
    );
  });
});

describe('damage found after the project is open', () => {
  it('reports SQLITE_CORRUPT as BAD_FILE naming the project file, over the handlers', async () => {
    const file = path.join(dir, 'late.concord');
    buildProject(file, 3000);
    const services = createServices({ appDataDir: path.join(dir, 'app'), transport: 'http' });
    try {
      const ctx = { sessionKey: 'k', transport: 'http' as const };
      const opened = await dispatch(services.handlers, 'project:open', { path: file }, ctx);
      expect(opened.ok).toBe(true);
      const db = services.host.require().db;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('cache_size = 1'); // make the next query read the pages from disk
      const size = fs.statSync(file).size;
      zeroMiddle(file, Math.floor((size * 0.9) / 4096) * 4096, 0.05);
      const res = await dispatch(services.handlers, 'project:current', {}, ctx);
      expect(res).toEqual({
        ok: false,
        error: {
          code: 'BAD_FILE',
          message: expect.stringMatching(
            /late\.concord is damaged \(SQLite reports: .*malformed.*\)\. Close Concord and restore/,
          ) as unknown,
        },
      });
    } finally {
      services.shutdown();
    }
  });

  it('leaves other errors alone', () => {
    const e = new Error('UNIQUE constraint failed');
    expect(describeDamage(e, '/p.concord')).toBe(e);
    expect(
      describeDamage(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT_INDEX' }), '/p.concord'),
    ).toMatchObject({ code: 'BAD_FILE' });
  });
});
