import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection';

let dir: string | undefined;
afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

describe('durability', () => {
  it('survives kill -9 in the middle of writes: no corruption, every acknowledged commit kept', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-kill-'));
    const file = path.join(dir, 'crash.concord');
    openDatabase(file, { create: true }).close();
    // The child opens the project like the app does (WAL, synchronous=NORMAL), commits
    // small transactions as fast as it can and prints each committed number.
    const script = `
      const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(file)});
      db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL');
      const ins = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
      for (let i = 0; ; i++) {
        db.transaction(() => { ins.run('k' + i, 'x'.repeat(200)); })();
        if (i % 50 === 0) process.stdout.write(i + '\\n');
      }
    `;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let lastAck = -1;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (c: Buffer) => {
        const lines = c.toString().trim().split('\n');
        lastAck = Number(lines[lines.length - 1]);
        if (lastAck >= 2000) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    const db = openDatabase(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const n = (db.prepare('SELECT COUNT(*) AS n FROM settings').get() as { n: number }).n;
    expect(n).toBeGreaterThan(lastAck);
    db.close();
  });
});
