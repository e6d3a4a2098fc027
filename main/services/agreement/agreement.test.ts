import { afterEach, describe, expect, it } from 'vitest';
import { CLASSES, box, classDef, doc, label, roundTeam } from '../rounds/roundTestKit';

type RoundsTeam = Awaited<ReturnType<typeof roundTeam>>;
let h: RoundsTeam | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/**
 * Round r1 over four items, labeled by hand so every figure can be computed on paper:
 *
 *   item  ana                         ben                          outcome
 *   0     scratch@10, dent@100        scratch@12, scratch@100      1 agreement (IoU .905), 1 conflict dent->scratch
 *   1     foreign particle@10         "no defects"                 1 only-ana
 *   2     "no defects"                "no defects"                 full agreement (empty)
 *   3     scratch@50                  scratch@50                   1 agreement (IoU 1)
 *
 *   nA = 4, nB = 3, agreements = 2  ->  F1 = 4/7;  scratch 2*2/(2+3) = 0.8, dent 0, particle 0
 */
async function labeledRound() {
  const t = await roundTeam(4);
  h = t;
  const r = await t.call('lead', 'rounds:create', {
    labelerIds: [t.anaId, t.benId],
    size: { count: 4 },
    seed: 9,
  });
  const [i0, i1, i2, i3] = t.images as [number, number, number, number];
  const none = doc([], { noDefects: true });
  await label(
    t,
    'ana',
    i0,
    doc([box('a1', 'cls_scratch', 10), box('a2', 'cls_dent', 100)], { tags: ['tag_defective'] }),
    r.id,
    true,
  );
  await label(
    t,
    'ben',
    i0,
    doc([box('b1', 'cls_scratch', 12), box('b2', 'cls_scratch', 100)], { tags: ['tag_defective'] }),
    r.id,
    true,
  );
  await label(
    t,
    'ana',
    i1,
    doc([box('a1', 'cls_particle', 10)], { tags: ['tag_defective'] }),
    r.id,
    true,
  );
  await label(t, 'ben', i1, none, r.id, true);
  await label(t, 'ana', i2, none, r.id, true);
  await label(t, 'ben', i2, none, r.id, true);
  await label(t, 'ana', i3, doc([box('a1', 'cls_scratch', 50)]), r.id);
  await label(t, 'ben', i3, doc([box('b1', 'cls_scratch', 50)]), r.id);
  return { t, r, items: [i0, i1, i2, i3] };
}

describe('agreement service', () => {
  it('reports a round exactly as computed by hand, worst class first', async () => {
    const { t, r } = await labeledRound();
    const view = await t.call('lead', 'agreement:report', { roundId: r.id });
    const rep = view.report;
    expect(view.round).toMatchObject({ name: 'r1', status: 'open' });
    expect(rep).toMatchObject({
      round: 'r1',
      iou: 0.5,
      labelers: ['ana', 'ben'],
      items: 4,
      itemsInFullAgreement: 2,
    });
    expect(rep.boxes).toMatchObject({
      nA: 4,
      nB: 3,
      agreements: 2,
      classConflicts: 1,
      onlyA: 1,
      onlyB: 0,
    });
    expect(rep.boxes.f1).toBeCloseTo(4 / 7, 10);
    expect(rep.boxes.meanIoU).toBeCloseTo((1520 / 1680 + 1) / 2, 10);
    expect(
      rep.boxes.perClass.filter((c) => c.nA + c.nB > 0).map((c) => [c.class, c.f1, c.items]),
    ).toEqual([
      ['dent', 0, 1],
      ['foreign particle', 0, 1],
      ['scratch', 0.8, 2],
    ]);
    expect(rep.boxes.f1Ci95).not.toBeNull();
    expect(view.classes.map((c) => c.name)).toEqual(CLASSES.map((c) => c.name));
    // A stricter threshold turns the near miss on item 0 into an only-A and an only-B.
    const strict = await t.call('lead', 'agreement:report', { roundId: r.id, iou: 0.95 });
    expect(strict.report.boxes).toMatchObject({
      agreements: 1,
      classConflicts: 1,
      onlyA: 2,
      onlyB: 1,
    });
  });

  it('keeps an open round’s agreement from labelers, and from a lead who labels in it', async () => {
    const { t, r } = await labeledRound();
    const err = await t.fail('ana', 'agreement:report', { roundId: r.id });
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toMatch(/Round r1 is still open/);
    expect(
      (await t.fail('ben', 'agreement:items', { roundId: r.id, filter: { kind: 'all' } })).code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.fail('carl', 'agreement:item', { roundId: r.id, assetId: t.images[0]! })).code,
    ).toBe('FORBIDDEN');
    // Without a round, a labeler's view leaves the blind items out entirely.
    expect((await t.fail('ana', 'agreement:report', {})).message).toMatch(/Nothing to compare/);
    expect((await t.call('lead', 'agreement:report', {})).report.items).toBe(4);
    const trend = await t.call('ana', 'agreement:trend', {});
    expect(trend).toMatchObject({ points: [], hiddenRounds: ['r1'] });
    await t.call('lead', 'rounds:close', { roundId: r.id });
    expect((await t.call('ana', 'agreement:report', { roundId: r.id })).report.items).toBe(4);
    // Figures yes; the items behind them (other people's labels, item by item) stay with leads.
    const items = await t.fail('ana', 'agreement:items', {
      roundId: r.id,
      filter: { kind: 'all' },
    });
    expect(items.code).toBe('FORBIDDEN');
  });

  it('lists the items behind each figure and opens one side by side', async () => {
    const { t, r, items } = await labeledRound();
    const ids = async (filter: Parameters<typeof t.call<'agreement:items'>>[2]['filter']) =>
      (await t.call('lead', 'agreement:items', { roundId: r.id, filter })).items.map(
        (i) => i.assetId,
      );
    expect(await ids({ kind: 'conflict' })).toEqual([items[0]]);
    expect(await ids({ kind: 'onlyA' })).toEqual([items[1]]);
    expect(await ids({ kind: 'onlyB' })).toEqual([]);
    expect(await ids({ kind: 'classDisagreement', classId: 'cls_dent' })).toEqual([items[0]]);
    expect(await ids({ kind: 'classDisagreement', classId: 'cls_scratch' })).toEqual([items[0]]);
    expect(await ids({ kind: 'cell', a: 'cls_dent', b: 'cls_scratch' })).toEqual([items[0]]);
    expect(await ids({ kind: 'cell', a: 'cls_particle', b: null })).toEqual([items[1]]);
    expect(await ids({ kind: 'cell', a: 'cls_scratch', b: 'cls_scratch' })).toEqual([
      items[0],
      items[3],
    ]);
    expect((await ids({ kind: 'full' })).sort()).toEqual([items[2], items[3]].sort());
    const all = await t.call('lead', 'agreement:items', {
      roundId: r.id,
      filter: { kind: 'disagreement' },
    });
    expect(all.items[0]).toMatchObject({
      assetId: items[0],
      disagreements: 1,
      summary: '1 class conflict (dent vs scratch)',
    });
    expect(all.items[1]!.summary).toBe('1 only-ana; tags differ (ana: defective / ben: ok)');

    const detail = await t.call('lead', 'agreement:item', { roundId: r.id, assetId: items[0]! });
    expect(detail.annotations.map((a) => [a.labeler, a.doc?.boxes.length])).toEqual([
      ['ana', 2],
      ['ben', 2],
    ]);
    expect(detail.pairs?.[0]).toMatchObject({ agreements: 1, classConflicts: 1 });
    // Documents hold tag ids; the dialog names them from here.
    const tags = await t.call('lead', 'instructions:current', {});
    expect(detail.tags).toEqual(tags.spec.tags.map((tag) => ({ id: tag.id, name: tag.name })));
  });

  it('shows the trend across rounds and names the class whose revised instructions moved it', async () => {
    const { t, r } = await labeledRound();
    await t.call('lead', 'rounds:close', { roundId: r.id });
    const cur = await t.call('lead', 'instructions:current', {});
    const revised = CLASSES.map((c) =>
      c.id === 'cls_particle'
        ? classDef(c.id, c.name, c.color, 'Any speck of foreign matter, even under 1 mm.')
        : c,
    );
    await t.call('lead', 'instructions:save', {
      spec: { ...cur.spec, classes: revised },
      note: 'particle',
      baseVersion: cur.version,
    });
    const r2 = await t.call('lead', 'rounds:create', {
      labelerIds: [t.anaId, t.benId],
      size: { count: 4 },
      seed: 9,
    });
    expect(r2.instructionsVersion).toBe(3);
    for (const who of ['ana', 'ben']) {
      await label(t, who, t.images[1]!, doc([box('p', 'cls_particle', 10)]), r2.id, true);
    }
    const trend = await t.call('lead', 'agreement:trend', { by: 'round' });
    expect(trend.points.map((p) => [p.label, p.items])).toEqual([
      ['r1', 4],
      ['r2', 1],
    ]);
    expect(trend.insights).toContain(
      "After revising 'foreign particle' in v3, its F1 went from 0.00 to 1.00 (r1 → r2, 1 → 1 items).",
    );
    const byVersion = await t.call('lead', 'agreement:trend', { by: 'instructionsVersion' });
    expect(byVersion.points.map((p) => p.label)).toEqual(['v2', 'v3']);
  });
  it('leaves out of a closed round the items also in an open round, for those it blinds', async () => {
    const { t, r, items } = await labeledRound();
    await t.call('lead', 'rounds:close', { roundId: r.id });
    const r2 = await t.call('lead', 'rounds:create', {
      labelerIds: [t.anaId, t.benId],
      size: { count: 4 },
      seed: 9,
    });
    // r2 holds item 0 only: ana and ben are blind to each other's work on it while r2 is open.
    t.db
      .prepare('DELETE FROM round_items WHERE round_id = ? AND asset_id <> ?')
      .run(r2.id, items[0]);
    await label(t, 'ben', items[0]!, doc([box('x', 'cls_dent', 150)]), r2.id);

    // Without item 0 (see labeledRound): ana particle + scratch, ben scratch -> 1 agreement.
    for (const who of ['ana', 'carl']) {
      const view = await t.call(who, 'agreement:report', { roundId: r.id });
      expect(view.leftOut).toEqual({ items: 1, openRounds: ['r2'] });
      expect(view.report).toMatchObject({ items: 3, itemsInFullAgreement: 2 });
      expect(view.report.boxes).toMatchObject({
        nA: 2,
        nB: 1,
        agreements: 1,
        classConflicts: 0,
        onlyA: 1,
        onlyB: 0,
      });
      // Nothing of item 0 is counted: no dent box anywhere, in r1 (ana's) or r2 (ben's).
      const dent = view.report.boxes.perClass.find((c) => c.classId === 'cls_dent');
      expect(dent ? dent.nA + dent.nB + dent.items : 0).toBe(0);
      expect(JSON.stringify(view)).not.toMatch(/IoU .905|0\.905/);
    }
    const blocked = await t.fail('ana', 'agreement:item', { roundId: r.id, assetId: items[0]! });
    expect(blocked.code).toBe('FORBIDDEN');
    expect(blocked.message).not.toMatch(/dent|scratch/);

    const trend = await t.call('ben', 'agreement:trend', { by: 'round' });
    expect(trend.hiddenRounds).toEqual(['r2']);
    expect(trend.points.map((p) => [p.label, p.items, p.leftOut])).toEqual([
      ['r1', 3, { items: 1, openRounds: ['r2'] }],
    ]);

    // Leads outside r2 see everything.
    const lead = await t.call('lead', 'agreement:report', { roundId: r.id });
    expect(lead.leftOut).toBeNull();
    expect(lead.report.items).toBe(4);
    const leadTrend = await t.call('lead', 'agreement:trend', { by: 'round' });
    expect(leadTrend.points[0]).toMatchObject({ label: 'r1', items: 4, leftOut: null });

    // Once r2 closes, r1 is whole again for everyone.
    await t.call('lead', 'rounds:close', { roundId: r2.id });
    const after = await t.call('ana', 'agreement:report', { roundId: r.id });
    expect(after.leftOut).toBeNull();
    expect(after.report.items).toBe(4);
  });
});
