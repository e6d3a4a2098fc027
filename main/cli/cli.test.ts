import fs from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMediaPool } from '../workers/mediaClient';
import type { CliWorld } from './cliTestKit';
import { cliWorld } from './cliTestKit';

let cli: CliWorld;
beforeEach(() => {
  cli = cliWorld('concord-cli-');
});
afterEach(() => cli.dispose());
afterAll(() => closeMediaPool());

describe('concord CLI', () => {
  it('init creates a project and prints JSON with --json', async () => {
    const file = cli.path('steel.concord');
    expect(await cli.run('init', file, '--name', 'Steel', '--json')).toBe(0);
    const doc = cli.json<{ name: string; path: string; assetCount: number }>();
    expect(doc).toMatchObject({ name: 'Steel', path: file, assetCount: 0 });
    expect(fs.existsSync(file)).toBe(true);
  });

  it('init refuses to overwrite an existing file, with a one-line error', async () => {
    const file = cli.path('x.concord');
    fs.writeFileSync(file, 'precious');
    expect(await cli.run('init', file, '--name', 'X')).toBe(1);
    expect(cli.err()).toHaveLength(1);
    expect(cli.err()[0]).toMatch(/^concord init: error: A file already exists at .*x\.concord$/);
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
  });

  it('usage errors exit 2 and name the problem in one line, usage hint included', async () => {
    const oneLine = () => {
      expect(cli.err()).toHaveLength(1);
      expect(cli.err()[0]).not.toContain('\n');
      return cli.err()[0]!;
    };
    expect(await cli.run('init', cli.path('a.concord'))).toBe(2);
    expect(oneLine()).toBe(
      'concord init: --name is required (usage: concord init P --name NAME [--instructions spec.json] [--json])',
    );
    expect(await cli.run('assets')).toBe(2);
    expect(oneLine()).toMatch(/^concord assets: missing project file \(usage: concord assets P/);
    expect(await cli.run('frobnicate')).toBe(2);
    expect(oneLine()).toMatch(/unknown command "frobnicate"/);
    expect(await cli.run('assets', 'p.concord', '--bogus')).toBe(2);
    expect(oneLine()).toMatch(/unknown option --bogus for "concord assets" \(usage: /);
    expect(await cli.run('import', 'p.concord')).toBe(2);
    expect(oneLine()).toMatch(
      /^concord import: give at least one file or folder to import \(usage: /,
    );
  });

  it('init refuses a folder that does not exist instead of creating it', async () => {
    const missing = cli.path('nonexistent_dir');
    expect(await cli.run('init', cli.path('nonexistent_dir', 'x.concord'), '--name', 'X')).toBe(1);
    expect(cli.err()).toEqual([
      `concord init: error: Folder ${missing} does not exist; create it first or choose another folder`,
    ]);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('import --metadata with a missing or unusable CSV fails up front and imports nothing', async () => {
    const file = cli.path('m.concord');
    await cli.run('init', file, '--name', 'M');
    const imgs = await cli.pngs('imgs', [
      { name: 'a.png', width: 8, height: 8, background: '#808080' },
    ]);
    expect(await cli.run('import', file, imgs, '--metadata', cli.path('nope.csv'))).toBe(1);
    expect(cli.err()).toEqual([
      `concord import: error: Metadata CSV ${cli.path('nope.csv')} does not exist; nothing was imported`,
    ]);
    const noFileColumn = cli.write('meta.csv', 'name,factory\na.png,A\n');
    expect(await cli.run('import', file, imgs, '--metadata', noFileColumn)).toBe(1);
    expect(cli.err()).toEqual([
      `concord import: error: Metadata CSV ${noFileColumn}: the header row needs a "file" column (found: name, factory); nothing was imported`,
    ]);
    expect(await cli.run('assets', file, '--json')).toBe(0);
    expect(cli.json()).toMatchObject({ total: 0 });
  });

  it('assets lists an empty project and fails cleanly on a missing one', async () => {
    const file = cli.path('e.concord');
    await cli.run('init', file, '--name', 'E');
    expect(await cli.run('assets', file, '--json')).toBe(0);
    expect(cli.json()).toEqual({ assets: [], total: 0 });
    expect(await cli.run('assets', cli.path('missing.concord'))).toBe(1);
    expect(cli.err().at(-1)).toMatch(/Project file not found/);
  });
});
