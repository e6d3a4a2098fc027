import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMediaPool } from '../../workers/mediaClient';
import { ProjectHost } from '../project/projectHost';
import type { World } from './assetTestKit';
import { createWorld, solid } from './assetTestKit';
import { recoverInterruptedImports, startBatch, TEMP_PREFIX } from './importBatches';

let w: World;
beforeEach(() => {
  w = createWorld();
});
afterEach(() => w.dispose());
afterAll(() => closeMediaPool());

/** The pid of a process that has already exited. */
function deadPid(): number {
  return Number(
    spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString(),
  );
}

function runningBatch(owner: { host: string; pid: number } | null): number {
  const db = w.project.db;
  const id = Number(
    db
      .prepare(
        "INSERT INTO import_batches (started_at, mode, status) VALUES (?, 'copy', 'running')",
      )
      .run(new Date().toISOString()).lastInsertRowid,
  );
  if (owner)
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(
      `import.owner.${id}`,
      JSON.stringify(owner),
    );
  return id;
}

const statusOf = (db: typeof w.project.db, id: number) =>
  (db.prepare('SELECT status FROM import_batches WHERE id = ?').get(id) as { status: string })
    .status;

describe('recoverInterruptedImports', () => {
  it('marks a batch whose process died as interrupted when the project is opened, keeping its rows', async () => {
    await w.importPaths([w.write('a.png', await solid(3, 3).png().toBuffer())]);
    const crashed = runningBatch({ host: os.hostname(), pid: deadPid() });
    const orphanless = runningBatch(null);
    const tmp = path.join(w.project.dataDir, 'assets', 'sub', `${TEMP_PREFIX}abc`);
    fs.mkdirSync(path.dirname(tmp), { recursive: true });
    fs.writeFileSync(tmp, 'half a copy');
    const file = w.project.path;
    w.host.close();

    const host = new ProjectHost();
    const reopened = host.open(file); // ProjectHost.open runs the recovery
    try {
      expect(statusOf(reopened.db, crashed)).toBe('interrupted');
      expect(statusOf(reopened.db, orphanless)).toBe('interrupted');
      expect(reopened.db.prepare('SELECT COUNT(*) AS n FROM assets').get()).toEqual({ n: 1 });
      expect(fs.existsSync(tmp)).toBe(false);
      expect(
        reopened.db
          .prepare("SELECT COUNT(*) AS n FROM settings WHERE key LIKE 'import.owner.%'")
          .get(),
      ).toEqual({ n: 0 });
    } finally {
      host.close();
    }
  });

  it('leaves alone a batch another live process is running', () => {
    const id = runningBatch({ host: os.hostname(), pid: process.ppid });
    expect(recoverInterruptedImports(w.project.db, w.project.dataDir)).toEqual([]);
    expect(statusOf(w.project.db, id)).toBe('running');
  });

  it('leaves alone a batch this process is running, but not a stale one it left behind', () => {
    const live = startBatch(w.project.db, 'reference');
    const stale = runningBatch({ host: os.hostname(), pid: process.pid });
    expect(recoverInterruptedImports(w.project.db)).toEqual([stale]);
    expect(statusOf(w.project.db, live)).toBe('running');
  });
});
