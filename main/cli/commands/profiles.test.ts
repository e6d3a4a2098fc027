import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMediaPool } from '../../workers/mediaClient';
import { main } from '../index';

let dir: string;
let project: string;
let out: string[];
let err: string[];
const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
const run = async (...argv: string[]) => {
  out = [];
  err = [];
  return main(argv, io);
};

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-cli-profiles-'));
  process.env.CONCORD_DATA_DIR = path.join(dir, 'appdata');
  fs.mkdirSync(path.join(dir, 'imgs'));
  for (let i = 0; i < 3; i++) {
    await sharp({
      create: { width: 40, height: 30, channels: 3, background: { r: 60 * i, g: 0, b: 0 } },
    })
      .png()
      .toFile(path.join(dir, `imgs/p${i}.png`));
  }
  project = path.join(dir, 'p.concord');
  expect(await run('init', project, '--name', 'People')).toBe(0);
  expect(await run('import', project, path.join(dir, 'imgs'))).toBe(0);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
afterAll(() => closeMediaPool());

describe('concord profiles', () => {
  it('adds people, lists them, and sets the PINs blind rounds need', async () => {
    expect(await run('profiles', project)).toBe(0);
    expect(out[0]).toMatch(/^No profiles yet/);
    expect(
      await run('profiles', 'add', project, 'Lead', '--role', 'lead', '--passphrase', 'concord'),
    ).toBe(0);
    expect(out).toEqual(['Added Lead (lead, passphrase).']);
    expect(await run('profiles', 'add', project, 'ana', '--role', 'labeler')).toBe(0);
    expect(await run('profiles', 'add', project, 'ben', '--role', 'labeler', '--pin', '2222')).toBe(
      0,
    );
    expect(await run('profiles', project)).toBe(0);
    expect(out.map((l) => l.replace(/\s+/g, ' '))).toEqual([
      'Lead lead passphrase 0 annotation(s)',
      'ana labeler no PIN (needed for blind rounds) 0 annotation(s)',
      'ben labeler PIN 0 annotation(s)',
    ]);

    // ana has no PIN: the round is refused with the way out.
    expect(await run('round', 'create', project, '--labelers', 'ana,ben', '--size', '2')).toBe(1);
    expect(err).toEqual([
      'concord round create: error: ana has no PIN; blind rounds need a PIN for every labeler so nobody can sign in as someone else — set one on the People screen or with `concord profiles set-pin`',
    ]);
    expect(await run('profiles', 'set-pin', project, 'ANA', '--pin', '1111')).toBe(0);
    expect(out).toEqual(["Set ana's PIN."]);
    expect(await run('round', 'create', project, '--labelers', 'ana,ben', '--size', '2')).toBe(0);

    // In an open round the PIN stays; JSON lists everyone.
    expect(await run('profiles', 'set-pin', project, 'ana', '--remove')).toBe(1);
    expect(err[0]).toMatch(/ana labels in open round r1; blind rounds need a PIN/);
    expect(await run('profiles', project, '--json')).toBe(0);
    const listed = JSON.parse(out.join('\n')) as {
      profiles: Array<{ name: string; hasSecret: boolean }>;
    };
    expect(listed.profiles.map((p) => [p.name, p.hasSecret])).toEqual([
      ['Lead', true],
      ['ana', true],
      ['ben', true],
    ]);
  });

  it('says what is wrong in one line', async () => {
    expect(await run('profiles', 'add', project, 'ana', '--role', 'boss')).toBe(2);
    expect(err[0]).toMatch(/--role must be labeler or lead, got "boss"/);
    expect(await run('profiles', 'add', project, 'ana', '--role', 'labeler')).toBe(1);
    expect(err[0]).toMatch(/the first profile must be a lead/);
    expect(
      await run('profiles', 'add', project, 'Lead', '--role', 'lead', '--passphrase', 'abc'),
    ).toBe(1);
    expect(err[0]).toMatch(/at least 6 characters/);
    expect(
      await run('profiles', 'add', project, 'Lead', '--role', 'lead', '--passphrase', 'concord'),
    ).toBe(0);
    expect(await run('profiles', 'set-pin', project, 'zed', '--pin', '1234')).toBe(1);
    expect(err[0]).toMatch(/No profile named "zed" in this project; profiles: Lead/);
    expect(await run('profiles', 'set-pin', project, 'Lead')).toBe(2);
    expect(err[0]).toMatch(/--pin PIN is required/);
    expect(await run('profiles', 'add', project, 'ana', '--role', 'labeler', '--pin', '12')).toBe(
      1,
    );
    expect(err[0]).toMatch(/The PIN for ana must have at least 4 characters/);
  });
});
