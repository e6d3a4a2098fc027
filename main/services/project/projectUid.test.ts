import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectHost, summarize } from './projectHost';
import { ensureProjectUid } from './projectUid';

let dir: string;
let host: ProjectHost;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-uid-'));
  host = new ProjectHost();
});
afterEach(() => {
  host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('project uid', () => {
  it('is made at creation, stable across reopening, and differs between projects', () => {
    const a = path.join(dir, 'a.concord');
    const uidA = summarize(host.create(a, 'A')).uid;
    expect(uidA).toMatch(/^[0-9a-f-]{36}$/);
    const uidB = summarize(host.create(path.join(dir, 'b.concord'), 'B')).uid;
    expect(uidB).not.toBe(uidA);
    expect(summarize(host.open(a)).uid).toBe(uidA);
  });

  it('is added on first open to a file made before uids existed', () => {
    const file = path.join(dir, 'old.concord');
    const { db } = host.create(file, 'Old');
    db.prepare("DELETE FROM settings WHERE key = 'project.uid'").run();
    host.close();
    const first = summarize(host.open(file)).uid;
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    host.close();
    expect(summarize(host.open(file)).uid).toBe(first);
    expect(ensureProjectUid(host.require().db)).toBe(first);
  });
});
