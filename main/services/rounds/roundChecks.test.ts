import { afterEach, describe, expect, it } from 'vitest';
import { cliOwner } from '../identity/actor';
import { labelerIdsByName } from './roundLabelers';
import { createRound } from './roundService';
import type { Team } from './roundTestKit';
import { box, CLASSES, doc, label, PINS, roundTeam } from './roundTestKit';

/**
 * What `rounds:create` refuses, with messages a lead can act on (the CLI and the app get the
 * same ones), and what a round changes in a labeler's own queue.
 */
let h: Team | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function team(images = 6) {
  const t = await roundTeam(images);
  h = t;
  return t;
}

describe('rounds: who may label in a round', () => {
  it('names a labeler listed twice, unknown people (with the known ones) and a lone labeler', async () => {
    const t = await team();
    const create = (labelerIds: number[]) =>
      t.fail('lead', 'rounds:create', { labelerIds, size: { count: 2 } });
    expect(await create([t.anaId, t.anaId])).toEqual({
      code: 'INVALID_INPUT',
      message: 'ana is listed twice; name each labeler once',
    });
    expect((await create([t.anaId, 404])).message).toBe(
      'No profile with id 404; people in this project: Lead (lead), ana, ben, carl',
    );
    expect(() => labelerIdsByName(t.db, ['ana', 'zed', 'ann'])).toThrow(
      'No profile named "zed", "ann"; people in this project: Lead (lead), ana, ben, carl',
    );
    expect(labelerIdsByName(t.db, [' Ana ', 'BEN'])).toEqual([t.anaId, t.benId]);
    // Two ids that are the same person leave fewer than two labelers: named, not a SQL error.
    expect(() =>
      createRound(t.db, cliOwner, {
        labelerIds: [t.anaId],
        size: { count: 2 },
        stratify: { by: 'none' },
        showSuggestions: false,
      }),
    ).toThrow('A round needs at least two labelers (it compares their work); only ana was given');
  });

  it('refuses labelers without a PIN: anyone could sign in as them and read their work', async () => {
    const t = await team();
    await t.call('lead', 'profiles:update', { id: t.benId, secret: null });
    const dan = await t.call('lead', 'profiles:create', { name: 'dan', role: 'labeler' });
    const err = await t.fail('lead', 'rounds:create', {
      labelerIds: [t.anaId, t.benId, dan.id],
      size: { count: 2 },
    });
    expect(err).toEqual({
      code: 'INVALID_INPUT',
      message:
        'ben and dan have no PIN; blind rounds need a PIN for every labeler so nobody can sign in as someone else — set one on the People screen or with `concord profiles set-pin`',
    });
    expect(t.db.prepare('SELECT COUNT(*) FROM rounds').pluck().get()).toBe(0);
    // A lead labeling in a round has a passphrase, which protects them the same way.
    await t.call('lead', 'profiles:update', { id: t.benId, secret: PINS.ben });
    const r = await t.call('lead', 'rounds:create', {
      labelerIds: [t.anaId, t.benId, t.leadId],
      size: { count: 2 },
    });
    expect(r.labelers.map((l) => l.name)).toEqual(['ana', 'ben', 'Lead']);
    // While the round is open nobody can take a labeler's PIN away; a new PIN is fine.
    const removed = await t.fail('lead', 'profiles:update', { id: t.anaId, secret: null });
    expect(removed.code).toBe('CONFLICT');
    expect(removed.message).toMatch(/^ana labels in open round r1; blind rounds need a PIN/);
    await t.call('lead', 'profiles:update', { id: t.anaId, secret: '9999' });
    await t.call('lead', 'rounds:close', { roundId: r.id });
    await t.call('lead', 'profiles:update', { id: t.anaId, secret: null });
  });
});

describe('rounds: sample size', () => {
  it('refuses a count above the matching assets instead of silently drawing fewer', async () => {
    const t = await team(4);
    t.addAudio('audio/a.wav', 2);
    const err = await t.fail('lead', 'rounds:create', {
      labelerIds: [t.anaId, t.benId],
      size: { count: 1000 },
      kind: 'image',
    });
    expect(err).toEqual({
      code: 'INVALID_INPUT',
      message:
        'Only 4 image assets match, fewer than the 1000 asked for: draw at most 4, or give a fraction',
    });
    // The preview (the dialog's live answer) says the same.
    expect(
      (await t.fail('lead', 'rounds:preview', { size: { count: 5 }, kind: 'image' })).message,
    ).toMatch(/^Only 4 image assets match/);
    const all = await t.call('lead', 'rounds:create', {
      labelerIds: [t.anaId, t.benId],
      size: { count: 5 },
    });
    expect(all).toMatchObject({ itemCount: 5, candidates: 5, sampling: { kind: null } });
  });
});

describe('rounds: the labeler’s own queue', () => {
  it('leaves out the items of open rounds they label in, and says where they are', async () => {
    const t = await team(6);
    const r = await t.call('lead', 'rounds:create', {
      labelerIds: [t.anaId, t.benId],
      size: { count: 2 },
      seed: 4,
    });
    const inRound = new Set(
      t.db.prepare('SELECT asset_id FROM round_items WHERE round_id = ?').pluck().all(r.id),
    );
    const own = await t.call('ana', 'work:queue', {});
    expect(own.total).toBe(4);
    expect(own.items.some((i) => inRound.has(i.assetId))).toBe(false);
    expect(own.openRounds).toEqual([{ roundId: r.id, name: 'r1', items: 2 }]);
    expect(own.counts.unlabeled).toBe(4);
    // The round's own queue has them; carl (not in the round) sees every item.
    const round = await t.call('ana', 'work:queue', { roundId: r.id });
    expect(round.items.map((i) => i.assetId).sort()).toEqual([...inRound].sort());
    expect(round.openRounds).toEqual([]);
    const carl = await t.call('carl', 'work:queue', {});
    expect(carl).toMatchObject({ total: 6, openRounds: [] });
    // Closed, the items come back (the round's work stays the round's).
    await label(t, 'ana', [...inRound][0] as number, doc([box('a', 'cls_dent', 5)]), r.id, true);
    await t.call('lead', 'rounds:close', { roundId: r.id });
    const after = await t.call('ana', 'work:queue', {});
    expect(after).toMatchObject({ total: 6, openRounds: [] });
  });
});

describe('rounds: the instructions version', () => {
  it('keeps an open round on its version for saves, submits and its agreement', async () => {
    const t = await team(4);
    const r = await t.call('lead', 'rounds:create', {
      labelerIds: [t.anaId, t.benId],
      size: { count: 2 },
      seed: 3,
    });
    expect(r.instructionsVersion).toBe(2);
    const [a, b] = t.db
      .prepare('SELECT asset_id FROM round_items WHERE round_id = ? ORDER BY position')
      .pluck()
      .all(r.id) as number[];
    await label(t, 'ana', a!, doc([box('a1', 'cls_dent', 5)]), r.id, true);
    // The lead adds "nick" while r1 is open: the save works and says r1 stays on v2.
    const v2 = await t.call('lead', 'instructions:current', {});
    const nick = { ...v2.spec.classes[0]!, id: 'cls_nick', name: 'nick', color: '#000000' };
    const v3 = await t.call('lead', 'instructions:save', {
      spec: { ...v2.spec, classes: [...v2.spec.classes, nick] },
      note: 'nick',
      baseVersion: 2,
    });
    expect(v3.version).toBe(3);
    expect(v3.warnings).toEqual([
      'Open rounds keep their instructions version: r1 stays on v2. New rounds use v3.',
    ]);
    // In r1, work is stamped v2 and checked against v2: "nick" does not exist there.
    await label(t, 'ana', b!, doc([box('a2', 'cls_scratch', 5)]), r.id);
    const inRound = await t.call('ana', 'annotations:get', { assetId: b!, roundId: r.id });
    expect(inRound.instructionsVersion).toBe(2);
    const refused = await t.fail('ana', 'annotations:save', {
      assetId: b!,
      roundId: r.id,
      doc: doc([box('n', 'cls_nick', 5)]),
      baseRevision: inRound.revision,
    });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(/its class is not in instructions version 2/);
    await t.call('ana', 'annotations:submit', { assetId: b!, roundId: r.id });
    // Outside rounds the same labeler works under v3, nick included.
    await label(t, 'ana', b!, doc([box('n', 'cls_nick', 5)]));
    expect((await t.call('ana', 'annotations:get', { assetId: b! })).instructionsVersion).toBe(3);
    // The round's agreement names v2's classes only.
    await label(t, 'ben', a!, doc([box('b1', 'cls_dent', 5)]), r.id, true);
    await label(t, 'ben', b!, doc([box('b2', 'cls_scratch', 5)]), r.id, true);
    const view = await t.call('lead', 'agreement:report', { roundId: r.id });
    expect(view.classes.map((c) => c.name)).toEqual(CLASSES.map((c) => c.name));
    expect(view.report.boxes.perClass.map((c) => c.class)).not.toContain('nick');
    // Once r1 is closed, saving instructions no longer mentions it.
    await t.call('lead', 'rounds:close', { roundId: r.id });
    const v4 = await t.call('lead', 'instructions:save', {
      spec: { ...v3.spec, name: 'renamed' },
      note: 'name',
      baseVersion: 3,
    });
    expect(v4.warnings).toEqual([]);
  });
});
