import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './index';

let dir: string;
let out: string[];
let err: string[];
const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
const run = (...argv: string[]) => main(argv, io);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-cli-'));
  process.env.CONCORD_DATA_DIR = path.join(dir, 'appdata');
  out = [];
  err = [];
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('concord CLI', () => {
  it('init creates a project and prints JSON with --json', async () => {
    const file = path.join(dir, 'steel.concord');
    expect(await run('init', file, '--name', 'Steel', '--json')).toBe(0);
    const doc = JSON.parse(out.join('\n')) as { name: string; path: string; assetCount: number };
    expect(doc).toMatchObject({ name: 'Steel', path: file, assetCount: 0 });
    expect(fs.existsSync(file)).toBe(true);
  });

  it('init refuses to overwrite an existing file, with a one-line error', async () => {
    const file = path.join(dir, 'x.concord');
    fs.writeFileSync(file, 'precious');
    expect(await run('init', file, '--name', 'X')).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^concord init: error: A file already exists at .*x\.concord$/);
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
  });

  it('usage errors exit 2 and name the problem', async () => {
    expect(await run('init', path.join(dir, 'a.concord'))).toBe(2);
    expect(err.join('\n')).toMatch(/--name is required/);
    err = [];
    expect(await run('assets')).toBe(2);
    expect(err.join('\n')).toMatch(/missing project file/);
    err = [];
    expect(await run('frobnicate')).toBe(2);
    expect(err.join('\n')).toMatch(/unknown command "frobnicate"/);
    err = [];
    expect(await run('assets', 'p.concord', '--bogus')).toBe(2);
    expect(err.join('\n')).toMatch(/unknown option --bogus/);
  });

  it('assets lists an empty project and fails cleanly on a missing one', async () => {
    const file = path.join(dir, 'e.concord');
    await run('init', file, '--name', 'E');
    out = [];
    expect(await run('assets', file, '--json')).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual({ assets: [], total: 0 });
    expect(await run('assets', path.join(dir, 'missing.concord'))).toBe(1);
    expect(err.at(-1)).toMatch(/Project file not found/);
  });
});
