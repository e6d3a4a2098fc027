import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../identity/actor';
import { cliOwner } from '../identity/actor';
import {
  assertCanRead,
  canRead,
  readableAnnotationsSql,
  roundBlindsActor,
  suggestionsVisible,
} from './blindness';
import type { Team } from './roundTestKit';
import { box, doc, label, roundTeam } from './roundTestKit';

let h: Team | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/**
 * The rule's truth table, checked on a real project: items 0-1 are in open round r1 (ana,
 * ben and the lead "Lead2" label in it), item 2 is in closed round r0, item 3 in no round.
 */
async function world() {
  const t = await roundTeam(4);
  h = t;
  const lead2 = await t.call('lead', 'profiles:create', {
    name: 'Lead2',
    role: 'lead',
    secret: 'concord2',
  });
  const [a0, a1, a2, a3] = t.images as [number, number, number, number];
  const r0 = await t.call('lead', 'rounds:create', {
    name: 'r0',
    labelerIds: [t.anaId, t.benId],
    size: { count: 4 },
    seed: 1,
  });
  t.db.prepare('DELETE FROM round_items WHERE round_id = ? AND asset_id <> ?').run(r0.id, a2);
  await t.call('lead', 'rounds:close', { roundId: r0.id });
  const r1 = await t.call('lead', 'rounds:create', {
    name: 'r1',
    labelerIds: [t.anaId, t.benId, lead2.id],
    size: { count: 4 },
    seed: 1,
    showSuggestions: false,
  });
  t.db
    .prepare('DELETE FROM round_items WHERE round_id = ? AND asset_id NOT IN (?, ?)')
    .run(r1.id, a0, a1);
  for (const id of [a0, a1, a2, a3]) await label(t, 'ana', id, doc([box('b', 'cls_dent', 5)]));
  const actor = (id: number, name: string, role: 'lead' | 'labeler'): Actor => ({ id, name, role });
  return {
    t,
    r1,
    items: { a0, a1, a2, a3 },
    ana: actor(t.anaId, 'ana', 'labeler'),
    ben: actor(t.benId, 'ben', 'labeler'),
    carl: actor(t.carlId, 'carl', 'labeler'),
    lead: actor(t.leadId, 'Lead', 'lead'),
    lead2: actor(lead2.id, 'Lead2', 'lead'),
  };
}

describe('the blindness rule', () => {
  it('follows its truth table', async () => {
    const w = await world();
    const { a0, a2, a3 } = w.items;
    const db = w.t.db;
    // Open round: only the owner, a lead outside the round, and the CLI owner.
    expect(canRead(db, w.ana, w.ana.id!, a0)).toBe(true);
    expect(canRead(db, w.ben, w.ana.id!, a0)).toBe(false);
    expect(canRead(db, w.carl, w.ana.id!, a0)).toBe(false);
    expect(canRead(db, w.lead, w.ana.id!, a0)).toBe(true);
    expect(canRead(db, w.lead2, w.ana.id!, a0)).toBe(false);
    expect(canRead(db, cliOwner, w.ana.id!, a0)).toBe(true);
    // Closed round and no round: nothing is hidden.
    for (const item of [a2, a3]) {
      expect(canRead(db, w.ben, w.ana.id!, item)).toBe(true);
      expect(canRead(db, w.lead2, w.ana.id!, item)).toBe(true);
    }
    expect(() => assertCanRead(db, w.ben, w.ana.id!, a0)).toThrow(/hidden while round r1 is open/);
    expect(roundBlindsActor(db, w.ben, w.r1)).toBe(true);
    expect(roundBlindsActor(db, w.lead, w.r1)).toBe(false);
    expect(roundBlindsActor(db, w.lead2, w.r1)).toBe(true);
  });

  it('filters bulk queries exactly like canRead', async () => {
    const w = await world();
    const db = w.t.db;
    await label(w.t, 'ben', w.items.a0, doc([box('b', 'cls_dent', 5)]));
    const rows = db
      .prepare('SELECT id, asset_id AS assetId, labeler_id AS ownerId FROM annotations ORDER BY id')
      .all() as Array<{
      id: number;
      assetId: number;
      ownerId: number;
    }>;
    for (const actor of [w.ana, w.ben, w.carl, w.lead, w.lead2, cliOwner]) {
      const r = readableAnnotationsSql(actor, 'an');
      const got = db
        .prepare(`SELECT an.id FROM annotations an WHERE ${r.sql} ORDER BY an.id`)
        .pluck()
        .all(...r.params);
      const want = rows
        .filter((row) => canRead(db, actor, row.ownerId, row.assetId))
        .map((row) => row.id);
      expect(got, actor.name).toEqual(want);
    }
  });

  it('hides suggestions from the round labelers unless the round shows them', async () => {
    const w = await world();
    expect(suggestionsVisible(w.t.db, w.ana, w.items.a0)).toBe(false);
    expect(suggestionsVisible(w.t.db, w.ana, w.items.a3)).toBe(true);
    expect(suggestionsVisible(w.t.db, w.lead, w.items.a0)).toBe(true);
    w.t.db.prepare('UPDATE rounds SET show_suggestions = 1 WHERE id = ?').run(w.r1.id);
    expect(suggestionsVisible(w.t.db, w.ana, w.items.a0)).toBe(true);
  });
});
