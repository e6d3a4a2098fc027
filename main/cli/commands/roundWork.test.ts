import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSTRUCTIONS } from '../../services/interchange/interchangeTestKit';
import { encodeWav } from '../../services/sample/wav';
import { closeMediaPool } from '../../workers/mediaClient';
import { main } from '../index';

/** A round's work through the CLI: drawn images-only by default, brought in and out with --round. */
let dir: string;
let project: string;
let out: string[];
let err: string[];
const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
const run = async (...argv: string[]) => {
  out = [];
  err = [];
  return main(argv, io);
};
const json = <T>() => JSON.parse(out.join('\n')) as T;
const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
};

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-cli-roundwork-'));
  process.env.CONCORD_DATA_DIR = path.join(dir, 'appdata');
  fs.mkdirSync(path.join(dir, 'media'));
  for (let i = 0; i < 3; i++) {
    await sharp({
      create: { width: 100, height: 80, channels: 3, background: { r: 70 * i, g: 40, b: 90 } },
    })
      .png()
      .toFile(path.join(dir, `media/p${i}.png`));
  }
  const tone = new Float32Array(8000).map((_, i) => 0.3 * Math.sin(i / 4));
  fs.writeFileSync(path.join(dir, 'media/tone.wav'), encodeWav(tone, 8000));
  project = path.join(dir, 'steel.concord');
  expect(await run('init', project, '--name', 'Steel')).toBe(0);
  expect(await run('import', project, path.join(dir, 'media'))).toBe(0);
  expect(await run('instructions', 'set', project, write('spec.json', INSTRUCTIONS))).toBe(0);
  const add = ['profiles', 'add', project];
  expect(await run(...add, 'Lead', '--role', 'lead', '--passphrase', 'concord')).toBe(0);
  expect(await run(...add, 'ana', '--role', 'labeler', '--pin', '1111')).toBe(0);
  expect(await run(...add, 'ben', '--role', 'labeler', '--pin', '2222')).toBe(0);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
afterAll(() => closeMediaPool());

const labels = (labeler: string, files: string[], x: number) => ({
  labeler,
  items: files.map((file) => ({
    file,
    boxes: [{ class: 'scratch', x, y: 10, w: 30, h: 30 }],
  })),
});

describe('round work through the CLI', () => {
  it('draws images only by default, and says what it left out', async () => {
    expect(await run('round', 'create', project, '--labelers', 'ana,ben', '--seed', '2')).toBe(0);
    expect(out[0]).toBe('Round r1 (open): 3 of 3 image(s) for ana, ben');
    expect(out.at(-1)).toBe(
      '  note: 1 audio clip(s) left out (rounds draw image(s) unless --kind says otherwise; --kind audio or --kind all)',
    );
    expect(
      await run('round', 'create', project, '--labelers', 'ana,ben', '--kind', 'all', '--json'),
    ).toBe(0);
    expect(json<{ itemCount: number; sampling: { kind: null } }>()).toMatchObject({
      itemCount: 4,
      sampling: { kind: null },
    });
    expect(await run('rounds', project)).toBe(0);
    expect(out).toContain('Round r2 (open): 4 of 4 asset(s), images and audio for ana, ben');
  });

  it('lists a round\u2019s items: per round in `rounds --json`, one path a line in `round items`', async () => {
    expect(
      await run('round', 'create', project, '--labelers', 'ana,ben', '--size', '2', '--json'),
    ).toBe(0);
    const drawn = json<{ items: Array<{ assetId: number; path: string }> }>().items;
    expect(drawn).toHaveLength(2);
    expect(await run('rounds', project, '--json')).toBe(0);
    expect(json<{ rounds: Array<{ name: string; items: unknown }> }>().rounds).toMatchObject([
      { name: 'r1', items: drawn },
    ]);
    expect(await run('round', 'items', project, 'r1')).toBe(0);
    expect(out).toEqual(drawn.map((i) => i.path));
    expect(await run('round', 'items', project, 'r1', '--json')).toBe(0);
    expect(json()).toEqual({ round: 'r1', items: drawn });
    expect(await run('round', 'items', project, 'r9')).toBe(1);
    expect(err.join('\n')).toMatch(/r9/);
    expect(await run('round', 'items', project)).toBe(2);
  });

  it('imports labels into a round and exports them back out; a closed round refuses imports', async () => {
    expect(
      await run('round', 'create', project, '--labelers', 'ana,ben', '--size', '2', '--json'),
    ).toBe(0);
    const files = json<{ items: Array<{ path: string }> }>().items.map((i) => i.path);
    for (const [who, x] of [
      ['ana', 10],
      ['ben', 12],
    ] as const) {
      const file = write(`${who}.json`, labels(who, files, x));
      expect(
        await run(
          'annotations',
          'import',
          project,
          '--labeler',
          who,
          '--format',
          'concord',
          '--round',
          'r1',
          file,
        ),
      ).toBe(0);
      expect(out[0]).toMatch(new RegExp(`^Imported 2 item\\(s\\) for ${who} into round r1 `));
    }
    expect(await run('agreement', project, '--round', 'r1', '--json')).toBe(0);
    expect(json<Record<string, unknown>>()).toMatchObject({ round: 'r1', items: 2 });

    const outFile = path.join(dir, 'ana-r1.json');
    const exportArgs = ['annotations', 'export', project, '--labeler', 'ana', '--format'];
    expect(await run(...exportArgs, 'concord', '--round', 'r1', outFile)).toBe(0);
    expect(out[0]).toMatch(/^Wrote 2 item\(s\) and 2 box\(es\) of ana in round r1 to /);
    const exported = JSON.parse(fs.readFileSync(outFile, 'utf8')) as {
      items: Array<{ file: string }>;
    };
    expect(exported.items.map((i) => i.file).sort()).toEqual([...files].sort());
    // Without --round the file holds ana's work outside rounds (none), and says where hers is.
    expect(await run(...exportArgs, 'concord', path.join(dir, 'ana.json'))).toBe(0);
    expect(out).toEqual([
      expect.stringMatching(/^Wrote 0 item\(s\)/),
      '  note: ana has work in round r1; export it with --round r1',
    ]);

    expect(await run('round', 'close', project, 'r1')).toBe(0);
    const again = write('again.json', labels('ana', files, 40));
    expect(
      await run(
        'annotations',
        'import',
        project,
        '--labeler',
        'ana',
        '--format',
        'concord',
        '--round',
        'r1',
        again,
      ),
    ).toBe(1);
    expect(err[0]).toMatch(
      /^concord annotations import: error: Round r1 is closed \(frozen on \d{4}-\d\d-\d\d\); its labels can no longer change, so nothing was imported/,
    );
    expect(
      await run(
        'annotations',
        'import',
        project,
        '--labeler',
        'ana',
        '--format',
        'concord',
        '--round',
        'r9',
        again,
      ),
    ).toBe(1);
    expect(err[0]).toMatch(/No round named "r9" in this project; rounds: r1/);
  });
});
