import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/api/contract';
import { contract } from '../../shared/api/contract';
import type { BlindWorld, Person } from './blindnessKit';
import { createBlindWorld, listenToEvents } from './blindnessKit';
import { probes } from './blindnessProbes';

/**
 * BLINDNESS, proven over the real HTTP transport: while round r1 is open, a labeler calling
 * EVERY channel of the contract (Object.keys(contract), so channels added later are covered
 * automatically) with inputs aimed at the blind items never receives a byte of the other
 * labeler's work — not in a reply, not in an error message, not in a server-sent event, not
 * from a /files/ route. The markers are strings that only occur in the other's annotations.
 */

let world: BlindWorld;
beforeAll(async () => {
  world = await createBlindWorld();
}, 60_000);
afterAll(async () => {
  await world?.dispose();
});

const channels = Object.keys(contract) as Channel[];

/** Puts the world back after a channel that closes, switches or signs out (the test goes on). */
function restore(): void {
  const { services, projectPath } = world;
  if (services.host.current?.path !== projectPath) {
    services.host.close();
    services.host.open(projectPath);
  }
  for (const p of [world.ana, world.ben, world.lead]) {
    if (services.sessions.profileId(p.session) !== p.id) services.sessions.signIn(p.session, p.id);
  }
}

function inputsFor(channel: Channel, me: Person, other: Person): unknown[] | null {
  const probe = probes[channel]?.({ world, me, other });
  if (probe && !Array.isArray(probe)) return null;
  const accepted = contract[channel].input.safeParse({}).success;
  return [...(accepted ? [{}] : []), ...(probe ?? [])];
}

interface Leak {
  where: string;
  marker: string;
  excerpt: string;
}

function findLeaks(where: string, text: string, markers: string[]): Leak[] {
  return markers
    .filter((m) => text.includes(m))
    .map((marker) => {
      const at = text.indexOf(marker);
      return { where, marker, excerpt: text.slice(Math.max(0, at - 80), at + 80) };
    });
}

async function sweep(
  me: Person,
  other: Person,
): Promise<{ leaks: Leak[]; calls: number; ownSeen: boolean }> {
  const events = listenToEvents(world);
  const leaks: Leak[] = [];
  let calls = 0;
  let ownSeen = false;
  for (const [i, channel] of channels.entries()) {
    const inputs = inputsFor(channel, me, other);
    if (inputs === null) continue;
    for (const input of inputs) {
      const body = await world.invoke(me.session, channel, input);
      calls++;
      leaks.push(...findLeaks(`${channel} ${JSON.stringify(input)}`, body, other.markers));
      if (me.markers.some((m) => body.includes(m))) ownSeen = true;
      restore();
    }
    // Halfway, the other labeler keeps working: any event their save causes is checked too.
    if (i === Math.floor(channels.length / 2)) {
      const cur = JSON.parse(
        await world.invoke(other.session, 'annotations:get', {
          assetId: world.images[1],
          roundId: world.roundId,
        }),
      ) as { value: { revision: number; doc: unknown } };
      await world.invoke(other.session, 'annotations:save', {
        assetId: world.images[1],
        roundId: world.roundId,
        doc: cur.value.doc,
        baseRevision: cur.value.revision,
      });
    }
  }
  for (const id of [...world.images, world.audio]) {
    for (const variant of ['original', 'display', 'thumb', 'peaks', 'tile/0/0/0']) {
      const r = await world.get(`/files/asset/${id}/${variant}`);
      calls++;
      leaks.push(
        ...findLeaks(`GET /files/asset/${id}/${variant} (${r.status})`, r.text, other.markers),
      );
    }
  }
  await new Promise((r) => setTimeout(r, 200));
  events.close();
  leaks.push(...findLeaks('server-sent events', events.text(), other.markers));
  return { leaks, calls, ownSeen };
}

describe('blindness over the HTTP transport', () => {
  it('has an input (or a stated reason) for every channel of the contract', () => {
    const missing = channels.filter((c) => !contract[c].input.safeParse({}).success && !probes[c]);
    expect(missing, `add probes for these channels to main/transport/blindnessProbes.ts`).toEqual(
      [],
    );
    const stale = Object.keys(probes).filter((c) => !channels.includes(c as Channel));
    expect(stale, 'probes for channels that no longer exist').toEqual([]);
  });

  it('the markers are real: a lead outside the round reads both labelers through the agreement item', async () => {
    let body = '';
    for (const assetId of [world.images[0], world.audio]) {
      body += await world.invoke(world.lead.session, 'agreement:item', {
        assetId,
        roundId: world.roundId,
      });
    }
    for (const m of [...world.ana.markers, ...world.ben.markers]) expect(body).toContain(m);
  });

  it('ben, calling every channel, never reaches anything of ana’s', async () => {
    const { leaks, calls, ownSeen } = await sweep(world.ben, world.ana);
    expect(leaks).toEqual([]);
    expect(calls).toBeGreaterThan(channels.length);
    // The probes do reach real annotation content: ben's own.
    expect(ownSeen).toBe(true);
  }, 120_000);

  it('and ana never reaches anything of ben’s', async () => {
    const { leaks, ownSeen } = await sweep(world.ana, world.ben);
    expect(leaks).toEqual([]);
    expect(ownSeen).toBe(true);
  }, 120_000);

  it('the round was still open and both labelers signed in throughout', async () => {
    const round = JSON.parse(
      await world.invoke(world.lead.session, 'rounds:get', { roundId: world.roundId }),
    ) as {
      value: { status: string };
    };
    expect(round.value.status).toBe('open');
  });
});
