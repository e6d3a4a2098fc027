import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../identity/testHarness';
import { openHarness, openTeamHarness } from '../identity/testHarness';
import { joinNames } from './projectPolicy';

// Real services, a real project file, calls through the real dispatcher as browser-tab
// sessions: who may close the served project or switch it to another one.

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

type Team = Awaited<ReturnType<typeof openTeamHarness>>;

async function team(): Promise<Team> {
  // Lead (session "lead", signed in by creating the first profile), ana and ben.
  const t = await openTeamHarness();
  h = t;
  return t;
}

const projectPath = (t: Harness) => t.services.host.require().path;

describe('closing or switching the project while a team works', () => {
  it('refuses a labeler and names who is still signed in', async () => {
    const t = await team();
    const err = await t.fail('ana', 'project:close', {});
    expect(err).toEqual({
      code: 'FORBIDDEN',
      message:
        'ben and Lead are signed in to this project; only a lead can close it while others are working',
    });
    const open = await t.fail('ana', 'project:open', { path: path.join(t.dir, 'other.concord') });
    expect(open.code).toBe('FORBIDDEN');
    expect(open.message).toBe(
      'ben and Lead are signed in to this project; only a lead can open another project while others are working',
    );
    const create = await t.fail('ben', 'project:create', {
      path: path.join(t.dir, 'new.concord'),
      name: 'New',
    });
    expect(create.message).toMatch(/^ana and Lead are signed in to this project; only a lead/);
    // Refused before the sample is even generated (that takes a while).
    const sample = await t.fail('ben', 'project:openSample', {});
    expect(sample.code).toBe('FORBIDDEN');
    // Nothing changed for anybody.
    expect(projectPath(t)).toBe(path.join(t.dir, 'test.concord'));
    expect(await t.call('lead', 'session:current', {})).toMatchObject({ name: 'Lead' });
    expect(await t.call('ben', 'session:current', {})).toMatchObject({ name: 'ben' });
  });

  it('refuses a session where nobody is signed in, naming everyone', async () => {
    const t = await team();
    const err = await t.fail('stranger-tab', 'project:close', {});
    expect(err).toEqual({
      code: 'FORBIDDEN',
      message:
        'ana, ben and Lead are signed in to this project; only a lead can close it while others are working',
    });
    expect(
      (await t.fail('stranger-tab', 'project:open', { path: path.join(t.dir, 'x.concord') })).code,
    ).toBe('FORBIDDEN');
  });

  it('lets a signed-in lead switch to another project (signing everybody out)', async () => {
    const t = await team();
    const other = path.join(t.dir, 'other.concord');
    const created = await t.call('lead', 'project:create', { path: other, name: 'Other' });
    expect(created.name).toBe('Other');
    expect(await t.call('ana', 'session:current', {})).toBeNull();
    expect(await t.call('lead', 'session:current', {})).toBeNull();
  });

  it('lets a signed-in lead close the project for everyone', async () => {
    const t = await team();
    expect(await t.call('lead', 'project:close', {})).toBeNull();
    expect(await t.call('ana', 'project:current', {})).toBeNull();
  });

  it('treats opening the project that is already open as a no-op anyone may ask for', async () => {
    const t = await team();
    const same = await t.call('ana', 'project:open', { path: projectPath(t) });
    expect(same.path).toBe(projectPath(t));
    expect(await t.call('ben', 'session:current', {})).toMatchObject({ name: 'ben' });
  });

  it('refuses an unsigned tab while a labeler works, and the labeler once the lead is back', async () => {
    const t = await team();
    await t.call('ben', 'session:signOut', {});
    await t.call('lead', 'session:signOut', {});
    // Only ana is left: she may leave her own project...
    const err = await t.fail('stranger-tab', 'project:close', {});
    expect(err.message).toMatch(/^ana is signed in to this project; only a lead can close it/);
    await t.call('lead', 'session:signIn', { profileId: t.leadId, secret: 'concord' });
    expect((await t.fail('ana', 'project:close', {})).message).toMatch(/^Lead is signed in/);
  });
});

describe('the person at the machine can always leave their own project', () => {
  it('a labeler who is the only one signed in closes the project', async () => {
    const t = await team();
    await t.call('ben', 'session:signOut', {});
    await t.call('lead', 'session:signOut', {});
    expect(await t.call('ana', 'project:close', {})).toBeNull();
    expect(t.services.host.current).toBeNull();
  });

  it('ana signed in on two tabs is still one person: either tab may close', async () => {
    const t = await team();
    await t.call('ben', 'session:signOut', {});
    await t.call('lead', 'session:signOut', {});
    await t.call('ana-old-tab', 'session:signIn', { profileId: t.anaId });
    expect(t.services.sessions.othersSignedIn({ sessionKey: 'ana', transport: 'http' })).toEqual(
      [],
    );
    expect(await t.call('ana', 'project:close', {})).toBeNull();
  });

  it('nobody signed in: the start screen (or the sign-in gate) may close, open and create', async () => {
    h = openHarness();
    const first = projectPath(h);
    expect(await h.call('gate-tab', 'project:close', {})).toBeNull();
    // No project open: anyone who reached the transport may create or open one.
    const created = await h.call('start-tab', 'project:create', {
      path: path.join(h.dir, 'second.concord'),
      name: 'Second',
    });
    expect(created.name).toBe('Second');
    // Still nobody signed in to Second: switching back is allowed too.
    const reopened = await h.call('start-tab', 'project:open', { path: first });
    expect(reopened.path).toBe(first);
  });

  it('a labeler alone switches to another project', async () => {
    const t = await team();
    await t.call('ben', 'session:signOut', {});
    await t.call('lead', 'session:signOut', {});
    const other = await t.call('ana', 'project:create', {
      path: path.join(t.dir, 'mine.concord'),
      name: 'Mine',
    });
    expect(other.name).toBe('Mine');
  });
});

describe('othersSignedIn', () => {
  it('lists each other profile once, sorted by name, never the caller', async () => {
    const t = await team();
    await t.call('ben-second-tab', 'session:signIn', { profileId: t.benId });
    const names = (session: string) =>
      t.services.sessions
        .othersSignedIn({ sessionKey: session, transport: 'http' })
        .map((a) => a.name);
    expect(names('ana')).toEqual(['ben', 'Lead']);
    expect(names('ben')).toEqual(['ana', 'Lead']);
    expect(names('nobody')).toEqual(['ana', 'ben', 'Lead']);
    t.services.host.close();
    expect(names('nobody')).toEqual([]);
  });

  it('joins names the way the message reads', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['ana'])).toBe('ana');
    expect(joinNames(['ana', 'Lead'])).toBe('ana and Lead');
    expect(joinNames(['ana', 'ben', 'Lead'])).toBe('ana, ben and Lead');
  });
});
