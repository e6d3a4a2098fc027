import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationDoc } from '../../../shared/api/schemas/annotationDoc';
import { saveAnnotation, submitAnnotation } from '../../services/annotations/annotationService';
import { createServices } from '../../services/appServices';
import { actorByName } from '../../services/identity/actor';
import { currentVersion } from '../../services/instructions/instructionRepository';
import { INSTRUCTIONS } from '../../services/interchange/interchangeTestKit';
import { closeMediaPool } from '../../workers/mediaClient';
import type { CliWorld } from '../cliTestKit';
import { cliWorld } from '../cliTestKit';

let cli: CliWorld;
let project: string;
/** `concord round create P --labelers ana,ben ...flags` */
const createRound = (...flags: string[]) =>
  cli.run('round', 'create', project, '--labelers', 'ana,ben', ...flags);

/** Six images on lines A (4) and B (2); ana and ben have imported labels of two of them. */
beforeEach(async () => {
  cli = cliWorld('concord-cli-rounds-');
  const images = [0, 1, 2, 3, 4, 5].map((i) => ({
    name: `p${i}.png`,
    width: 100,
    height: 80,
    background: { r: 40 * i, g: 90, b: 120 },
  }));
  const lines = images.map((img, i) => `${img.name},${i < 4 ? 'A' : 'B'}`);
  project = await cli.newProject({
    file: 'steel.concord',
    name: 'Steel',
    importArgs: [
      await cli.pngs('imgs', images),
      '--metadata',
      cli.write('meta.csv', ['file,line', ...lines].join('\n')),
    ],
    instructions: INSTRUCTIONS,
  });
  for (const [who, cls] of [
    ['ana', 'scratch'],
    ['ben', 'dent'],
  ] as const) {
    const file = cli.write(`${who}.json`, {
      labeler: who,
      items: [
        { file: 'p0.png', boxes: [{ class: 'scratch', x: 10, y: 10, w: 30, h: 30 }] },
        { file: 'p1.png', boxes: [{ class: cls, x: 50, y: 20, w: 30, h: 30 }] },
      ],
    });
    const flags = ['--labeler', who, '--format', 'concord'];
    expect(await cli.run('annotations', 'import', project, ...flags, file)).toBe(0);
  }
  // Imported labelers have no PIN; blind rounds need one for each.
  expect(await cli.run('profiles', 'set-pin', project, 'ana', '--pin', '1111')).toBe(0);
  expect(await cli.run('profiles', 'set-pin', project, 'ben', '--pin', '2222')).toBe(0);
});
afterEach(() => cli.dispose());
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
    const drawByLineSeed7 = (...flags: string[]) =>
      createRound('--size', '3', '--stratify-by', 'line', '--seed', '7', ...flags, '--json');
    expect(await drawByLineSeed7()).toBe(0);
    const r1 = cli.json<RoundJson>();
    expect(r1).toMatchObject({ name: 'r1', itemCount: 3, sampling: { seed: 7 } });
    expect(r1.strata).toEqual([
      { stratum: 'A', available: 4, drawn: 2 },
      { stratum: 'B', available: 2, drawn: 1 },
    ]);
    expect(r1.items).toHaveLength(3);
    // The same seed draws the same sample.
    expect(await drawByLineSeed7('--name', 'again')).toBe(0);
    expect(cli.json<RoundJson>().items).toEqual(r1.items);
    // Text output names the round, its sample and the labelers' progress.
    expect(await createRound('--fraction', '0.5', '--seed', '1')).toBe(0);
    expect(cli.out()[0]).toBe('Round r2 (open): 3 of 6 image(s) for ana, ben');
    expect(cli.out()[1]).toMatch(
      /sample 3 items \(50% of 6\), random, seed 1; instructions v\d+; suggestions hidden/,
    );
    expect(await cli.run('rounds', project, '--json')).toBe(0);
    expect(cli.json<{ rounds: RoundJson[] }>().rounds.map((r) => r.name)).toEqual([
      'r1',
      'again',
      'r2',
    ]);
  });

  it('says what is wrong in one line', async () => {
    expect(await cli.run('round', 'create', project)).toBe(2);
    expect(cli.err().join('\n')).toMatch(/--labelers needs at least two names/);
    expect(
      await cli.run('round', 'create', project, '--labelers', 'ana,zed,zoe', '--size', '2'),
    ).toBe(1);
    expect(cli.err()).toEqual([
      'concord round create: error: No profile named "zed", "zoe"; people in this project: ana, ben',
    ]);
    expect(await cli.run('round', 'create', project, '--labelers', 'ana,ana', '--size', '2')).toBe(
      1,
    );
    expect(cli.err()).toEqual([
      'concord round create: error: ana is listed twice; name each labeler once',
    ]);
    expect(await cli.run('round', 'create', project, '--labelers', 'ana', '--size', '2')).toBe(1);
    expect(cli.err()[0]).toMatch(/needs at least two labelers .*; only ana was given$/);
    expect(await createRound('--size', '1000')).toBe(1);
    expect(cli.err()).toEqual([
      'concord round create: error: Only 6 image assets match; use --size 6 or --fraction',
    ]);
    expect(await createRound('--kind', 'video')).toBe(2);
    expect(await cli.run('rounds', project, '--json')).toBe(0);
    expect(cli.json<{ rounds: unknown[] }>().rounds).toEqual([]);
    expect(await createRound('--size', '2', '--fraction', '0.5')).toBe(2);
    expect(await createRound('--stratify-by', 'camera')).toBe(1);
    expect(cli.err()[0]).toMatch(/No asset has a metadata field "camera"; fields: line/);
    expect(await cli.run('agreement', project, '--round', 'r7')).toBe(1);
    expect(cli.err()[0]).toMatch(/No round named "r7" in this project; it has no rounds yet/);
    expect(await cli.run('agreement', project, '--iou', '2')).toBe(2);
  });
});

describe('concord agreement', () => {
  it('compares every item two or more labelers annotated when no round is given', async () => {
    expect(await cli.run('agreement', project, '--json', '--bootstrap', '200')).toBe(0);
    const r = cli.json<
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
    expect(await cli.run('agreement', project)).toBe(0);
    expect(cli.out()[0]).toBe('Agreement (IoU >= 0.5): ana vs ben');
    expect(cli.out().join('\n')).toMatch(/Per class, worst first:\n {2}dent +F1 0\.00/);
  });

  it('reports a round from the labels made in it', async () => {
    expect(await createRound('--size', '2', '--seed', '3', '--json')).toBe(0);
    const round = cli.json<RoundJson & { id: number }>();
    // Label inside the round as each labeler would in the app (same services, same file).
    const services = createServices({ appDataDir: cli.dataDir, transport: 'cli' });
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
    expect(await cli.run('agreement', project, '--round', 'r1', '--json')).toBe(0);
    expect(cli.json<Record<string, unknown>>()).toMatchObject({
      round: 'r1',
      items: 2,
      itemsInFullAgreement: 2,
      boxes: { f1: 1, agreements: 2 },
    });
    expect(await cli.run('round', 'close', project, 'r1')).toBe(0);
    expect(cli.out()[0]).toMatch(/^Round r1 \(closed\)/);
  });
});
