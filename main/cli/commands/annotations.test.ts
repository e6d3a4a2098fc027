import fs from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSTRUCTIONS } from '../../services/interchange/interchangeTestKit';
import { closeMediaPool } from '../../workers/mediaClient';
import type { CliWorld } from '../cliTestKit';
import { cliWorld } from '../cliTestKit';

let cli: CliWorld;
let project: string;
/** `concord annotations import|export P --labeler WHO --format FORMAT ...rest` */
const annotations = (verb: 'import' | 'export', who: string, format: string, ...rest: string[]) =>
  cli.run('annotations', verb, project, '--labeler', who, '--format', format, ...rest);

beforeEach(async () => {
  cli = cliWorld('concord-cli-annotations-');
  await cli.pngs('imgs', [
    { name: 'a.png', width: 100, height: 50, background: '#336699' },
    { name: 'c.png', width: 64, height: 64, background: '#993366' },
  ]);
  project = await cli.newProject({
    file: 'p.concord',
    name: 'P',
    importArgs: [cli.path('imgs')],
    instructions: INSTRUCTIONS,
  });
});
afterEach(() => cli.dispose());
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
    const file = cli.write('ana.json', good);
    expect(await annotations('import', 'ana', 'concord', file)).toBe(0);
    expect(cli.err()).toEqual([]);
    expect(cli.out()[0]).toBe(
      'Created labeler profile "ana" without a PIN (blind rounds need one: concord profiles set-pin P ana --pin PIN).',
    );
    expect(cli.out()[1]).toMatch(
      /^Imported 2 item\(s\) for ana under instructions version \d+: 2 new, 0 replaced, 0 unchanged; 1 box\(es\)\.$/,
    );

    expect(await annotations('import', 'ana', 'concord', file, '--json')).toBe(0);
    expect(cli.json()).toMatchObject({
      imported: true,
      unchanged: 2,
      created: 0,
      problems: [],
    });

    const coco = cli.path('out', 'ana-coco.json');
    expect(await annotations('export', 'ana', 'coco', coco, '--json')).toBe(0);
    expect(cli.json()).toMatchObject({
      path: coco,
      items: 2,
      boxes: 1,
      labeler: 'ana',
    });
    const first = fs.readFileSync(coco, 'utf8');
    expect(await annotations('export', 'ana', 'coco', coco)).toBe(0);
    expect(cli.out()).toEqual([`Wrote 2 item(s) and 1 box(es) of ana to ${coco}.`]);
    expect(fs.readFileSync(coco, 'utf8')).toBe(first);

    const own = cli.path('ana-concord.json');
    expect(await annotations('export', 'ana', 'concord', own)).toBe(0);
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
    const file = cli.write('bad.json', bad);
    expect(await annotations('import', 'ana', 'concord', file)).toBe(1);
    expect(cli.err()).toEqual([
      `concord annotations import: error: refused, 2 problems in ${file}; nothing was imported`,
    ]);
    expect(cli.out()).toEqual([
      'items[0].boxes[0] (imgs/a.png): box at x=1 y=2 w=500 h=4 lies outside the 100x50 image (right edge 501 > 100)',
      'items[2] (missing.png): no asset matches "missing.png" in this project (by path or by file name)',
    ]);

    expect(await annotations('import', 'ana', 'concord', file, '--json')).toBe(1);
    const doc = cli.json<{
      imported: boolean;
      problems: Array<{ where: string; file: string; item: number; box?: number }>;
    }>();
    expect(doc.imported).toBe(false);
    expect(doc.problems).toHaveLength(2);
    expect(doc.problems[0]).toMatchObject({
      where: 'items[0].boxes[0]',
      file: 'imgs/a.png',
      item: 0,
      box: 0,
    });
    expect(cli.err()).toHaveLength(1);

    expect(await annotations('export', 'ana', 'coco', cli.path('x.json'))).toBe(1);
    expect(cli.err()).toEqual([
      expect.stringMatching(
        /^concord annotations export: error: No profile named "ana" in this project/,
      ),
    ]);
  });

  it('imports YOLO labels with --classes, and names usage errors', async () => {
    fs.mkdirSync(cli.path('labels'));
    fs.writeFileSync(cli.path('labels', 'a.txt'), '1 0.5 0.5 0.5 0.5\n');
    const classes = cli.write('names.txt', 'scratch\ndent\n');
    const labels = cli.path('labels');
    expect(await annotations('import', 'ben', 'yolo', labels, '--classes', classes)).toBe(0);
    expect(cli.out()[1]).toMatch(/^Imported 1 item\(s\) for ben .*1 box\(es\)\.$/);

    expect(await annotations('import', 'ben', 'voc', labels)).toBe(2);
    expect(cli.err()[0]).toMatch(
      /^concord annotations import: --format must be one of concord, coco, yolo, got "voc" \(usage: concord annotations import P /,
    );
    expect(await cli.run('annotations', 'import', project, '--format', 'yolo', labels)).toBe(2);
    expect(cli.err()[0]).toMatch(/--labeler NAME is required/);
    expect(await annotations('export', 'ben', 'yolo', 'x')).toBe(2);
    expect(cli.err()[0]).toMatch(/--format must be one of concord, coco/);
    expect(await annotations('import', 'ben', 'coco', labels, '--classes', classes)).toBe(2);
    expect(cli.err()[0]).toMatch(/--classes is only for --format yolo/);
  });
});
