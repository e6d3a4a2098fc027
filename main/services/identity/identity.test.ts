import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from './testHarness';
import { openHarness, openTeamHarness } from './testHarness';
import { hashSecret, verifySecret } from './secretHash';
import { SAMPLE_LABELER_PINS, seedSampleProfiles, SAMPLE_LEAD } from './sampleProfiles';
import { actorByName } from './actor';
import { SESSION_IDLE_MS } from './sessionRegistry';

let h: Harness | null = null;
type Team = Awaited<ReturnType<typeof openTeamHarness>>;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('secret hashing', () => {
  it('stores a salted scrypt hash that verifies only the right secret', async () => {
    const a = await hashSecret('correct horse');
    const b = await hashSecret('correct horse');
    expect(a).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b); // salted
    expect(a).not.toContain('correct');
    expect(await verifySecret('correct horse', a)).toBe(true);
    expect(await verifySecret('correct hors', a)).toBe(false);
    expect(await verifySecret('x', 'garbage')).toBe(false);
  });
});

describe('profiles', () => {
  it('lets anyone create the first profile only as a lead, and signs its creator in', async () => {
    h = openHarness();
    expect(await h.call('tab1', 'session:profiles', {})).toEqual([]);
    const err = await h.fail('tab1', 'profiles:create', { name: 'ana', role: 'labeler' });
    expect(err.message).toMatch(/first profile must be a lead/);
    const noSecret = await h.fail('tab1', 'profiles:create', { name: 'Boss', role: 'lead' });
    expect(noSecret.message).toMatch(/lead needs a passphrase/);
    const short = await h.fail('tab1', 'profiles:create', {
      name: 'Boss',
      role: 'lead',
      secret: 'abc',
    });
    expect(short.message).toMatch(/at least 6 characters/);
    const lead = await h.call('tab1', 'profiles:create', {
      name: 'Boss',
      role: 'lead',
      secret: 'hunter22',
    });
    expect(lead).toMatchObject({ name: 'Boss', role: 'lead', hasSecret: true });
    expect(await h.call('tab1', 'session:current', {})).toMatchObject({ id: lead.id });
    const stored = h.db
      .prepare('SELECT secret_hash FROM profiles WHERE id = ?')
      .pluck()
      .get(lead.id) as string;
    expect(stored).toMatch(/^scrypt\$/);
    expect(fs.readFileSync(h.services.host.require().path).includes(Buffer.from('hunter22'))).toBe(
      false,
    );
  });

  it('only a signed-in lead may add people once a lead exists; names are unique regardless of case', async () => {
    const t: Team = await openTeamHarness();
    h = t;
    const anon = await h.fail('stranger', 'profiles:create', { name: 'eve', role: 'labeler' });
    expect(anon.code).toBe('UNAUTHENTICATED');
    const labeler = await h.fail('ana', 'profiles:create', { name: 'eve', role: 'labeler' });
    expect(labeler).toEqual({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/Only a lead can add people; you are signed in as ana/),
    });
    const dup = await h.fail('lead', 'profiles:create', { name: ' ANA ', role: 'labeler' });
    expect(dup.code).toBe('CONFLICT');
    const pin = await h.call('lead', 'profiles:create', {
      name: 'cleo',
      role: 'labeler',
      secret: '4711',
    });
    expect(pin.hasSecret).toBe(true);
    const list = await h.call('lead', 'profiles:list', {});
    expect(list.map((p) => p.name)).toEqual(['Lead', 'ana', 'ben', 'cleo']);
    expect((await h.fail('ana', 'profiles:list', {})).code).toBe('FORBIDDEN');
    const picker = await h.call('nobody', 'session:profiles', {});
    expect(picker[0]).toEqual({ id: t.leadId, name: 'Lead', role: 'lead', hasSecret: true });
  });

  it('updates profiles under the rules: leads keep a passphrase, the last lead stays a lead', async () => {
    const t: Team = await openTeamHarness();
    h = t;
    expect(
      (await t.fail('lead', 'profiles:update', { id: t.leadId, role: 'labeler' })).message,
    ).toMatch(/only lead/);
    expect(
      (await t.fail('lead', 'profiles:update', { id: t.leadId, secret: null })).message,
    ).toMatch(/needs a passphrase/);
    expect(
      (await t.fail('lead', 'profiles:update', { id: t.anaId, role: 'lead' })).message,
    ).toMatch(/needs a passphrase/);
    const promoted = await t.call('lead', 'profiles:update', {
      id: t.anaId,
      role: 'lead',
      secret: 'ana-secret',
    });
    expect(promoted).toMatchObject({ role: 'lead', hasSecret: true });
    const renamed = await t.call('lead', 'profiles:update', {
      id: t.benId,
      name: 'Benjamin',
      secret: '1234',
    });
    expect(renamed).toMatchObject({ name: 'Benjamin', hasSecret: true });
    const cleared = await t.call('lead', 'profiles:update', { id: t.benId, secret: null });
    expect(cleared.hasSecret).toBe(false);
    expect((await t.fail('lead', 'profiles:update', { id: t.benId, name: 'ANA' })).code).toBe(
      'CONFLICT',
    );
  });
});

describe('sign-in', () => {
  it('checks secrets, throttles wrong ones and locks after repeated failures', async () => {
    const t: Team = await openTeamHarness();
    h = t;
    expect(await t.fail('tab', 'session:signIn', { profileId: t.leadId })).toEqual({
      code: 'UNAUTHENTICATED',
      message: "Enter Lead's passphrase to sign in",
    });
    expect(await t.fail('tab', 'session:signIn', { profileId: t.leadId, secret: 'nope' })).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Wrong passphrase for Lead',
    });
    expect(await t.call('tab', 'session:current', {})).toBeNull();
    const ok = await t.call('tab', 'session:signIn', { profileId: t.leadId, secret: 'concord' });
    expect(ok.name).toBe('Lead');
    // five wrong attempts in a row lock the profile, even for the right secret
    for (let i = 0; i < 5; i++)
      await t.fail('tab2', 'session:signIn', { profileId: t.leadId, secret: `bad${i}` });
    const locked = await t.fail('tab2', 'session:signIn', {
      profileId: t.leadId,
      secret: 'concord',
    });
    expect(locked.message).toMatch(/Too many wrong attempts for Lead/);
    expect((await t.fail('tab', 'session:signIn', { profileId: 999 })).code).toBe('NOT_FOUND');
  });

  it('keeps one profile per session, signs out, and forgets every session when the project closes', async () => {
    h = await openTeamHarness();
    expect((await h.call('ana', 'session:current', {}))?.name).toBe('ana');
    expect((await h.call('ben', 'session:current', {}))?.name).toBe('ben');
    await h.call('ana', 'session:signOut', {});
    expect(await h.call('ana', 'session:current', {})).toBeNull();
    const unauth = await h.fail('ana', 'work:queue', {});
    expect(unauth).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Nobody is signed in here. Choose who is working first.',
    });
    const path = h.services.host.require().path;
    h.services.host.close();
    h.services.host.open(path);
    expect(await h.call('ben', 'session:current', {})).toBeNull();
  });
});

describe('sample profiles', () => {
  it('seeds Lead (passphrase "concord"), ana (PIN 1111) and ben (PIN 2222), idempotently', async () => {
    h = openHarness();
    await seedSampleProfiles(h.db);
    await seedSampleProfiles(h.db);
    const profiles = await h.call('x', 'session:profiles', {});
    // Blind rounds need a PIN for every labeler: the sample's can run one at once.
    expect(profiles.map((p) => [p.name, p.role, p.hasSecret])).toEqual([
      ['Lead', 'lead', true],
      ['ana', 'labeler', true],
      ['ben', 'labeler', true],
    ]);
    const ana = actorByName(h.db, 'ana');
    expect((await h.fail('y', 'session:signIn', { profileId: ana.id! })).code).toBe(
      'UNAUTHENTICATED',
    );
    await h.call('y', 'session:signIn', { profileId: ana.id!, secret: SAMPLE_LABELER_PINS.ana });
    const lead = actorByName(h.db, 'lead');
    await h.call('x', 'session:signIn', { profileId: lead.id!, secret: SAMPLE_LEAD.passphrase });
    expect(() => actorByName(h!.db, 'zoe')).toThrow(
      /No profile named "zoe" in this project; profiles: Lead, ana, ben/,
    );
  });
});

describe('idle sessions', () => {
  it('stops counting a session as signed in after SESSION_IDLE_MS without a call', async () => {
    const t = await openTeamHarness();
    h = t;
    let now = Date.UTC(2024, 0, 1);
    t.services.sessions.now = () => now;
    // Sessions signed in before the clock was set count as active from their next call.
    for (const who of ['lead', 'ana', 'ben']) await t.call(who, 'session:current', {});
    const closeAsStranger = () => t.fail('stranger-tab', 'project:close', {});
    expect((await closeAsStranger()).message).toMatch(/^ana, ben and Lead are signed in/);
    now += 10 * 60_000;
    await t.call('ana', 'assets:list', {}); // any call counts as activity
    now += SESSION_IDLE_MS - 10 * 60_000; // lead and ben: exactly at the limit, still in
    expect((await closeAsStranger()).message).toMatch(/^ana, ben and Lead are signed in/);
    now += 1;
    expect((await closeAsStranger()).message).toMatch(
      /^ana is signed in to this project; only a lead can close it/,
    );
    // An idle tab that comes back is active again (it never signed out).
    expect(await t.call('ben', 'session:current', {})).toMatchObject({ name: 'ben' });
    expect((await closeAsStranger()).message).toMatch(/^ana and ben are signed in/);
    now += SESSION_IDLE_MS + 1;
    expect(await t.call('stranger-tab', 'project:close', {})).toBeNull();
  });
});
