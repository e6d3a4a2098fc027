import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/api/schemas/assets';
import type { Harness } from '../identity/testHarness';
import { openTeamHarness } from '../identity/testHarness';

// Who may import, browse assets and follow jobs, through the real dispatcher with real
// services: lead "Lead" (session "lead"), labelers ana and ben, and tabs nobody signed in to.

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

type Team = Awaited<ReturnType<typeof openTeamHarness>>;

async function team(): Promise<Team> {
  const t = await openTeamHarness();
  h = t;
  return t;
}

async function finished(t: Harness, session: string, jobId: string): Promise<Job> {
  for (let i = 0; i < 400; i++) {
    const job = await t.call(session, 'jobs:get', { jobId });
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`job ${jobId} did not finish`);
}

async function writePng(dir: string, name: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  await sharp({ create: { width: 40, height: 30, channels: 3, background: '#777777' } })
    .png()
    .toFile(file);
  return file;
}

describe('assets:import', () => {
  it('is refused for a labeler, with a message that says who may import', async () => {
    const t = await team();
    const err = await t.fail('ana', 'assets:import', { paths: [t.dir] });
    expect(err).toEqual({
      code: 'FORBIDDEN',
      message: 'Only a lead can import assets; you are signed in as ana (labeler)',
    });
    expect(await t.call('lead', 'jobs:list', {})).toEqual([]);
  });

  it('is refused for a session nobody signed in to', async () => {
    const t = await team();
    const err = await t.fail('nobody-000001', 'assets:import', { paths: ['/etc'] });
    expect(err.code).toBe('UNAUTHENTICATED');
    expect(err.message).toMatch(/Nobody is signed in here/);
    expect(await t.call('lead', 'jobs:list', {})).toEqual([]);
  });

  it('runs for the lead; labelers then browse what was imported', async () => {
    const t = await team();
    const media = path.join(t.dir, 'media');
    await writePng(media, 'plate.png');
    const { jobId } = await t.call('lead', 'assets:import', { paths: [media] });
    // Any signed-in profile may follow the job...
    const job = await finished(t, 'ana', jobId);
    expect(job).toMatchObject({ kind: 'import', status: 'done' });
    expect((await t.call('ben', 'jobs:list', {})).map((j) => j.id)).toContain(jobId);
    // ...and see the asset.
    const page = await t.call('ana', 'assets:list', {});
    expect(page.items.map((a) => a.fileName)).toEqual(['plate.png']);
    const asset = await t.call('ben', 'assets:get', { id: page.items[0]!.id });
    expect(asset).toMatchObject({ width: 40, height: 30 });
    expect(Array.isArray(await t.call('ana', 'assets:facets', {}))).toBe(true);
  });
});

describe('browsing assets and following jobs', () => {
  it('needs a signed-in profile: every channel answers UNAUTHENTICATED to an unsigned tab', async () => {
    const t = await team();
    const id = t.addImage('a.png', 10, 10);
    const { jobId } = await t.call('lead', 'assets:import', {
      paths: [path.join(t.dir, 'missing.png')],
    });
    await finished(t, 'lead', jobId);
    const calls = [
      t.fail('tab', 'assets:list', {}),
      t.fail('tab', 'assets:get', { id }),
      t.fail('tab', 'assets:facets', {}),
      t.fail('tab', 'jobs:list', {}),
      t.fail('tab', 'jobs:get', { jobId }),
      t.fail('tab', 'jobs:cancel', { jobId }),
    ];
    for (const err of await Promise.all(calls)) expect(err.code).toBe('UNAUTHENTICATED');
    // Signing out takes the right away again.
    expect((await t.call('ana', 'assets:list', {})).total).toBe(1);
    await t.call('ana', 'session:signOut', {});
    expect((await t.fail('ana', 'assets:list', {})).code).toBe('UNAUTHENTICATED');
  });

  it('lets only a lead stop background work', async () => {
    const t = await team();
    const { jobId } = await t.call('lead', 'assets:import', {
      paths: [path.join(t.dir, 'missing.png')],
    });
    const err = await t.fail('ana', 'jobs:cancel', { jobId });
    expect(err).toEqual({
      code: 'FORBIDDEN',
      message: 'Only a lead can stop background work; you are signed in as ana (labeler)',
    });
    expect(await t.call('lead', 'jobs:cancel', { jobId })).toBeNull();
    await finished(t, 'lead', jobId);
  });

  it('answers NO_PROJECT once the project is closed', async () => {
    const t = await team();
    await t.call('lead', 'project:close', {});
    expect((await t.fail('lead', 'assets:list', {})).code).toBe('NO_PROJECT');
  });
});
