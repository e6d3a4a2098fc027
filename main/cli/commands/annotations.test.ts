import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSTRUCTIONS } from '../../services/interchange/interchangeTestKit';
import { closeMediaPool } from '../../workers/mediaClient';
import { main } from '../index';

let dir: string;
let project: string;
let out: string[];
let err: string[];
const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
const run = (...argv: string[]) => main(argv, io);
const reset = () => {
  out = [];
  err = [];
};

const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-cli-annotations-'));
  process.env.CONCORD_DATA_DIR = path.join(dir, 'appdata');
  fs.mkdirSync(path.join(dir, 'imgs'));
  await sharp({ create: { width: 100, height: 50, channels: 3, background: '#336699' } })
    .png()
    .toFile(path.join(dir, 'imgs/a.png'));
  await sharp({ create: { width: 64, height: 64, channels: 3, background: '#993366' } })
    .png()
    .toFile(path.join(dir, 'imgs/c.png'));
  project = path.join(dir, 'p.concord');
  reset();
  expect(await run('init', project, '--name', 'P')).toBe(0);
  expect(await run('import', project, path.join(dir, 'imgs'))).toBe(0);
  expect(await run('instructions', 'set', project, write('spec.json', INSTRUCTIONS))).toBe(0);
  reset();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
afterAll(() => closeMediaPool());

const good = {
  labeler: 'ana',
  items: [
    {
      file: 'imgs/a.png',
      tags: ['defective'],
      boxes: [{ class: 'scratch', x: 1, y: 2, w: 3, h: 4, uncertain: false }],
    },
    { file: 'c.png', noDefects: true },
  ],
};

describe('concord annotations import|export', () => {
  it('imports a Concord file and exports it back as Concord and COCO', async () => {
    const file = write('ana.json', good);
    expect(
      await run('annotations', 'import', project, '--labeler', 'ana', '--format', 'concord', file),
    ).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toBe(
      'Created labeler profile "ana" without a PIN (blind rounds need one: concord profiles set-pin P ana --pin PIN).',
    );
    expect(out[1]).toMatch(
      /^Imported 2 item\(s\) for ana under instructions version \d+: 2 new, 0 replaced, 0 unchanged; 1 box\(es\)\.$/,
    );

    reset();
    expect(
      await run(
        'annotations',
        'import',
        project,
        '--labeler',
        'ana',
        '--format',
        'concord',
        file,
        '--json',
      ),
    ).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({
      imported: true,
      unchanged: 2,
      created: 0,
      problems: [],
    });

    reset();
    const coco = path.join(dir, 'out', 'ana-coco.json');
    expect(
      await run(
        'annotations',
        'export',
        project,
        '--labeler',
        'ana',
        '--format',
        'coco',
        coco,
        '--json',
      ),
    ).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({
      path: coco,
      items: 2,
      boxes: 1,
      labeler: 'ana',
    });
    const first = fs.readFileSync(coco, 'utf8');
    reset();
    expect(
      await run('annotations', 'export', project, '--labeler', 'ana', '--format', 'coco', coco),
    ).toBe(0);
    expect(out).toEqual([`Wrote 2 item(s) and 1 box(es) of ana to ${coco}.`]);
    expect(fs.readFileSync(coco, 'utf8')).toBe(first);

    reset();
    const own = path.join(dir, 'ana-concord.json');
    expect(
      await run('annotations', 'export', project, '--labeler', 'ana', '--format', 'concord', own),
    ).toBe(0);
    const exported = JSON.parse(fs.readFileSync(own, 'utf8')) as {
      labeler: string;
      items: Array<{ file: string }>;
    };
    expect(exported.labeler).toBe('ana');
    expect(exported.items.map((i) => i.file)).toEqual(['imgs/a.png', 'imgs/c.png']);
  });

  it('refuses a bad import with a one-line error and, with --json, every problem', async () => {
    const bad = structuredClone(good);
    bad.items.push({ file: 'missing.png', noDefects: true });
    bad.items[0]!.boxes![0]!.w = 500;
    const file = write('bad.json', bad);
    expect(
      await run('annotations', 'import', project, '--labeler', 'ana', '--format', 'concord', file),
    ).toBe(1);
    expect(err).toEqual([
      `concord annotations import: error: refused, 2 problems in ${file}; nothing was imported`,
    ]);
    expect(out).toEqual([
      'items[0].boxes[0] (imgs/a.png): box at x=1 y=2 w=500 h=4 lies outside the 100x50 image (right edge 501 > 100)',
      'items[2] (missing.png): no asset matches "missing.png" in this project (by path or by file name)',
    ]);

    reset();
    expect(
      await run(
        'annotations',
        'import',
        project,
        '--labeler',
        'ana',
        '--format',
        'concord',
        file,
        '--json',
      ),
    ).toBe(1);
    const doc = JSON.parse(out.join('\n')) as {
      imported: boolean;
      problems: Array<{ where: string; file: string; item: number; box?: number }>;
    };
    expect(doc.imported).toBe(false);
    expect(doc.problems).toHaveLength(2);
    expect(doc.problems[0]).toMatchObject({
      where: 'items[0].boxes[0]',
      file: 'imgs/a.png',
      item: 0,
      box: 0,
    });
    expect(err).toHaveLength(1);

    reset();
    expect(
      await run(
        'annotations',
        'export',
        project,
        '--labeler',
        'ana',
        '--format',
        'coco',
        path.join(dir, 'x.json'),
      ),
    ).toBe(1);
    expect(err).toEqual([
      expect.stringMatching(
        /^concord annotations export: error: No profile named "ana" in this project/,
      ),
    ]);
  });

  it('imports YOLO labels with --classes, and names usage errors', async () => {
    fs.mkdirSync(path.join(dir, 'labels'));
    fs.writeFileSync(path.join(dir, 'labels', 'a.txt'), '1 0.5 0.5 0.5 0.5\n');
    const classes = write('names.txt', 'scratch\ndent\n');
    const labels = path.join(dir, 'labels');
    expect(
      await run(
        'annotations',
        'import',
        project,
        '--labeler',
        'ben',
        '--format',
        'yolo',
        labels,
        '--classes',
        classes,
      ),
    ).toBe(0);
    expect(out[1]).toMatch(/^Imported 1 item\(s\) for ben .*1 box\(es\)\.$/);

    reset();
    expect(
      await run('annotations', 'import', project, '--labeler', 'ben', '--format', 'voc', labels),
    ).toBe(2);
    expect(err[0]).toMatch(
      /^concord annotations import: --format must be one of concord, coco, yolo, got "voc" \(usage: concord annotations import P /,
    );
    reset();
    expect(await run('annotations', 'import', project, '--format', 'yolo', labels)).toBe(2);
    expect(err[0]).toMatch(/--labeler NAME is required/);
    reset();
    expect(
      await run('annotations', 'export', project, '--labeler', 'ben', '--format', 'yolo', 'x'),
    ).toBe(2);
    expect(err[0]).toMatch(/--format must be one of concord, coco/);
    reset();
    expect(
      await run(
        'annotations',
        'import',
        project,
        '--labeler',
        'ben',
        '--format',
        'coco',
        labels,
        '--classes',
        classes,
      ),
    ).toBe(2);
    expect(err[0]).toMatch(/--classes is only for --format yolo/);
  });
});
