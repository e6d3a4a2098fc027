import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/envelope';
import type { Db } from '../../db/connection';
import type { CallContext } from '../../transport/dispatch';
import { dispatch } from '../../transport/dispatch';
import type { Services } from '../appServices';
import { derivativesIdle } from '../assets/derivatives';
import { createServices } from '../appServices';

/**
 * Test support (not shipped code paths): a real project file in a temp folder, real
 * services, and calls through the real dispatcher as a given browser-tab session.
 */
export interface Harness {
  dir: string;
  services: Services;
  db: Db;
  call<C extends Channel>(
    session: string,
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ChannelOutput<C>>;
  fail<C extends Channel>(session: string, channel: C, input: ChannelInput<C>): Promise<ApiError>;
  addImage(relPath: string, width: number, height: number): number;
  addAudio(relPath: string, durationSec: number): number;
  close(): Promise<void>;
}

let counter = 0;

export function openHarness(name = 'Test project'): Harness {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-people-'));
  const services = createServices({ appDataDir: path.join(dir, 'appdata'), transport: 'http' });
  services.sessions.throttle = { failureDelayMs: 1, maxFailures: 5, lockMs: 60_000 };
  const project = services.host.create(path.join(dir, 'test.concord'), name);
  const ctx = (session: string): CallContext => ({ sessionKey: session, transport: 'http' });
  const addAsset = (
    relPath: string,
    kind: 'image' | 'audio',
    w: number | null,
    h: number | null,
    d: number | null,
  ) => {
    counter++;
    const info = project.db
      .prepare(
        `INSERT INTO assets (kind, rel_path, file_name, stored, format, bytes, sha256, width, height, duration_sec, imported_at)
         VALUES (?, ?, ?, 'reference', ?, 100, ?, ?, ?, ?, ?)`,
      )
      .run(
        kind,
        relPath,
        path.posix.basename(relPath),
        kind === 'image' ? 'png' : 'wav',
        `sha-${counter}-${relPath}`,
        w,
        h,
        d,
        new Date().toISOString(),
      );
    return Number(info.lastInsertRowid);
  };
  return {
    dir,
    services,
    db: project.db,
    async call(session, channel, input) {
      const env = await dispatch(services.handlers, channel, input, ctx(session));
      if (!env.ok) throw new Error(`${channel} failed: ${env.error.code} ${env.error.message}`);
      return env.value as ChannelOutput<typeof channel>;
    },
    async fail(session, channel, input) {
      const env = await dispatch(services.handlers, channel, input, ctx(session));
      if (env.ok) throw new Error(`${channel} succeeded but should have failed`);
      return env.error;
    },
    addImage: (relPath, width, height) => addAsset(relPath, 'image', width, height, null),
    addAudio: (relPath, durationSec) => addAsset(relPath, 'audio', null, null, durationSec),
    async close() {
      services.shutdown();
      await derivativesIdle(); // an import's background thumbnails may still be writing
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A project with lead "Lead" (passphrase "concord") signed in as session "lead", and
 * labelers "ana" and "ben" signed in as sessions "ana" and "ben". */
export async function openTeamHarness(): Promise<
  Harness & { leadId: number; anaId: number; benId: number }
> {
  const h = openHarness();
  const lead = await h.call('lead', 'profiles:create', {
    name: 'Lead',
    role: 'lead',
    secret: 'concord',
  });
  const ana = await h.call('lead', 'profiles:create', { name: 'ana', role: 'labeler' });
  const ben = await h.call('lead', 'profiles:create', { name: 'ben', role: 'labeler' });
  await h.call('ana', 'session:signIn', { profileId: ana.id });
  await h.call('ben', 'session:signIn', { profileId: ben.id });
  return Object.assign(h, { leadId: lead.id, anaId: ana.id, benId: ben.id });
}
