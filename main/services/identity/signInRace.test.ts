import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from './testHarness';
import { openTeamHarness } from './testHarness';

/**
 * Audit 3, finding 2: guesses sent all at once each passed the lock check before the
 * (asynchronous) scrypt check of any of them was counted, so 300 parallel PINs were all
 * evaluated and the right one won. Attempts for one profile now run one at a time.
 */
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('sign-in lockout under parallel guesses', () => {
  it('evaluates at most maxFailures wrong PINs per lock window, and refuses the right PIN while locked', async () => {
    const t = await openTeamHarness();
    h = t;
    await t.call('lead', 'profiles:update', { id: t.anaId, secret: '1111' });
    const { maxFailures } = t.services.sessions.throttle;
    const wrong = Array.from({ length: 50 }, (_, i) =>
      t.fail(`guess-${i}`, 'session:signIn', { profileId: t.anaId, secret: String(2000 + i) }),
    );
    // The right PIN arrives with the guesses, after them: it must not tell the guesser.
    const right = t.fail('guess-right', 'session:signIn', { profileId: t.anaId, secret: '1111' });
    const results = await Promise.all([...wrong, right]);
    const wrongPin = results.filter((e) => e.message === 'Wrong PIN for ana');
    const locked = results.filter((e) =>
      /^Too many wrong attempts for ana\. Wait \d+ s/.test(e.message),
    );
    expect(wrongPin.length).toBeLessThanOrEqual(maxFailures);
    expect(wrongPin.length + locked.length).toBe(51);
    expect(results.at(-1)?.message).toMatch(/^Too many wrong attempts for ana/);
    expect(results.every((e) => e.code === 'UNAUTHENTICATED')).toBe(true);
    expect(await t.call('guess-right', 'session:current', {})).toBeNull();
  });

  it('keeps sequential attempts as they were: wrong, wrong, right signs in', async () => {
    const t = await openTeamHarness();
    h = t;
    await t.call('lead', 'profiles:update', { id: t.anaId, secret: '1111' });
    for (const pin of ['0000', '9999'])
      expect(
        (await t.fail('tab', 'session:signIn', { profileId: t.anaId, secret: pin })).message,
      ).toBe('Wrong PIN for ana');
    expect(
      (await t.call('tab', 'session:signIn', { profileId: t.anaId, secret: '1111' })).name,
    ).toBe('ana');
  });

  it('does not make one profile wait for another', async () => {
    const t = await openTeamHarness();
    h = t;
    await t.call('lead', 'profiles:update', { id: t.anaId, secret: '1111' });
    const guesses = Array.from({ length: 10 }, (_, i) =>
      t.fail(`g${i}`, 'session:signIn', { profileId: t.anaId, secret: String(3000 + i) }),
    );
    // ben has no PIN: his sign-in does not queue behind ana's guesses.
    const ben = await t.call('x', 'session:signIn', { profileId: t.benId });
    expect(ben.name).toBe('ben');
    await Promise.all(guesses);
  });
});
