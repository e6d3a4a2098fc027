import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationDoc } from '../../../shared/api/schemas/annotationDoc';
import { box, doc, roundTeam } from '../rounds/roundTestKit';

type World = Awaited<ReturnType<typeof roundTeam>>;
let h: World | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function label(
  t: World,
  who: 'ana' | 'ben' | 'carl' | 'lead2',
  assetId: number,
  d: AnnotationDoc,
  opts: { submit?: boolean; roundId?: number } = {},
): Promise<void> {
  const round = opts.roundId !== undefined ? { roundId: opts.roundId } : {};
  const cur = await t.call(who, 'annotations:get', { assetId, ...round });
  await t.call(who, 'annotations:save', { assetId, doc: d, baseRevision: cur.revision, ...round });
  if (opts.submit) await t.call(who, 'annotations:submit', { assetId, ...round });
}

const counts = (working: number, submitted: number, accepted: number, sent_back: number) => ({
  working,
  submitted,
  accepted,
  sent_back,
});

/**
 * Outside rounds: ana submits images 0-2 and keeps working on 3; ben submits 4 and works on 5;
 * carl has done nothing.
 */
async function world() {
  const t = (h = await roundTeam(8));
  const img = t.images;
  for (const i of [0, 1, 2])
    await label(t, 'ana', img[i]!, doc([box('a', 'cls_scratch', 5)]), { submit: true });
  await label(t, 'ana', img[3]!, doc([box('a', 'cls_scratch', 5), box('b', 'cls_dent', 60)]));
  await label(t, 'ben', img[4]!, doc([box('b', 'cls_dent', 5)]), { submit: true });
  await label(t, 'ben', img[5]!, doc([]));
  return t;
}

describe('work:overview', () => {
  it('counts every labeler’s work per state, with zeros for people without work', async () => {
    const t = await world();
    const o = await t.call('lead', 'work:overview', {});
    expect(o.counts).toEqual(counts(2, 4, 0, 0));
    expect(o.labelers).toEqual([
      { labelerId: t.anaId, name: 'ana', counts: counts(1, 3, 0, 0) },
      { labelerId: t.benId, name: 'ben', counts: counts(1, 1, 0, 0) },
      { labelerId: t.carlId, name: 'carl', counts: counts(0, 0, 0, 0) },
    ]);
    expect(o.total).toBe(6);
    expect(o.hidden).toEqual({ items: 0, roundName: null });

    // Review outcomes move items between states; the comment travels with the row. Each
    // one tells every open queue to look again, without saying whose work moved.
    const pushed: Array<[string, unknown]> = [];
    const off = t.services.bus.subscribe((name, payload) => pushed.push([name, payload]));
    await t.call('lead', 'annotations:setStatus', {
      assetId: t.images[0]!,
      labelerId: t.anaId,
      status: 'accepted',
    });
    await t.call('lead', 'annotations:setStatus', {
      assetId: t.images[1]!,
      labelerId: t.anaId,
      status: 'sent_back',
      comment: 'The scratch continues to the edge',
    });
    const after = await t.call('lead', 'work:overview', { status: ['sent_back'] });
    expect(after.labelers[0]!.counts).toEqual(counts(1, 1, 1, 1));
    expect(after.rows).toEqual([
      expect.objectContaining({
        assetId: t.images[1],
        labelerName: 'ana',
        status: 'sent_back',
        comment: 'The scratch continues to the edge',
        roundId: null,
        roundName: null,
      }),
    ]);
    // Resubmitting brings it back to the queue, the comment kept for context.
    await t.call('ana', 'annotations:submit', { assetId: t.images[1]! });
    const queue = await t.call('lead', 'work:overview', { status: ['submitted'] });
    expect(queue.rows.map((r) => r.assetId)).toEqual([t.images[2], t.images[4], t.images[1]]);
    expect(queue.rows[2]!.comment).toBe('The scratch continues to the edge');
    off();
    expect(pushed.filter(([name]) => name === 'work:changed')).toEqual([
      ['work:changed', {}],
      ['work:changed', {}],
      ['work:changed', {}],
    ]);
  });

  it('filters by labeler and state, and describes each row', async () => {
    const t = await world();
    const ana = await t.call('lead', 'work:overview', {
      labelerId: t.anaId,
      status: ['submitted'],
    });
    expect(ana.total).toBe(3);
    expect(ana.rows.map((r) => r.assetId)).toEqual(t.images.slice(0, 3));
    expect(ana.rows[0]).toEqual({
      assetId: t.images[0],
      relPath: 'img/000.png',
      fileName: '000.png',
      kind: 'image',
      labelerId: t.anaId,
      labelerName: 'ana',
      roundId: null,
      roundName: null,
      roundStatus: null,
      status: 'submitted',
      boxCount: 1,
      updatedAt: expect.any(String),
      submittedAt: expect.any(String),
      comment: null,
    });
    // Counts ignore the labeler and status filters (the chips show what else there is).
    expect(ana.counts).toEqual(counts(2, 4, 0, 0));

    const working = await t.call('lead', 'work:overview', { status: ['working', 'sent_back'] });
    expect(working.rows.map((r) => [r.labelerName, r.assetId, r.boxCount])).toEqual([
      ['ana', t.images[3], 2],
      ['ben', t.images[5], 0],
    ]);
    expect((await t.call('lead', 'work:overview', { labelerId: t.carlId })).rows).toEqual([]);
  });

  it('pages through the rows in a stable order', async () => {
    const t = await world();
    const all = await t.call('lead', 'work:overview', { limit: 100 });
    const pages: number[][] = [];
    for (let offset = 0; offset < all.total; offset += 4) {
      const p = await t.call('lead', 'work:overview', { offset, limit: 4 });
      expect(p.total).toBe(6);
      pages.push(p.rows.map((r) => r.assetId));
    }
    expect(pages.map((p) => p.length)).toEqual([4, 2]);
    expect(pages.flat()).toEqual(all.rows.map((r) => r.assetId));
    expect(new Set(pages.flat()).size).toBe(6);
    const past = await t.call('lead', 'work:overview', { offset: 10 });
    expect(past.rows).toEqual([]);
    expect(past.total).toBe(6);
  });

  it('is for leads: a labeler gets FORBIDDEN, and so does the item view', async () => {
    const t = await world();
    for (const who of ['ana', 'ben']) {
      const e = await t.fail(who, 'work:overview', {});
      expect(e.code).toBe('FORBIDDEN');
      expect(e.message).toMatch(/Only a lead/);
      const item = await t.fail(who, 'work:item', { assetId: t.images[4]!, labelerId: t.benId });
      expect(item.code).toBe('FORBIDDEN');
    }
  });

  it('lists round work apart from work outside rounds, with the round named', async () => {
    const t = await world();
    const r1 = await t.call('lead', 'rounds:create', {
      name: 'r1',
      labelerIds: [t.anaId, t.benId],
      size: { count: 2 },
      seed: 3,
    });
    const items = (await t.call('ana', 'work:queue', { roundId: r1.id })).items;
    for (const it of items)
      await label(t, 'ana', it.assetId, doc([box('r', 'cls_dent', 20)]), {
        roundId: r1.id,
        submit: true,
      });
    await label(t, 'ben', items[0]!.assetId, doc([box('r', 'cls_scratch', 20)]), {
      roundId: r1.id,
    });

    // The round is open: the lead (who does not label in it) sees it — leads are not blind.
    const round = await t.call('lead', 'work:overview', { roundId: r1.id });
    expect(round.counts).toEqual(counts(1, 2, 0, 0));
    expect(round.rows.every((r) => r.roundId === r1.id && r.roundName === 'r1')).toBe(true);
    expect(round.rows[0]!.roundStatus).toBe('open');
    expect(round.rounds).toEqual([{ id: r1.id, name: 'r1', status: 'open' }]);

    const outside = await t.call('lead', 'work:overview', { roundId: null });
    expect(outside.counts).toEqual(counts(2, 4, 0, 0));
    expect(outside.rows.every((r) => r.roundId === null)).toBe(true);
    const everything = await t.call('lead', 'work:overview', {});
    expect(everything.total).toBe(round.total + outside.total);

    // The lead reviews a round item like any other.
    const detail = await t.call('lead', 'work:item', {
      assetId: items[0]!.assetId,
      labelerId: t.anaId,
      roundId: r1.id,
    });
    expect(detail.round).toEqual({ id: r1.id, name: 'r1', status: 'open' });
    expect(detail.doc.boxes.map((b) => b.classId)).toEqual(['cls_dent']);
    await t.call('lead', 'annotations:setStatus', {
      assetId: items[0]!.assetId,
      labelerId: t.anaId,
      roundId: r1.id,
      status: 'accepted',
    });
    const accepted = await t.call('lead', 'work:overview', {
      roundId: r1.id,
      status: ['accepted'],
    });
    expect(accepted.rows.map((r) => [r.assetId, r.labelerName])).toEqual([
      [items[0]!.assetId, 'ana'],
    ]);
    const missing = await t.fail('lead', 'work:overview', { roundId: 999 });
    expect(missing.code).toBe('NOT_FOUND');

    // A closed round is frozen: its items can still be accepted, never sent back.
    await t.call('lead', 'rounds:close', { roundId: r1.id });
    const frozen = await t.fail('lead', 'annotations:setStatus', {
      assetId: items[1]!.assetId,
      labelerId: t.anaId,
      roundId: r1.id,
      status: 'sent_back',
      comment: 'redo',
    });
    expect(frozen.code).toBe('CONFLICT');
    expect(frozen.message).toMatch(/^Round r1 is closed, so .+ cannot be sent back to ana/);
    await t.call('lead', 'annotations:setStatus', {
      assetId: items[1]!.assetId,
      labelerId: t.anaId,
      roundId: r1.id,
      status: 'accepted',
    });
  });

  it('hides other people’s work on an open round’s items from a lead who labels in it', async () => {
    const t = await world();
    await t.call('lead', 'profiles:create', { name: 'Lead2', role: 'lead', secret: 'concord2' });
    const lead2 = (await t.call('lead', 'profiles:list', {})).find((p) => p.name === 'Lead2')!;
    await t.call('lead2', 'session:signIn', { profileId: lead2.id, secret: 'concord2' });
    const r1 = await t.call('lead', 'rounds:create', {
      name: 'r1',
      labelerIds: [t.anaId, lead2.id],
      size: { count: 1 },
      seed: 3,
    });
    const [item] = (await t.call('ana', 'work:queue', { roundId: r1.id })).items;
    await label(t, 'ana', item!.assetId, doc([box('r', 'cls_dent', 20)]), {
      roundId: r1.id,
      submit: true,
    });
    await label(t, 'lead2', item!.assetId, doc([box('l', 'cls_dent', 20)]), { roundId: r1.id });

    const seen = await t.call('lead2', 'work:overview', { roundId: r1.id });
    expect(seen.rows.map((r) => r.labelerName)).toEqual(['Lead2']);
    expect(seen.hidden).toEqual({ items: 1, roundName: 'r1' });
    const blind = await t.fail('lead2', 'work:item', {
      assetId: item!.assetId,
      labelerId: t.anaId,
      roundId: r1.id,
    });
    expect(blind.code).toBe('FORBIDDEN');
    expect(blind.message).toMatch(/hidden while round r1 is open/);
    // Nor can they review it: accepting or sending back would confirm what ana did.
    const review = await t.fail('lead2', 'annotations:setStatus', {
      assetId: item!.assetId,
      labelerId: t.anaId,
      roundId: r1.id,
      status: 'sent_back',
      comment: 'no',
    });
    expect(review.code).toBe('FORBIDDEN');
    // The lead outside the round sees both.
    const lead = await t.call('lead', 'work:overview', { roundId: r1.id });
    expect(lead.rows.map((r) => r.labelerName).sort()).toEqual(['Lead2', 'ana']);
  });
});

describe('work:item', () => {
  it('returns one labeler’s document read-only with class names, and says when there is none', async () => {
    const t = await world();
    const item = await t.call('lead', 'work:item', { assetId: t.images[3]!, labelerId: t.anaId });
    expect(item).toMatchObject({
      relPath: 'img/003.png',
      kind: 'image',
      width: 200,
      height: 100,
      labelerName: 'ana',
      round: null,
      status: 'working',
      comment: null,
    });
    expect(item.doc.boxes).toHaveLength(2);
    expect(item.classes.find((c) => c.id === 'cls_dent')).toEqual({
      id: 'cls_dent',
      name: 'dent',
      color: '#3cb44b',
    });
    const none = await t.fail('lead', 'work:item', { assetId: t.images[7]!, labelerId: t.anaId });
    expect(none.code).toBe('NOT_FOUND');
    expect(none.message).toBe('ana has not worked on img/007.png outside rounds');
  });
});
