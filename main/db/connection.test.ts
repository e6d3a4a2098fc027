import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from './connection';
import { latestSchemaVersion } from './migrations';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-db-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('creates a WAL database with foreign keys at the latest schema', () => {
    const db = openDatabase(path.join(dir, 'a.concord'), { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    db.close();
  });

  it('refuses a project written by a newer Concord and leaves it untouched', () => {
    const file = path.join(dir, 'future.concord');
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestSchemaVersion + 7}`);
    raw.exec('CREATE TABLE keep (x INTEGER) STRICT; INSERT INTO keep VALUES (42);');
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/newer version of Concord.*schema \d+/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite with a clear message', () => {
    const file = path.join(dir, 'notes.concord');
    fs.writeFileSync(file, 'just some text, definitely not a database');
    expect(() => openDatabase(file)).toThrow(/not a Concord project \(not a SQLite database\)/);
  });

  it('reports a missing file and a folder by path', () => {
    expect(() => openDatabase(path.join(dir, 'missing.concord'))).toThrow(
      /Project file not found: .*missing\.concord/,
    );
    expect(() => openDatabase(dir)).toThrow(/is a folder/);
  });

  it('never creates over an existing file', () => {
    const file = path.join(dir, 'x.concord');
    fs.writeFileSync(file, 'x');
    expect(() => openDatabase(file, { create: true })).toThrow(/already exists/);
  });

  it('lets a second process write to the same project concurrently without corruption', () => {
    const file = path.join(dir, 'shared.concord');
    const db = openDatabase(file, { create: true });
    db.exec("INSERT INTO settings (key, value) VALUES ('owner', 'first')");
    const script = `
      const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(file)});
      db.pragma('busy_timeout = 5000');
      const ins = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
      for (let i = 0; i < 200; i++) db.transaction(() => ins.run('child-' + i, String(i)))();
      db.close();
    `;
    const writes = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    for (let i = 0; i < 200; i++) writes.run(`parent-${i}`, String(i));
    expect(child.status, child.stderr).toBe(0);
    const n = (db.prepare('SELECT COUNT(*) AS n FROM settings').get() as { n: number }).n;
    expect(n).toBe(401);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('migrate', () => {
  it('applies migrations one transaction each and stops at the target', () => {
    const db = new Database(path.join(dir, 'm.concord'));
    const order: number[] = [];
    const ms = [
      {
        version: 1,
        name: 'a',
        up: (d: Database.Database) => (d.exec('CREATE TABLE a (x INTEGER) STRICT'), order.push(1)),
      },
      { version: 2, name: 'b', up: () => order.push(2) },
      {
        version: 3,
        name: 'bad',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE c (x INTEGER) STRICT');
          throw new Error('boom');
        },
      },
    ];
    migrate(db, ms, 2);
    expect(order).toEqual([1, 2]);
    expect(schemaVersion(db)).toBe(2);
    expect(() => migrate(db, ms, 3)).toThrow('boom');
    // the failed migration rolled back completely: version and tables unchanged
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'c'").get()).toBeUndefined();
    db.close();
  });
});
