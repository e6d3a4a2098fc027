// Test support for blindness.test.ts (not a test file): a real project served over the real
// HTTP transport, where ana and ben labeled the same items of an open round, each with
// distinctive markers (box ids, odd coordinates, attribute text, transcript words, a class
// only they use) that must never reach the other.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { AnnotationDoc } from '../../shared/api/schemas/annotationDoc';
import type { ClassDef, InstructionSpec } from '../../shared/api/schemas/instructionSpec';
import type { Services } from '../services/appServices';
import { createServices } from '../services/appServices';
import { makeWav } from '../services/assets/assetTestKit';
import type { HttpServer } from './http';
import { startHttpServer } from './http';

export interface Person {
  name: 'ana' | 'ben';
  id: number;
  pin: string;
  session: string;
  /** Strings that occur only in this person's annotations. */
  markers: string[];
}

export interface BlindWorld {
  dir: string;
  projectPath: string;
  services: Services;
  server: HttpServer;
  spec: InstructionSpec;
  roundId: number;
  images: number[];
  audio: number;
  lead: { id: number; session: string };
  ana: Person;
  ben: Person;
  /** POSTs a channel as a session; returns the raw response body. */
  invoke(session: string, channel: string, input: unknown): Promise<string>;
  /** GETs a path with the token; returns status and body as latin1 text. */
  get(pathname: string): Promise<{ status: number; text: string }>;
  dispose(): Promise<void>;
}

const cls = (
  id: string,
  name: string,
  color: string,
  attributes: ClassDef['attributes'] = [],
): ClassDef => ({
  id,
  name,
  color,
  hotkey: null,
  description: '',
  attributes,
  examples: [],
});

/** One labeler's documents: every box carries a marker, so does the transcript. */
function docsFor(p: 'ana' | 'ben'): {
  image: (n: number) => AnnotationDoc;
  audio: AnnotationDoc;
  prior: AnnotationDoc;
} {
  const m =
    p === 'ana'
      ? { x: 123.4567, y: 98.7654, cls: 'cls_anaonly', words: 'zebra quokka' }
      : { x: 321.7654, y: 87.6543, cls: 'cls_benonly', words: 'walrus pelican' };
  const image = (n: number): AnnotationDoc => ({
    boxes: [
      {
        id: `${p}-secret-box-${n}`,
        classId: m.cls,
        x: m.x,
        y: m.y,
        w: 50,
        h: 40,
        attributes: { note: `${p}-secret-attr` },
        uncertain: false,
        source: null,
      },
      {
        id: `${p}-secret-shared-${n}`,
        classId: 'cls_scratch',
        x: 10,
        y: 10,
        w: 30,
        h: 30,
        attributes: { note: `${p}-secret-note` },
        uncertain: false,
        source: null,
      },
    ],
    tags: ['tag_defective'],
    noDefects: false,
    uncertain: false,
    segments: [],
  });
  return {
    image,
    audio: {
      boxes: [],
      tags: [],
      noDefects: false,
      uncertain: false,
      segments: [
        { id: `${p}-secret-seg`, start: 0.5, end: 1.5, text: `${m.words} ${p}-secret-words` },
      ],
    },
    prior: {
      ...image(99),
      boxes: image(99).boxes.map((b, i) => ({ ...b, id: `${p}-secret-prior-${i}` })),
    },
  };
}

export function markersOf(p: 'ana' | 'ben'): string[] {
  return p === 'ana'
    ? ['ana-secret', '123.4567', '98.7654', '"classId":"cls_anaonly"', 'zebra quokka']
    : ['ben-secret', '321.7654', '87.6543', '"classId":"cls_benonly"', 'walrus pelican'];
}

export async function createBlindWorld(): Promise<BlindWorld> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-blind-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Concord</title>');
  const services = createServices({
    appDataDir: path.join(dir, 'appdata'),
    transport: 'http',
    defaultProjectDir: dir,
  });
  services.sessions.throttle = { failureDelayMs: 1, maxFailures: 1000, lockMs: 1 };
  const projectPath = path.join(dir, 'blind.concord');
  const project = services.host.create(projectPath, 'Blind');
  const media = path.join(dir, 'media');
  fs.mkdirSync(media);
  const insert = project.db.prepare(
    `INSERT INTO assets (kind, rel_path, file_name, stored, format, bytes, sha256, width, height, duration_sec, imported_at)
     VALUES (?, ?, ?, 'reference', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const images: number[] = [];
  for (let i = 0; i < 3; i++) {
    const file = path.join(media, `plate${i}.png`);
    await sharp({
      create: {
        width: 640,
        height: 480,
        channels: 3,
        background: { r: 90 + i * 40, g: 90, b: 90 },
      },
    })
      .png()
      .toFile(file);
    const info = insert.run(
      'image',
      `media/plate${i}.png`,
      `plate${i}.png`,
      'png',
      fs.statSync(file).size,
      `sha-img-${i}`,
      640,
      480,
      null,
      new Date().toISOString(),
    );
    images.push(Number(info.lastInsertRowid));
  }
  const wav = path.join(media, 'call.wav');
  fs.writeFileSync(wav, makeWav({ seconds: 3 }));
  const audio = Number(
    insert.run(
      'audio',
      'media/call.wav',
      'call.wav',
      'wav',
      fs.statSync(wav).size,
      'sha-wav',
      null,
      null,
      3,
      new Date().toISOString(),
    ).lastInsertRowid,
  );

  const server = await startHttpServer({ services, rendererDir });
  const invoke = (session: string, channel: string, input: unknown) =>
    new Promise<string>((resolve, reject) => {
      const body = JSON.stringify(input ?? {});
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/invoke/${encodeURIComponent(channel)}`,
          method: 'POST',
          headers: {
            host: `127.0.0.1:${server.port}`,
            authorization: `Bearer ${server.token}`,
            'content-type': 'application/json',
            'x-concord-session': session,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const get = (pathname: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      http
        .get(
          {
            host: '127.0.0.1',
            port: server.port,
            path: pathname,
            headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${server.token}` },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                text: Buffer.concat(chunks).toString('latin1'),
              }),
            );
          },
        )
        .on('error', reject);
    });
  // Every set-up step goes through the transport too, as the app would make it.
  const ok = async <T>(session: string, channel: string, input: unknown): Promise<T> => {
    const env = JSON.parse(await invoke(session, channel, input)) as {
      ok: boolean;
      value: T;
      error?: { message: string };
    };
    if (!env.ok) throw new Error(`${channel}: ${env.error?.message}`);
    return env.value;
  };
  const lead = { id: 0, session: 'session-lead-0001' };
  lead.id = (
    await ok<{ id: number }>(lead.session, 'profiles:create', {
      name: 'Lead',
      role: 'lead',
      secret: 'concord',
    })
  ).id;
  const person = async (name: 'ana' | 'ben', pin: string): Promise<Person> => {
    const { id } = await ok<{ id: number }>(lead.session, 'profiles:create', {
      name,
      role: 'labeler',
      secret: pin,
    });
    const session = `session-${name}-0001`;
    await ok(session, 'session:signIn', { profileId: id, secret: pin });
    return { name, id, pin, session, markers: markersOf(name) };
  };
  const ana = await person('ana', '1357');
  const ben = await person('ben', '2468');
  const v1 = await ok<{ spec: InstructionSpec }>(lead.session, 'instructions:current', {});
  const note = [{ name: 'note', type: 'text' as const }];
  const spec: InstructionSpec = {
    ...v1.spec,
    classes: [
      cls('cls_scratch', 'scratch', '#e6194b', note),
      cls('cls_anaonly', 'pitting', '#3cb44b', note),
      cls('cls_benonly', 'smear', '#4363d8', note),
    ],
  };
  await ok(lead.session, 'instructions:save', { spec, note: 'classes', baseVersion: 1 });
  const round = await ok<{ id: number }>(lead.session, 'rounds:create', {
    labelerIds: [ana.id, ben.id],
    size: { count: 4 },
    seed: 1,
  });
  for (const p of [ana, ben]) {
    const d = docsFor(p.name);
    // Work on a blind item from before the round: hidden just the same while it is open.
    await ok(p.session, 'annotations:save', { assetId: images[0], doc: d.prior, baseRevision: 0 });
    for (const [n, assetId] of images.entries()) {
      await ok(p.session, 'annotations:save', {
        assetId,
        roundId: round.id,
        doc: d.image(n),
        baseRevision: 0,
      });
    }
    await ok(p.session, 'annotations:save', {
      assetId: audio,
      roundId: round.id,
      doc: d.audio,
      baseRevision: 0,
    });
    await ok(p.session, 'annotations:submit', { assetId: images[0], roundId: round.id });
  }
  return {
    dir,
    projectPath,
    services,
    server,
    spec,
    roundId: round.id,
    images,
    audio,
    lead,
    ana,
    ben,
    invoke,
    get,
    async dispose() {
      await server.close();
      services.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Collects every server-sent event of the run as text. */
export function listenToEvents(world: BlindWorld): { text(): string; close(): void } {
  let text = '';
  const req = http.get(
    {
      host: '127.0.0.1',
      port: world.server.port,
      path: '/api/events',
      headers: {
        host: `127.0.0.1:${world.server.port}`,
        authorization: `Bearer ${world.server.token}`,
      },
    },
    (res) => res.on('data', (c: Buffer) => (text += c.toString('utf8'))),
  );
  req.on('error', () => undefined);
  return { text: () => text, close: () => req.destroy() };
}
