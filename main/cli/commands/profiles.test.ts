import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMediaPool } from '../../workers/mediaClient';
import type { CliWorld } from '../cliTestKit';
import { cliWorld } from '../cliTestKit';

let cli: CliWorld;
let project: string;
/** `concord profiles add P ...rest` */
const addProfile = (...rest: string[]) => cli.run('profiles', 'add', project, ...rest);

beforeEach(async () => {
  cli = cliWorld('concord-cli-profiles-');
  const people = [0, 1, 2].map((i) => ({
    name: `p${i}.png`,
    width: 40,
    height: 30,
    background: { r: 60 * i, g: 0, b: 0 },
  }));
  project = await cli.newProject({
    file: 'p.concord',
    name: 'People',
    importArgs: [await cli.pngs('imgs', people)],
  });
});
afterEach(() => cli.dispose());
afterAll(() => closeMediaPool());

describe('concord profiles', () => {
  it('adds people, lists them, and sets the PINs blind rounds need', async () => {
    expect(await cli.run('profiles', project)).toBe(0);
    expect(cli.out()[0]).toMatch(/^No profiles yet/);
    expect(await addProfile('Lead', '--role', 'lead', '--passphrase', 'concord')).toBe(0);
    expect(cli.out()).toEqual(['Added Lead (lead, passphrase).']);
    expect(await addProfile('ana', '--role', 'labeler')).toBe(0);
    expect(await addProfile('ben', '--role', 'labeler', '--pin', '2222')).toBe(0);
    expect(await cli.run('profiles', project)).toBe(0);
    expect(cli.out().map((l) => l.replace(/\s+/g, ' '))).toEqual([
      'Lead lead passphrase 0 annotation(s)',
      'ana labeler no PIN (needed for blind rounds) 0 annotation(s)',
      'ben labeler PIN 0 annotation(s)',
    ]);

    // ana has no PIN: the round is refused with the way out.
    expect(await cli.run('round', 'create', project, '--labelers', 'ana,ben', '--size', '2')).toBe(
      1,
    );
    expect(cli.err()).toEqual([
      'concord round create: error: ana has no PIN; blind rounds need a PIN for every labeler so nobody can sign in as someone else — set one on the People screen or with `concord profiles set-pin`',
    ]);
    expect(await cli.run('profiles', 'set-pin', project, 'ANA', '--pin', '1111')).toBe(0);
    expect(cli.out()).toEqual(["Set ana's PIN."]);
    expect(await cli.run('round', 'create', project, '--labelers', 'ana,ben', '--size', '2')).toBe(
      0,
    );

    // In an open round the PIN stays; JSON lists everyone.
    expect(await cli.run('profiles', 'set-pin', project, 'ana', '--remove')).toBe(1);
    expect(cli.err()[0]).toMatch(/ana labels in open round r1; blind rounds need a PIN/);
    expect(await cli.run('profiles', project, '--json')).toBe(0);
    const listed = cli.json<{
      profiles: Array<{ name: string; hasSecret: boolean }>;
    }>();
    expect(listed.profiles.map((p) => [p.name, p.hasSecret])).toEqual([
      ['Lead', true],
      ['ana', true],
      ['ben', true],
    ]);
  });

  it('says what is wrong in one line', async () => {
    expect(await addProfile('ana', '--role', 'boss')).toBe(2);
    expect(cli.err()[0]).toMatch(/--role must be labeler or lead, got "boss"/);
    expect(await addProfile('ana', '--role', 'labeler')).toBe(1);
    expect(cli.err()[0]).toMatch(/the first profile must be a lead/);
    expect(await addProfile('Lead', '--role', 'lead', '--passphrase', 'abc')).toBe(1);
    expect(cli.err()[0]).toMatch(/at least 6 characters/);
    expect(await addProfile('Lead', '--role', 'lead', '--passphrase', 'concord')).toBe(0);
    expect(await cli.run('profiles', 'set-pin', project, 'zed', '--pin', '1234')).toBe(1);
    expect(cli.err()[0]).toMatch(/No profile named "zed" in this project; profiles: Lead/);
    expect(await cli.run('profiles', 'set-pin', project, 'Lead')).toBe(2);
    expect(cli.err()[0]).toMatch(/--pin PIN is required/);
    expect(await addProfile('ana', '--role', 'labeler', '--pin', '12')).toBe(1);
    expect(cli.err()[0]).toMatch(/The PIN for ana must have at least 4 characters/);
  });
});
