import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecentProjects } from '../services/project/recentProjects';
import { main } from './index';

let dir: string;
const previousDataDir = process.env.CONCORD_DATA_DIR;
const io = { out: () => {}, err: () => {} };
const run = (...argv: string[]) => main(argv, io);
const recentPaths = () => new RecentProjects(path.join(dir, 'appdata')).list().map((r) => r.path);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-cli-recent-'));
  process.env.CONCORD_DATA_DIR = path.join(dir, 'appdata');
});
afterEach(() => {
  if (previousDataDir === undefined) delete process.env.CONCORD_DATA_DIR;
  else process.env.CONCORD_DATA_DIR = previousDataDir;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the CLI and the app share the recent-projects list', () => {
  it('init records the new project, and a command that opens one moves it to the top', async () => {
    const a = path.join(dir, 'a.concord');
    const b = path.join(dir, 'b.concord');
    expect(await run('init', a, '--name', 'Alpha')).toBe(0);
    expect(await run('init', b, '--name', 'Beta')).toBe(0);
    expect(recentPaths()).toEqual([b, a]);
    expect(new RecentProjects(path.join(dir, 'appdata')).list()[1]).toMatchObject({
      name: 'Alpha',
      exists: true,
    });
    expect(await run('assets', a, '--json')).toBe(0);
    expect(recentPaths()).toEqual([a, b]);
  });

  it('a command that fails to open a project records nothing', async () => {
    expect(await run('assets', path.join(dir, 'missing.concord'))).toBe(1);
    expect(recentPaths()).toEqual([]);
  });
});
