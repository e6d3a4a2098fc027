import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationDoc } from '../../../shared/api/schemas/annotationDoc';
import { saveAnnotation, submitAnnotation } from '../../services/annotations/annotationService';
import { createServices } from '../../services/appServices';
import { actorByName } from '../../services/identity/actor';
import { currentVersion } from '../../services/instructions/instructionRepository';
import { INSTRUCTIONS } from '../../services/interchange/interchangeTestKit';
import { closeMediaPool } from '../../workers/mediaClient';
import { main } from '../index';

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
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

/** Six images on lines A (4) and B (2); ana and ben have imported labels of two of them. */
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-cli-rounds-'));
  process.env.CONCORD_DATA_DIR = path.join(dir, 'appdata');
  fs.mkdirSync(path.join(dir, 'imgs'));
  const rows = ['file,line'];
  for (let i = 0; i < 6; i++) {
    await sharp({
      create: { width: 100, height: 80, channels: 3, background: { r: 40 * i, g: 90, b: 120 } },
    })
      .png()
      .toFile(path.join(dir, `imgs/p${i}.png`));
    rows.push(`p${i}.png,${i < 4 ? 'A' : 'B'}`);
  }
  project = path.join(dir, 'steel.concord');
  expect(await run('init', project, '--name', 'Steel')).toBe(0);
  expect(
    await run(
      'import',
      project,
      path.join(dir, 'imgs'),
      '--metadata',
      write('meta.csv', rows.join('\n')),
    ),
  ).toBe(0);
  expect(await run('instructions', 'set', project, write('spec.json', INSTRUCTIONS))).toBe(0);
  for (const [who, cls] of [
    ['ana', 'scratch'],
    ['ben', 'dent'],
  ] as const) {
    const file = write(`${who}.json`, {
      labeler: who,
      items: [
        { file: 'p0.png', boxes: [{ class: 'scratch', x: 10, y: 10, w: 30, h: 30 }] },
        { file: 'p1.png', boxes: [{ class: cls, x: 50, y: 20, w: 30, h: 30 }] },
      ],
    });
    expect(
      await run('annotations', 'import', project, '--labeler', who, '--format', 'concord', file),
    ).toBe(0);
  }
  // Imported labelers have no PIN; blind rounds need one for each.
  expect(await run('profiles', 'set-pin', project, 'ana', '--pin', '1111')).toBe(0);
  expect(await run('profiles', 'set-pin', project, 'ben', '--pin', '2222')).toBe(0);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
afterAll(() => closeMediaPool());

interface RoundJson {
  name: string;
  itemCount: number;
  sampling: { seed: number };
  strata: Array<{ stratum: string | null; available: number; drawn: number }>;
  items: Array<{ assetId: number; path: string }>;
}

describe('concord round create', () => {
  it('draws a stratified, seeded sample and prints it as JSON', async () => {
    expect(
      await run(
        'round',
        'create',
        project,
        '--labelers',
        'ana,ben',
        '--size',
        '3',
        '--stratify-by',
        'line',
        '--seed',
        '7',
        '--json',
      ),
    ).toBe(0);
    const r1 = json<RoundJson>();
    expect(r1).toMatchObject({ name: 'r1', itemCount: 3, sampling: { seed: 7 } });
    expect(r1.strata).toEqual([
      { stratum: 'A', available: 4, drawn: 2 },
      { stratum: 'B', available: 2, drawn: 1 },
    ]);
    expect(r1.items).toHaveLength(3);
    // The same seed draws the same sample.
    expect(
      await run(
        'round',
        'create',
        project,
        '--labelers',
        'ana,ben',
        '--size',
        '3',
        '--stratify-by',
        'line',
        '--seed',
        '7',
        '--name',
        'again',
        '--json',
      ),
    ).toBe(0);
    expect(json<RoundJson>().items).toEqual(r1.items);
    // Text output names the round, its sample and the labelers' progress.
    expect(
      await run(
        'round',
        'create',
        project,
        '--labelers',
        'ana,ben',
        '--fraction',
        '0.5',
        '--seed',
        '1',
      ),
    ).toBe(0);
    expect(out[0]).toBe('Round r2 (open): 3 of 6 image(s) for ana, ben');
    expect(out[1]).toMatch(
      /sample 3 items \(50% of 6\), random, seed 1; instructions v\d+; suggestions hidden/,
    );
    expect(await run('rounds', project, '--json')).toBe(0);
    expect(json<{ rounds: RoundJson[] }>().rounds.map((r) => r.name)).toEqual([
      'r1',
      'again',
      'r2',
    ]);
  });

  it('says what is wrong in one line', async () => {
    expect(await run('round', 'create', project)).toBe(2);
    expect(err.join('\n')).toMatch(/--labelers needs at least two names/);
    expect(await run('round', 'create', project, '--labelers', 'ana,zed,zoe', '--size', '2')).toBe(
      1,
    );
    expect(err).toEqual([
      'concord round create: error: No profile named "zed", "zoe"; people in this project: ana, ben',
    ]);
    expect(await run('round', 'create', project, '--labelers', 'ana,ana', '--size', '2')).toBe(1);
    expect(err).toEqual([
      'concord round create: error: ana is listed twice; name each labeler once',
    ]);
    expect(await run('round', 'create', project, '--labelers', 'ana', '--size', '2')).toBe(1);
    expect(err[0]).toMatch(/needs at least two labelers .*; only ana was given$/);
    expect(await run('round', 'create', project, '--labelers', 'ana,ben', '--size', '1000')).toBe(
      1,
    );
    expect(err).toEqual([
      'concord round create: error: Only 6 image assets match; use --size 6 or --fraction',
    ]);
    expect(await run('round', 'create', project, '--labelers', 'ana,ben', '--kind', 'video')).toBe(
      2,
    );
    expect(await run('rounds', project, '--json')).toBe(0);
    expect(json<{ rounds: unknown[] }>().rounds).toEqual([]);
    expect(
      await run(
        'round',
        'create',
        project,
        '--labelers',
        'ana,ben',
        '--size',
        '2',
        '--fraction',
        '0.5',
      ),
    ).toBe(2);
    expect(
      await run('round', 'create', project, '--labelers', 'ana,ben', '--stratify-by', 'camera'),
    ).toBe(1);
    expect(err[0]).toMatch(/No asset has a metadata field "camera"; fields: line/);
    expect(await run('agreement', project, '--round', 'r7')).toBe(1);
    expect(err[0]).toMatch(/No round named "r7" in this project; it has no rounds yet/);
    expect(await run('agreement', project, '--iou', '2')).toBe(2);
  });
});

describe('concord agreement', () => {
  it('compares every item two or more labelers annotated when no round is given', async () => {
    expect(await run('agreement', project, '--json', '--bootstrap', '200')).toBe(0);
    const r = json<
      Record<string, unknown> & { boxes: { perClass: Array<{ class: string; f1: number | null }> } }
    >();
    expect(r).toMatchObject({
      round: null,
      iou: 0.5,
      labelers: ['ana', 'ben'],
      items: 2,
      itemsInFullAgreement: 1,
      boxes: { f1: 0.5, agreements: 1, classConflicts: 1, onlyA: 0, onlyB: 0 },
      tags: { cohenKappa: null },
      transcripts: { wer: null },
    });
    expect(r.pairs).toHaveLength(1);
    expect(r.boxes.perClass.filter((c) => c.f1 !== null).map((c) => c.class)).toEqual([
      'dent',
      'scratch',
    ]);
    expect((r.perItem as Array<{ file: string }>).map((i) => i.file)).toEqual([
      'imgs/p0.png',
      'imgs/p1.png',
    ]);
    expect(await run('agreement', project)).toBe(0);
    expect(out[0]).toBe('Agreement (IoU >= 0.5): ana vs ben');
    expect(out.join('\n')).toMatch(/Per class, worst first:\n {2}dent +F1 0\.00/);
  });

  it('reports a round from the labels made in it', async () => {
    expect(
      await run(
        'round',
        'create',
        project,
        '--labelers',
        'ana,ben',
        '--size',
        '2',
        '--seed',
        '3',
        '--json',
      ),
    ).toBe(0);
    const round = json<RoundJson & { id: number }>();
    // Label inside the round as each labeler would in the app (same services, same file).
    const services = createServices({ appDataDir: path.join(dir, 'appdata'), transport: 'cli' });
    const { db } = services.host.open(project);
    const box = (x: number): AnnotationDoc['boxes'][number] => ({
      id: `b${x}`,
      classId: currentVersion(db).spec.classes[0]!.id,
      x,
      y: 10,
      w: 20,
      h: 20,
      attributes: {},
      uncertain: false,
      source: null,
    });
    for (const who of ['ana', 'ben']) {
      const actor = actorByName(db, who);
      for (const { assetId } of round.items) {
        const d: AnnotationDoc = {
          boxes: [box(who === 'ana' ? 10 : 11)],
          tags: [],
          noDefects: false,
          uncertain: false,
          segments: [],
        };
        saveAnnotation(db, actor, { assetId, doc: d, baseRevision: 0, roundId: round.id });
        submitAnnotation(db, actor, assetId, round.id);
      }
    }
    services.shutdown();
    expect(await run('agreement', project, '--round', 'r1', '--json')).toBe(0);
    expect(json<Record<string, unknown>>()).toMatchObject({
      round: 'r1',
      items: 2,
      itemsInFullAgreement: 2,
      boxes: { f1: 1, agreements: 2 },
    });
    expect(await run('round', 'close', project, 'r1')).toBe(0);
    expect(out[0]).toMatch(/^Round r1 \(closed\)/);
  });
});
