import { afterEach, describe, expect, it } from 'vitest';
import type { Team } from './roundTestKit';
import { box, doc, label, roundTeam } from './roundTestKit';

type RoundsTeam = Awaited<ReturnType<typeof roundTeam>>;
let h: Team | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function team(images = 10): Promise<RoundsTeam> {
  const t = await roundTeam(images);
  h = t;
  return t;
}

describe('rounds: drawing the sample', () => {
  it('creates r1, r2 ... with a reproducible seeded sample and records the seed', async () => {
    const t = await team(20);
    const draft = { labelerIds: [t.anaId, t.benId], size: { count: 6 }, seed: 42 };
    const r1 = await t.call('lead', 'rounds:create', draft);
    expect(r1).toMatchObject({
      name: 'r1',
      status: 'open',
      itemCount: 6,
      candidates: 20,
      showSuggestions: false,
    });
    expect(r1.sampling).toEqual({
      size: { count: 6 },
      stratify: { by: 'none' },
      kind: null,
      seed: 42,
    });
    expect(r1.instructionsVersion).toBe(2);
    const r2 = await t.call('lead', 'rounds:create', draft);
    expect(r2.name).toBe('r2');
    const items = (id: number) =>
      t.db
        .prepare('SELECT asset_id FROM round_items WHERE round_id = ? ORDER BY position')
        .pluck()
        .all(id);
    expect(items(r2.id)).toEqual(items(r1.id));
    // Without a seed one is drawn and recorded, so the round can be redrawn later.
    const r3 = await t.call('lead', 'rounds:create', {
      labelerIds: [t.anaId, t.benId],
      size: { fraction: 0.25 },
    });
    expect(r3.itemCount).toBe(5);
    expect(Number.isInteger(r3.sampling.seed)).toBe(true);
    const preview = await t.call('lead', 'rounds:preview', {
      size: { fraction: 0.25 },
      seed: r3.sampling.seed,
    });
    expect(preview).toMatchObject({ items: 5, candidates: 20, seed: r3.sampling.seed });
  });

  it('stratifies by a metadata field with at least one item per stratum', async () => {
    const t = await team(10);
    // Make line C a single-item stratum: proportionally it would get nothing of 3.
    t.db.prepare("UPDATE asset_metadata SET value = 'C' WHERE asset_id = ?").run(t.images[0]);
    const r = await t.call('lead', 'rounds:create', {
      labelerIds: [t.anaId, t.benId],
      size: { count: 3 },
      stratify: { by: 'metadata', field: 'line' },
      seed: 7,
    });
    expect(r.strata).toEqual([
      { stratum: 'B', available: 5, drawn: 1 },
      { stratum: 'A', available: 4, drawn: 1 },
      { stratum: 'C', available: 1, drawn: 1 },
    ]);
    const err = await t.fail('lead', 'rounds:preview', {
      size: { count: 3 },
      stratify: { by: 'metadata', field: 'camera' },
    });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/No asset has a metadata field "camera"; fields: line/);
  });

  it('stratifies by the class already present in annotations', async () => {
    const t = await team(6);
    await label(t, 'ana', t.images[0]!, doc([box('a', 'cls_dent', 5)]));
    await label(
      t,
      'ana',
      t.images[1]!,
      doc([box('a', 'cls_scratch', 5), box('b', 'cls_scratch', 80)]),
    );
    await label(t, 'ben', t.images[1]!, doc([box('a', 'cls_dent', 5)]));
    const p = await t.call('lead', 'rounds:preview', {
      size: { count: 3 },
      stratify: { by: 'class', source: 'any' },
      seed: 1,
    });
    expect(p.strata).toEqual([
      { stratum: null, available: 4, drawn: 1 },
      { stratum: 'dent', available: 1, drawn: 1 },
      { stratum: 'scratch', available: 1, drawn: 1 },
    ]);
  });

  it('refuses what makes no sense, with the reason', async () => {
    const t = await team(3);
    expect(
      (await t.fail('ana', 'rounds:create', { labelerIds: [t.anaId, t.benId], size: { count: 2 } }))
        .code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.fail('lead', 'rounds:create', { labelerIds: [t.anaId], size: { count: 2 } }))
        .message,
    ).toMatch(/at least two labelers/);
    expect(
      (
        await t.fail('lead', 'rounds:create', {
          labelerIds: [t.anaId, t.anaId],
          size: { count: 2 },
        })
      ).message,
    ).toMatch(/listed twice/);
    expect(
      (await t.fail('lead', 'rounds:create', { labelerIds: [t.anaId, 999], size: { count: 2 } }))
        .message,
    ).toMatch(/No profile with id 999/);
    expect(
      (
        await t.fail('lead', 'rounds:create', {
          labelerIds: [t.anaId, t.benId],
          size: { count: 2 },
          kind: 'audio',
        })
      ).message,
    ).toMatch(/no audio assets/);
    await t.call('lead', 'rounds:create', {
      name: 'pilot',
      labelerIds: [t.anaId, t.benId],
      size: { count: 2 },
    });
    expect(
      (
        await t.fail('lead', 'rounds:create', {
          name: 'pilot',
          labelerIds: [t.anaId, t.benId],
          size: { count: 2 },
        })
      ).code,
    ).toBe('CONFLICT');
  });
});

describe('rounds: who sees what', () => {
  it('shows a labeler only their rounds and only their own progress', async () => {
    const t = await team(4);
    const r = await t.call('lead', 'rounds:create', {
      labelerIds: [t.anaId, t.benId],
      size: { count: 4 },
      seed: 3,
    });
    await label(t, 'ana', t.images[0]!, doc([box('a', 'cls_dent', 5)]), r.id, true);
    await label(t, 'ana', t.images[1]!, doc([box('a', 'cls_dent', 5)]), r.id);
    await label(t, 'ben', t.images[0]!, doc([box('b', 'cls_dent', 5)]), r.id, true);

    const asLead = await t.call('lead', 'rounds:list', {});
    expect(asLead[0]!.labelers.map((l) => [l.name, l.progress])).toEqual([
      ['ana', { done: 1, working: 1, total: 4 }],
      ['ben', { done: 1, working: 0, total: 4 }],
    ]);
    const asAna = await t.call('ana', 'rounds:list', {});
    expect(asAna[0]!.mine).toEqual({ done: 1, working: 1, total: 4 });
    expect(asAna[0]!.labelers.find((l) => l.name === 'ben')!.progress).toBeNull();
    expect(await t.call('carl', 'rounds:list', {})).toEqual([]);
    expect((await t.fail('carl', 'rounds:get', { roundId: r.id })).code).toBe('NOT_FOUND');
  });

  it('gives the round its own queue and its own annotations, apart from earlier work on the same asset', async () => {
    const t = await team(4);
    await label(t, 'ana', t.images[0]!, doc([box('old', 'cls_scratch', 100)]));
    const r = await t.call('lead', 'rounds:create', {
      labelerIds: [t.anaId, t.benId],
      size: { count: 2 },
      seed: 5,
    });
    const queue = await t.call('ana', 'work:queue', { roundId: r.id });
    expect(queue.total).toBe(2);
    const first = queue.items[0]!.assetId;
    expect(queue.items.every((i) => i.status === 'unlabeled')).toBe(true);
    await label(t, 'ana', first, doc([box('new', 'cls_dent', 5)]), r.id);
    expect(
      (await t.call('ana', 'annotations:get', { assetId: first, roundId: r.id })).doc.boxes[0]!.id,
    ).toBe('new');
    // The work outside the round is untouched and still opens as it was.
    expect(
      (await t.call('ana', 'annotations:get', { assetId: t.images[0]! })).doc.boxes[0]!.id,
    ).toBe('old');
    expect((await t.call('ana', 'work:queue', { roundId: r.id, status: ['working'] })).total).toBe(
      1,
    );
    // Items outside the round, and rounds the caller is not in, are refused.
    const outside = t.images.find((id) => !queue.items.some((i) => i.assetId === id))!;
    expect(
      (
        await t.fail('ana', 'annotations:save', {
          assetId: outside,
          roundId: r.id,
          doc: doc([]),
          baseRevision: 0,
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect((await t.fail('carl', 'work:queue', { roundId: r.id })).code).toBe('NOT_FOUND');
  });

  it('freezes a closed round: no more saves or submits in it, with a clear message', async () => {
    const t = await team(2);
    const r = await t.call('lead', 'rounds:create', {
      labelerIds: [t.anaId, t.benId],
      size: { count: 2 },
      seed: 1,
    });
    await label(t, 'ana', t.images[0]!, doc([box('a', 'cls_dent', 5)]), r.id);
    expect((await t.fail('ana', 'rounds:close', { roundId: r.id })).code).toBe('FORBIDDEN');
    const closed = await t.call('lead', 'rounds:close', { roundId: r.id });
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    const cur = await t.call('ana', 'annotations:get', { assetId: t.images[0]!, roundId: r.id });
    expect(cur.readOnly).toBe(true);
    const save = await t.fail('ana', 'annotations:save', {
      assetId: t.images[0]!,
      roundId: r.id,
      doc: doc([]),
      baseRevision: cur.revision,
    });
    expect(save.code).toBe('FORBIDDEN');
    expect(save.message).toMatch(/Round r1 is closed .* can no longer change/);
    expect(
      (await t.fail('ana', 'annotations:submit', { assetId: t.images[0]!, roundId: r.id })).code,
    ).toBe('FORBIDDEN');
    // Work outside rounds goes on as before.
    await label(t, 'ana', t.images[0]!, doc([box('x', 'cls_dent', 5)]));
  });
});
