import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMediaPool } from '../workers/mediaClient';
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
afterAll(() => closeMediaPool());

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

  it('usage errors exit 2 and name the problem in one line, usage hint included', async () => {
    const oneLine = () => {
      expect(err).toHaveLength(1);
      expect(err[0]).not.toContain('\n');
      const line = err[0]!;
      err = [];
      return line;
    };
    expect(await run('init', path.join(dir, 'a.concord'))).toBe(2);
    expect(oneLine()).toBe(
      'concord init: --name is required (usage: concord init P --name NAME [--instructions spec.json] [--json])',
    );
    expect(await run('assets')).toBe(2);
    expect(oneLine()).toMatch(/^concord assets: missing project file \(usage: concord assets P/);
    expect(await run('frobnicate')).toBe(2);
    expect(oneLine()).toMatch(/unknown command "frobnicate"/);
    expect(await run('assets', 'p.concord', '--bogus')).toBe(2);
    expect(oneLine()).toMatch(/unknown option --bogus for "concord assets" \(usage: /);
    expect(await run('import', 'p.concord')).toBe(2);
    expect(oneLine()).toMatch(
      /^concord import: give at least one file or folder to import \(usage: /,
    );
  });

  it('init refuses a folder that does not exist instead of creating it', async () => {
    const missing = path.join(dir, 'nonexistent_dir');
    expect(await run('init', path.join(missing, 'x.concord'), '--name', 'X')).toBe(1);
    expect(err).toEqual([
      `concord init: error: Folder ${missing} does not exist; create it first or choose another folder`,
    ]);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('import --metadata with a missing or unusable CSV fails up front and imports nothing', async () => {
    const file = path.join(dir, 'm.concord');
    await run('init', file, '--name', 'M');
    const imgs = path.join(dir, 'imgs');
    fs.mkdirSync(imgs);
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } })
      .png()
      .toFile(path.join(imgs, 'a.png'));
    err = [];
    expect(await run('import', file, imgs, '--metadata', path.join(dir, 'nope.csv'))).toBe(1);
    expect(err).toEqual([
      `concord import: error: Metadata CSV ${path.join(dir, 'nope.csv')} does not exist; nothing was imported`,
    ]);
    const noFileColumn = path.join(dir, 'meta.csv');
    fs.writeFileSync(noFileColumn, 'name,factory\na.png,A\n');
    err = [];
    expect(await run('import', file, imgs, '--metadata', noFileColumn)).toBe(1);
    expect(err).toEqual([
      `concord import: error: Metadata CSV ${noFileColumn}: the header row needs a "file" column (found: name, factory); nothing was imported`,
    ]);
    out = [];
    expect(await run('assets', file, '--json')).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ total: 0 });
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
