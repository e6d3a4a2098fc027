import fs from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSTRUCTIONS } from '../../services/interchange/interchangeTestKit';
import { encodeWav } from '../../services/sample/wav';
import { closeMediaPool } from '../../workers/mediaClient';
import type { CliWorld } from '../cliTestKit';
import { cliWorld } from '../cliTestKit';

/** A round's work through the CLI: drawn images-only by default, brought in and out with --round. */
let cli: CliWorld;
let project: string;
/** `concord annotations import P --labeler WHO --format concord --round ROUND FILE` */
const importInto = (round: string, who: string, file: string) => {
  const flags = ['--labeler', who, '--format', 'concord', '--round', round];
  return cli.run('annotations', 'import', project, ...flags, file);
};
/** `concord round create P --labelers ana,ben ...flags` */
const createRound = (...flags: string[]) =>
  cli.run('round', 'create', project, '--labelers', 'ana,ben', ...flags);

beforeEach(async () => {
  cli = cliWorld('concord-cli-roundwork-');
  const media = await cli.pngs(
    'media',
    [0, 1, 2].map((i) => ({
      name: `p${i}.png`,
      width: 100,
      height: 80,
      background: { r: 70 * i, g: 40, b: 90 },
    })),
  );
  const tone = new Float32Array(8000).map((_, i) => 0.3 * Math.sin(i / 4));
  fs.writeFileSync(cli.path('media/tone.wav'), encodeWav(tone, 8000));
  project = await cli.newProject({
    file: 'steel.concord',
    name: 'Steel',
    importArgs: [media],
    instructions: INSTRUCTIONS,
  });
  const add = ['profiles', 'add', project];
  expect(await cli.run(...add, 'Lead', '--role', 'lead', '--passphrase', 'concord')).toBe(0);
  expect(await cli.run(...add, 'ana', '--role', 'labeler', '--pin', '1111')).toBe(0);
  expect(await cli.run(...add, 'ben', '--role', 'labeler', '--pin', '2222')).toBe(0);
});
afterEach(() => cli.dispose());
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
    expect(await createRound('--seed', '2')).toBe(0);
    expect(cli.out()[0]).toBe('Round r1 (open): 3 of 3 image(s) for ana, ben');
    expect(cli.out().at(-1)).toBe(
      '  note: 1 audio clip(s) left out (rounds draw image(s) unless --kind says otherwise; --kind audio or --kind all)',
    );
    expect(await createRound('--kind', 'all', '--json')).toBe(0);
    expect(cli.json<{ itemCount: number; sampling: { kind: null } }>()).toMatchObject({
      itemCount: 4,
      sampling: { kind: null },
    });
    expect(await cli.run('rounds', project)).toBe(0);
    expect(cli.out()).toContain('Round r2 (open): 4 of 4 asset(s), images and audio for ana, ben');
  });

  it('lists a round\u2019s items: per round in `rounds --json`, one path a line in `round items`', async () => {
    expect(await createRound('--size', '2', '--json')).toBe(0);
    const drawn = cli.json<{ items: Array<{ assetId: number; path: string }> }>().items;
    expect(drawn).toHaveLength(2);
    expect(await cli.run('rounds', project, '--json')).toBe(0);
    expect(cli.json<{ rounds: Array<{ name: string; items: unknown }> }>().rounds).toMatchObject([
      { name: 'r1', items: drawn },
    ]);
    expect(await cli.run('round', 'items', project, 'r1')).toBe(0);
    expect(cli.out()).toEqual(drawn.map((i) => i.path));
    expect(await cli.run('round', 'items', project, 'r1', '--json')).toBe(0);
    expect(cli.json()).toEqual({ round: 'r1', items: drawn });
    expect(await cli.run('round', 'items', project, 'r9')).toBe(1);
    expect(cli.err().join('\n')).toMatch(/r9/);
    expect(await cli.run('round', 'items', project)).toBe(2);
  });

  it('imports labels into a round and exports them back out; a closed round refuses imports', async () => {
    expect(await createRound('--size', '2', '--json')).toBe(0);
    const files = cli.json<{ items: Array<{ path: string }> }>().items.map((i) => i.path);
    for (const [who, x] of [
      ['ana', 10],
      ['ben', 12],
    ] as const) {
      const file = cli.write(`${who}.json`, labels(who, files, x));
      expect(await importInto('r1', who, file)).toBe(0);
      expect(cli.out()[0]).toMatch(new RegExp(`^Imported 2 item\\(s\\) for ${who} into round r1 `));
    }
    expect(await cli.run('agreement', project, '--round', 'r1', '--json')).toBe(0);
    expect(cli.json<Record<string, unknown>>()).toMatchObject({ round: 'r1', items: 2 });

    const outFile = cli.path('ana-r1.json');
    const exportArgs = ['annotations', 'export', project, '--labeler', 'ana', '--format'];
    expect(await cli.run(...exportArgs, 'concord', '--round', 'r1', outFile)).toBe(0);
    expect(cli.out()[0]).toMatch(/^Wrote 2 item\(s\) and 2 box\(es\) of ana in round r1 to /);
    const exported = JSON.parse(fs.readFileSync(outFile, 'utf8')) as {
      items: Array<{ file: string }>;
    };
    expect(exported.items.map((i) => i.file).sort()).toEqual([...files].sort());
    // Without --round the file holds ana's work outside rounds (none), and says where hers is.
    expect(await cli.run(...exportArgs, 'concord', cli.path('ana.json'))).toBe(0);
    expect(cli.out()).toEqual([
      expect.stringMatching(/^Wrote 0 item\(s\)/),
      '  note: ana has work in round r1; export it with --round r1',
    ]);

    expect(await cli.run('round', 'close', project, 'r1')).toBe(0);
    const again = cli.write('again.json', labels('ana', files, 40));
    expect(await importInto('r1', 'ana', again)).toBe(1);
    expect(cli.err()[0]).toMatch(
      /^concord annotations import: error: Round r1 is closed \(frozen on \d{4}-\d\d-\d\d\); its labels can no longer change, so nothing was imported/,
    );
    expect(await importInto('r9', 'ana', again)).toBe(1);
    expect(cli.err()[0]).toMatch(/No round named "r9" in this project; rounds: r1/);
  });
});
