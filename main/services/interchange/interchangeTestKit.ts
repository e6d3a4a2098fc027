import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { derivativesIdle } from '../assets/derivatives';
import { importAssets } from '../assets/importAssets';
import { cliOwner } from '../identity/actor';
import { importInstructions } from '../instructions/instructionService';
import type { OpenProject } from '../project/projectHost';
import { ProjectHost } from '../project/projectHost';
import { encodeWav } from '../sample/wav';

/**
 * A real project for interchange tests: a SQLite file, real images made with sharp (one
 * with EXIF orientation 6, so displayed and stored sizes differ) and a real WAV file.
 *
 *   imgs/line1/a.png   100x50        imgs/b.jpg   stored 80x40, displayed 40x80
 *   imgs/line2/a.png   100x50        imgs/c.png   64x64
 *   audio/hello.wav    2 s
 */
export interface Fixture {
  dir: string;
  host: ProjectHost;
  project: OpenProject;
  close(): Promise<void>;
}

export const INSTRUCTIONS = {
  name: 'Steel',
  classes: [
    {
      name: 'scratch',
      attributes: [{ name: 'severity', type: 'enum', options: ['minor', 'major'] }],
    },
    { name: 'dent' },
    { name: 'foreign particle' },
  ],
  tags: [{ name: 'ok', noDefects: true }, { name: 'defective' }, { name: 'uncertain' }],
};

async function png(file: string, width: number, height: number, seed: number): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const background = { r: (seed * 53) % 256, g: (seed * 97) % 256, b: (seed * 29) % 256 };
  await sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toFile(file);
}

export async function makeFixture(): Promise<Fixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-interchange-'));
  await png(path.join(dir, 'imgs/line1/a.png'), 100, 50, 1);
  await png(path.join(dir, 'imgs/line2/a.png'), 100, 50, 2);
  await png(path.join(dir, 'imgs/c.png'), 64, 64, 3);
  await sharp({
    create: { width: 80, height: 40, channels: 3, background: { r: 10, g: 200, b: 30 } },
  })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toFile(path.join(dir, 'imgs/b.jpg'));
  const samples = new Float32Array(16_000 * 2).map((_, i) => 0.2 * Math.sin(i / 5));
  fs.mkdirSync(path.join(dir, 'audio'));
  fs.writeFileSync(path.join(dir, 'audio/hello.wav'), encodeWav(samples, 16_000));

  const host = new ProjectHost();
  const project = host.create(path.join(dir, 'p.concord'), 'Interchange');
  const result = await importAssets(
    project,
    { paths: [path.join(dir, 'imgs'), path.join(dir, 'audio')], mode: 'reference' },
    { signal: new AbortController().signal, onProgress: () => {} },
  );
  if (result.imported !== 5) throw new Error(`fixture import failed: ${JSON.stringify(result)}`);
  importInstructions(project.db, cliOwner, { json: JSON.stringify(INSTRUCTIONS), note: 'test' });
  return {
    dir,
    host,
    project,
    async close() {
      host.close();
      // The import queued thumbnails; one may still be writing into the cache folder.
      await derivativesIdle();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every annotation row and revision, to prove a refused import changed nothing. */
export function snapshot(project: OpenProject): string {
  const { db } = project;
  return JSON.stringify({
    profiles: db.prepare('SELECT id, name, role FROM profiles ORDER BY id').all(),
    annotations: db.prepare('SELECT * FROM annotations ORDER BY id').all(),
    revisions: db.prepare('SELECT * FROM annotation_revisions ORDER BY id').all(),
  });
}

export function writeJson(file: string, value: unknown): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

export function revisionCount(project: OpenProject): number {
  return (
    project.db.prepare('SELECT COUNT(*) AS n FROM annotation_revisions').get() as { n: number }
  ).n;
}
