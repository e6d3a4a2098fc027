import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationDoc, Box } from '../../../shared/api/schemas/annotationDoc';
import { openTeamHarness } from '../identity/testHarness';
import { actorByName } from '../identity/actor';
import { saveAnnotation } from './annotationService';

type Team = Awaited<ReturnType<typeof openTeamHarness>>;
let h: Team | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const box = (id: string, x: number, y = 10, w = 20, hh = 20, classId = 'cls_scratch'): Box => ({
  id,
  classId,
  x,
  y,
  w,
  h: hh,
  attributes: {},
  uncertain: false,
  source: null,
});
const doc = (boxes: Box[], extra: Partial<AnnotationDoc> = {}): AnnotationDoc => ({
  boxes,
  tags: [],
  noDefects: false,
  uncertain: false,
  segments: [],
  ...extra,
});

async function team() {
  const t = await openTeamHarness();
  const v1 = await t.call('lead', 'instructions:current', {});
  const classes = [
    {
      id: 'cls_scratch',
      name: 'scratch',
      color: '#e6194b',
      hotkey: '1',
      description: '',
      attributes: [],
      examples: [],
    },
  ];
  await t.call('lead', 'instructions:save', {
    spec: { ...v1.spec, classes },
    note: 'classes',
    baseVersion: 1,
  });
  const img = t.addImage('line1/a.png', 200, 100);
  const img2 = t.addImage('line1/b.png', 200, 100);
  const wav = t.addAudio('audio/c.wav', 3);
  return Object.assign(t, { img, img2, wav });
}

describe('annotations', () => {
  it('opens an empty item, saves revisions under the current instructions version, and reopens as left', async () => {
    const t = (h = await team());
    expect(await t.call('ana', 'annotations:get', { assetId: t.img })).toEqual({
      assetId: t.img,
      status: 'unlabeled',
      revision: 0,
      instructionsVersion: null,
      doc: doc([]),
      updatedAt: null,
      readOnly: false,
      comment: null,
    });
    const r1 = await t.call('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([box('b1', 5)]),
      baseRevision: 0,
    });
    expect(r1.revision).toBe(1);
    const same = await t.call('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([box('b1', 5)]),
      baseRevision: 1,
    });
    expect(same.revision).toBe(1); // unchanged autosave writes nothing
    const r2 = await t.call('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([box('b1', 6), box('b2', 50)]),
      baseRevision: 1,
    });
    expect(r2.revision).toBe(2);
    const state = await t.call('ana', 'annotations:get', { assetId: t.img });
    expect(state).toMatchObject({
      status: 'working',
      revision: 2,
      instructionsVersion: 2,
      readOnly: false,
    });
    expect(state.doc.boxes.map((b) => [b.id, b.x])).toEqual([
      ['b1', 6],
      ['b2', 50],
    ]);
    // each labeler has their own annotation of the same asset
    expect((await t.call('ben', 'annotations:get', { assetId: t.img })).status).toBe('unlabeled');
  });

  it('clips float overshoot, refuses boxes outside the image, unknown classes and tags, and audio boxes', async () => {
    const t = (h = await team());
    const clipped = await t.call('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([box('b1', 190.0000001, 90, 10, 10.2)]),
      baseRevision: 0,
    });
    expect(clipped.clipped).toBe(1);
    const b = (await t.call('ana', 'annotations:get', { assetId: t.img })).doc.boxes[0]!;
    expect([b.x, b.y, b.w, b.h]).toEqual([190.0000001, 90, 200 - 190.0000001, 10]);
    const outside = await t.fail('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([box('b1', 300, 10)]),
      baseRevision: 1,
    });
    expect(outside).toEqual({
      code: 'INVALID_INPUT',
      message:
        'Cannot save line1/a.png: box 1 (b1) at x=300 y=10 w=20 h=20 lies outside the 200x100 image',
    });
    const unknownClass = await t.fail('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([box('b1', 1, 1, 5, 5, 'cls_gone')]),
      baseRevision: 1,
    });
    expect(unknownClass.message).toMatch(
      /box 1 \(b1\): its class is not in instructions version 2 \(class id "cls_gone"/,
    );
    const unknownTag = await t.fail('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([], { tags: ['tag_nope'] }),
      baseRevision: 1,
    });
    expect(unknownTag.message).toMatch(/item tag\(s\) "tag_nope" not in instructions version 2/);
    const audio = await t.fail('ana', 'annotations:save', {
      assetId: t.wav,
      doc: doc([box('b1', 1)]),
      baseRevision: 0,
    });
    expect(audio.message).toMatch(/audio\/c\.wav: it is audio, so it cannot have boxes/);
    const seg = await t.call('ana', 'annotations:save', {
      assetId: t.wav,
      doc: doc([], { segments: [{ id: 's1', start: 0.5, end: 3.01, text: 'um hello' }] }),
      baseRevision: 0,
    });
    expect(seg.revision).toBe(1);
    expect(
      (await t.fail('ana', 'annotations:save', { assetId: 999, doc: doc([]), baseRevision: 0 }))
        .code,
    ).toBe('NOT_FOUND');
  });

  it('reports a stale base revision as a conflict telling the user to reload', async () => {
    const t = (h = await team());
    await t.call('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([box('b1', 5)]),
      baseRevision: 0,
    });
    await t.call('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([box('b1', 7)]),
      baseRevision: 1,
    });
    const stale = await t.fail('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([box('b1', 9)]),
      baseRevision: 1,
    });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(
      /line1\/a\.png was saved elsewhere \(revision 2, you had 1\).*Reload the item/,
    );
  });

  it('submits only items that say something, then makes them read-only until sent back', async () => {
    const t = (h = await team());
    const empty = await t.fail('ana', 'annotations:submit', { assetId: t.img });
    expect(empty.message).toBe(
      "Cannot submit line1/a.png: it is empty: say 'no defects' or draw boxes",
    );
    await t.call('ana', 'annotations:save', { assetId: t.img, doc: doc([]), baseRevision: 0 });
    expect((await t.fail('ana', 'annotations:submit', { assetId: t.img })).message).toMatch(
      /say 'no defects' or draw boxes/,
    );
    // a contradiction is refused when saved, as by the editor and `annotations import`
    const contradiction = await t.fail('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([box('b1', 5)], { noDefects: true }),
      baseRevision: 1,
    });
    expect(contradiction.message).toMatch(/says "no defects" but has 1 box/);
    await t.call('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([box('b1', 5)]),
      baseRevision: 1,
    });
    expect(await t.call('ana', 'annotations:submit', { assetId: t.img })).toEqual({
      status: 'submitted',
      revision: 3,
    });
    const state = await t.call('ana', 'annotations:get', { assetId: t.img });
    expect(state).toMatchObject({ status: 'submitted', readOnly: true, revision: 3 });
    const locked = await t.fail('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([]),
      baseRevision: 3,
    });
    expect(locked).toEqual({
      code: 'FORBIDDEN',
      message: 'line1/a.png is submitted and is read-only until a lead sends it back',
    });

    // a "no defects" verdict by tag is enough too
    await t.call('ana', 'annotations:save', {
      assetId: t.img2,
      doc: doc([], { tags: ['tag_ok'] }),
      baseRevision: 0,
    });
    expect((await t.call('ana', 'annotations:submit', { assetId: t.img2 })).status).toBe(
      'submitted',
    );

    // the lead sends the first one back with a comment; the labeler can edit again
    expect(
      (
        await t.fail('ana', 'annotations:setStatus', {
          assetId: t.img,
          labelerId: t.anaId,
          status: 'sent_back',
        })
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await t.fail('lead', 'annotations:setStatus', {
          assetId: t.img,
          labelerId: t.benId,
          status: 'accepted',
        })
      ).message,
    ).toMatch(/ben has not submitted line1\/a\.png \(it is unlabeled\)/);
    await t.call('lead', 'annotations:setStatus', {
      assetId: t.img,
      labelerId: t.anaId,
      status: 'sent_back',
      comment: 'box is too loose',
    });
    const back = await t.call('ana', 'annotations:get', { assetId: t.img });
    expect(back).toMatchObject({
      status: 'sent_back',
      readOnly: false,
      comment: 'box is too loose',
      revision: 4,
    });
    await t.call('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([box('b1', 6)]),
      baseRevision: 4,
    });
    await t.call('ana', 'annotations:submit', { assetId: t.img });
    const accepted = await t.call('lead', 'annotations:setStatus', {
      assetId: t.img,
      labelerId: t.anaId,
      status: 'accepted',
    });
    expect(accepted.status).toBe('accepted');
    expect((await t.call('ana', 'annotations:get', { assetId: t.img })).readOnly).toBe(true);
  });

  it('keeps the revision history of the caller only, with documents for undo after restart', async () => {
    const t = (h = await team());
    for (let i = 0; i < 30; i++) {
      await t.call('ana', 'annotations:save', {
        assetId: t.img,
        doc: doc([box('b1', i), box(`n${i}`, 100)]),
        baseRevision: i,
      });
    }
    await t.call('ben', 'annotations:save', {
      assetId: t.img,
      doc: doc([box('secret', 1)]),
      baseRevision: 0,
    });
    const history = await t.call('ana', 'annotations:history', {
      assetId: t.img,
      limit: 5,
      withDocs: true,
    });
    expect(history.revisions.map((r) => r.revision)).toEqual([30, 29, 28, 27, 26]);
    expect(history.revisions[0]).toMatchObject({
      action: 'save',
      actorName: 'ana',
      status: 'working',
      boxCount: 2,
      instructionsVersion: 2,
    });
    expect(history.revisions[4]!.doc!.boxes.map((b) => [b.id, b.x])).toEqual([
      ['b1', 25],
      ['n25', 100],
    ]);
    const full = await t.call('ana', 'annotations:history', {
      assetId: t.img,
      limit: 1000,
      withDocs: true,
    });
    expect(full.revisions).toHaveLength(30);
    expect(full.revisions.at(-1)!.doc!.boxes.map((b) => b.id)).toEqual(['b1', 'n0']);
    const storage = t.db
      .prepare(
        'SELECT storage, COUNT(*) AS n FROM annotation_revisions GROUP BY storage ORDER BY storage',
      )
      .all();
    expect(storage).toEqual(
      expect.arrayContaining([expect.objectContaining({ storage: 'delta' })]),
    );
    // ben's work is never in ana's history, nor in her view of the item
    expect(JSON.stringify(full)).not.toContain('secret');
    expect(
      JSON.stringify(await t.call('ana', 'annotations:get', { assetId: t.img })),
    ).not.toContain('secret');
  });

  it('lists the caller\u2019s work queue with counts per status and filters', async () => {
    const t = (h = await team());
    await t.call('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([box('b1', 5), box('b2', 40)]),
      baseRevision: 0,
    });
    await t.call('ana', 'annotations:save', {
      assetId: t.img2,
      doc: doc([], { noDefects: true }),
      baseRevision: 0,
    });
    await t.call('ana', 'annotations:submit', { assetId: t.img2 });
    const all = await t.call('ana', 'work:queue', {});
    expect(all.counts).toEqual({
      unlabeled: 1,
      working: 1,
      submitted: 1,
      accepted: 0,
      sent_back: 0,
    });
    expect(all.total).toBe(3);
    expect(all.items.map((i) => [i.relPath, i.status, i.boxCount])).toEqual([
      ['audio/c.wav', 'unlabeled', 0],
      ['line1/a.png', 'working', 2],
      ['line1/b.png', 'submitted', 0],
    ]);
    expect(all.items[1]).toMatchObject({
      fileName: 'a.png',
      kind: 'image',
      width: 200,
      height: 100,
      durationSec: null,
    });
    const open = await t.call('ana', 'work:queue', {
      status: ['unlabeled', 'working'],
      kind: 'image',
    });
    expect(open.items.map((i) => i.relPath)).toEqual(['line1/a.png']);
    expect(open.counts).toEqual({
      unlabeled: 0,
      working: 1,
      submitted: 1,
      accepted: 0,
      sent_back: 0,
    });
    const page = await t.call('ana', 'work:queue', { offset: 1, limit: 1 });
    expect(page.items.map((i) => i.relPath)).toEqual(['line1/a.png']);
    // ben's queue is his own
    expect((await t.call('ben', 'work:queue', {})).counts.unlabeled).toBe(3);
  });

  it('saves 5,000 boxes fast enough for a one-second autosave', async () => {
    const t = (h = await team());
    const big = t.addImage('big.png', 8000, 6000);
    const ana = actorByName(t.db, 'ana');
    const boxes = Array.from({ length: 5000 }, (_, i) =>
      box(`b${i}`, (i % 100) * 70, Math.floor(i / 100) * 100, 50, 50),
    );
    let revision = 0;
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      boxes[i] = { ...boxes[i]!, x: boxes[i]!.x + 1 };
      const started = performance.now();
      revision = saveAnnotation(t.db, ana, {
        assetId: big,
        doc: doc([...boxes]),
        baseRevision: revision,
      }).revision;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `save of 5,000 boxes: median ${times[5]!.toFixed(1)} ms, max ${times[9]!.toFixed(1)} ms`,
    );
    const bytes = t.db
      .prepare('SELECT SUM(length(doc_json)) FROM annotation_revisions')
      .pluck()
      .get() as number;
    console.log(`revision log after 10 saves: ${(bytes / 1024).toFixed(0)} KiB`);
    expect(revision).toBe(10);
  });

  it('stores the "no defects" verdict and the no-defects tag together, whichever was sent', async () => {
    const t = (h = await team());
    await t.call('ana', 'annotations:save', {
      assetId: t.img,
      doc: doc([], { tags: ['tag_ok'] }),
      baseRevision: 0,
    });
    expect((await t.call('ana', 'annotations:get', { assetId: t.img })).doc).toMatchObject({
      tags: ['tag_ok'],
      noDefects: true,
    });
    await t.call('ana', 'annotations:save', {
      assetId: t.img2,
      doc: doc([], { noDefects: true }),
      baseRevision: 0,
    });
    expect((await t.call('ana', 'annotations:get', { assetId: t.img2 })).doc).toMatchObject({
      tags: ['tag_ok'],
      noDefects: true,
    });
    // the flag plus another tag contradicts itself (docValidation.verdictProblems)
    const both = await t.fail('ana', 'annotations:save', {
      assetId: t.img2,
      doc: doc([], { tags: ['tag_uncertain'], noDefects: true }),
      baseRevision: 1,
    });
    expect(both.message).toMatch(/tags "ok" and "uncertain" contradict each other/);
  });
});
