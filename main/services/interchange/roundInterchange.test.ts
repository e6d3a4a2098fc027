import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMediaPool } from '../../workers/mediaClient';
import { agreementReport } from '../agreement/agreementService';
import { saveAnnotation, submitAnnotation } from '../annotations/annotationService';
import { actorByName, cliOwner } from '../identity/actor';
import { createProfile } from '../identity/profileService';
import { currentVersion } from '../instructions/instructionRepository';
import { roundAssetIds } from '../rounds/roundRepository';
import { closeRound, createRound } from '../rounds/roundService';
import { exportAnnotations } from './exportAnnotations';
import { importAnnotations } from './importAnnotations';
import type { Fixture } from './interchangeTestKit';
import { makeFixture, snapshot, writeJson } from './interchangeTestKit';

/**
 * `concord annotations export|import --round R`: a labeler's work in a round is their own
 * annotation of the round's items, so it can be taken out of and brought into the round
 * (and then counts in the round's agreement), but never into a closed round.
 */
let fx: Fixture;
let roundId: number;
let items: Array<{ assetId: number; path: string }>;

beforeEach(async () => {
  fx = await makeFixture();
  const { db } = fx.project;
  await createProfile(db, null, { name: 'Lead', role: 'lead', secret: 'concord' });
  for (const [name, pin] of [
    ['ana', '1111'],
    ['ben', '2222'],
    ['carl', '3333'],
  ] as const)
    await createProfile(db, cliOwner, { name, role: 'labeler', secret: pin });
  const round = createRound(db, cliOwner, {
    labelerIds: [actorByName(db, 'ana').id!, actorByName(db, 'ben').id!],
    size: { count: 3 },
    stratify: { by: 'none' },
    kind: 'image',
    seed: 5,
    showSuggestions: false,
  });
  roundId = round.id;
  const pathOf = db.prepare('SELECT rel_path FROM assets WHERE id = ?').pluck();
  items = roundAssetIds(db, roundId).map((assetId) => ({
    assetId,
    path: pathOf.get(assetId) as string,
  }));
});
afterEach(() => fx.close());
afterAll(() => closeMediaPool());

const scratchId = () => currentVersion(fx.project.db).spec.classes[0]!.id;

function labelInRound(who: string, x: number): void {
  const actor = actorByName(fx.project.db, who);
  for (const { assetId } of items) {
    const doc = {
      boxes: [
        {
          id: `${who}-b`,
          classId: scratchId(),
          x,
          y: 5,
          w: 20,
          h: 20,
          attributes: {},
          uncertain: false,
          source: null,
        },
      ],
      tags: [],
      noDefects: false,
      uncertain: false,
      segments: [],
    };
    saveAnnotation(fx.project.db, actor, { assetId, doc, baseRevision: 0, roundId });
    submitAnnotation(fx.project.db, actor, assetId, roundId);
  }
}

const roundFile = (labeler: string, x: number) =>
  writeJson(path.join(fx.dir, `${labeler}-round.json`), {
    labeler,
    items: items.map((i) => ({
      file: i.path,
      boxes: [{ class: 'scratch', x, y: 5, w: 20, h: 20 }],
    })),
  });

describe('annotations in a round', () => {
  it('exports a labeler’s round work with the round, and nothing of it without', () => {
    labelInRound('ana', 4);
    const out = path.join(fx.dir, 'ana-r1.json');
    const inRound = exportAnnotations(fx.project, {
      actor: cliOwner,
      labelerName: 'ana',
      format: 'concord',
      path: out,
      roundId,
    });
    expect(inRound).toMatchObject({ round: 'r1', items: 3, boxes: 3 });
    const file = JSON.parse(fs.readFileSync(out, 'utf8')) as { items: Array<{ file: string }> };
    expect(file.items.map((i) => i.file).sort()).toEqual(items.map((i) => i.path).sort());
    const outside = exportAnnotations(fx.project, {
      actor: cliOwner,
      labelerName: 'ana',
      format: 'concord',
      path: path.join(fx.dir, 'ana.json'),
    });
    expect(outside).toMatchObject({ round: null, items: 0 });
  });

  it('imports labels into an open round, where they count in its agreement', () => {
    labelInRound('ana', 4);
    const result = importAnnotations(fx.project, {
      actor: cliOwner,
      labelerName: 'ben',
      format: 'concord',
      path: roundFile('ben', 5),
      roundId,
    });
    expect(result).toMatchObject({ imported: true, round: 'r1', created: 3, problems: [] });
    const stored = fx.project.db
      .prepare(
        "SELECT round_id FROM annotations a JOIN profiles p ON p.id = a.labeler_id WHERE p.name = 'ben'",
      )
      .pluck()
      .all();
    expect(stored).toEqual([roundId, roundId, roundId]);
    const report = agreementReport(fx.project.db, cliOwner, {
      roundId,
      iou: 0.5,
      bootstrapSamples: 0,
    });
    expect(report).toMatchObject({ round: 'r1', items: 3, itemsSkipped: 0 });
    expect(report.boxes.agreements).toBe(3);
  });

  it('refuses items outside the round, people outside it, and closed rounds, changing nothing', () => {
    const before = snapshot(fx.project);
    const outside = ['imgs/line1/a.png', 'imgs/line2/a.png', 'imgs/c.png', 'imgs/b.jpg'].find(
      (p) => !items.some((i) => i.path === p),
    )!;
    const stray = writeJson(path.join(fx.dir, 'stray.json'), {
      labeler: 'ana',
      items: [{ file: outside, boxes: [], tags: ['ok'] }],
    });
    const refused = importAnnotations(fx.project, {
      actor: cliOwner,
      labelerName: 'ana',
      format: 'concord',
      path: stray,
      roundId,
    });
    expect(refused.imported).toBe(false);
    expect(refused.problems.map((p) => p.message)).toEqual([
      `${outside} is not an item of round r1`,
    ]);
    expect(() =>
      importAnnotations(fx.project, {
        actor: cliOwner,
        labelerName: 'carl',
        format: 'concord',
        path: roundFile('carl', 5),
        roundId,
      }),
    ).toThrow('carl does not label in round r1; its labelers: ana, ben');
    closeRound(fx.project.db, cliOwner, roundId);
    const afterClose = snapshot(fx.project);
    expect(() =>
      importAnnotations(fx.project, {
        actor: cliOwner,
        labelerName: 'ben',
        format: 'concord',
        path: roundFile('ben', 5),
        roundId,
      }),
    ).toThrow(/Round r1 is closed .*nothing was imported/);
    expect(snapshot(fx.project)).toBe(afterClose);
    expect(afterClose).toBe(before);
  });
});
