import { afterEach, describe, expect, it } from 'vitest';
import type { Team } from '../rounds/roundTestKit';
import { box, doc, label, PINS, roundTeam } from '../rounds/roundTestKit';

/**
 * Audit 3, finding 1: a tab's unsaved edits outlived "Switch user" and were saved as the
 * next person. The editor says whom it edited as (`labelerId`); the server refuses the
 * write when that is not the signed-in actor, whatever the revisions say.
 */
let h: Team | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

type RoundsTeam = Awaited<ReturnType<typeof roundTeam>>;

/** Every stored annotation row and revision, to show a refused call changed nothing. */
function snapshot(t: RoundsTeam) {
  return {
    annotations: t.db
      .prepare(
        'SELECT asset_id, labeler_id, round_id, revision, status, doc_json FROM annotations ORDER BY id',
      )
      .all(),
    revisions: t.db.prepare('SELECT COUNT(*) FROM annotation_revisions').pluck().get(),
  };
}

/** ana edits in tab "tab"; the tab then switches to ben, who has work of his own. */
async function switchedTab(roundId?: number) {
  const t = h as RoundsTeam;
  const [asset] = t.images;
  const scope = roundId !== undefined ? { roundId } : {};
  await label(t, 'ben', asset!, doc([box('b1', 'cls_dent', 100)]), roundId);
  await t.call('tab', 'session:signIn', { profileId: t.anaId, secret: PINS.ana });
  await t.call('tab', 'annotations:save', {
    assetId: asset!,
    doc: doc([box('a1', 'cls_scratch', 10)]),
    baseRevision: 0,
    labelerId: t.anaId,
    ...scope,
  });
  await t.call('tab', 'session:signOut', {});
  await t.call('tab', 'session:signIn', { profileId: t.benId, secret: PINS.ben });
  return { asset: asset!, scope };
}

describe('edits are saved only as the person who made them', () => {
  it('refuses a save or submit edited as ana while ben is signed in, and changes nothing', async () => {
    const t = (h = await roundTeam(4));
    const { asset } = await switchedTab();
    const before = snapshot(t);
    // ben's annotation is at revision 1 too: the base revision alone would let this through.
    const save = await t.fail('tab', 'annotations:save', {
      assetId: asset,
      doc: doc([box('a1', 'cls_scratch', 10), box('a2', 'cls_scratch', 60)]),
      baseRevision: 1,
      labelerId: t.anaId,
    });
    expect(save).toEqual({
      code: 'FORBIDDEN',
      message: 'These edits were made as ana; ben is signed in now. Sign in as ana to save them.',
    });
    const submit = await t.fail('tab', 'annotations:submit', {
      assetId: asset,
      labelerId: t.anaId,
    });
    expect(submit.code).toBe('FORBIDDEN');
    expect(submit.message).toMatch(/made as ana; ben is signed in now/);
    expect(snapshot(t)).toEqual(before);
    expect((await t.call('ben', 'annotations:get', { assetId: asset })).doc.boxes).toEqual([
      box('b1', 'cls_dent', 100),
    ]);
    expect((await t.call('ana', 'annotations:get', { assetId: asset })).doc.boxes).toEqual([
      box('a1', 'cls_scratch', 10),
    ]);
    // ben's own edits, sent as ben, are saved as before.
    const own = await t.call('tab', 'annotations:save', {
      assetId: asset,
      doc: doc([box('b1', 'cls_dent', 100), box('b2', 'cls_dent', 150)]),
      baseRevision: 1,
      labelerId: t.benId,
    });
    expect(own.revision).toBe(2);
    expect(
      await t.call('tab', 'annotations:submit', { assetId: asset, labelerId: t.benId }),
    ).toEqual({ status: 'submitted', revision: 3 });
  });

  it('guards blind rounds the same way', async () => {
    const t = (h = await roundTeam(4));
    const round = await t.call('lead', 'rounds:create', {
      labelerIds: [t.anaId, t.benId],
      size: { count: 4 },
      seed: 3,
    });
    const { asset, scope } = await switchedTab(round.id);
    const before = snapshot(t);
    const save = await t.fail('tab', 'annotations:save', {
      assetId: asset,
      doc: doc([box('a1', 'cls_scratch', 10), box('a2', 'cls_scratch', 60)]),
      baseRevision: 1,
      labelerId: t.anaId,
      ...scope,
    });
    expect(save.code).toBe('FORBIDDEN');
    expect(save.message).toMatch(/Sign in as ana to save them/);
    expect(
      (await t.fail('tab', 'annotations:submit', { assetId: asset, labelerId: t.anaId, ...scope }))
        .code,
    ).toBe('FORBIDDEN');
    expect(snapshot(t)).toEqual(before);
    const ben = await t.call('ben', 'annotations:get', { assetId: asset, ...scope });
    expect(ben.doc.boxes.map((b) => b.id)).toEqual(['b1']);
  });

  it('names an unknown profile id without saving', async () => {
    const t = (h = await roundTeam(1));
    const err = await t.fail('ana', 'annotations:save', {
      assetId: t.images[0]!,
      doc: doc([]),
      baseRevision: 0,
      labelerId: 999,
    });
    expect(err.message).toBe(
      'These edits were made as profile 999; ana is signed in now. Sign in as profile 999 to save them.',
    );
    expect(snapshot(t).annotations).toEqual([]);
  });
});
