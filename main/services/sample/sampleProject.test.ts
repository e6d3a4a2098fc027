import decodeAudio from 'audio-decode';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../../shared/api/schemas/assets';
import { listAssets, metadataFacets } from '../assets/assetRepository';
import { derivativesIdle } from '../assets/derivatives';
import { profileRows } from '../identity/profileRepository';
import { currentVersion } from '../instructions/instructionRepository';
import { ProjectHost } from '../project/projectHost';
import type { SampleGroundTruth } from './sampleMetadata';
import type { SampleMarker } from './sampleProject';
import { ensureSampleProject, SAMPLE_MARKER, SAMPLE_PROJECT_NAME } from './sampleProject';

let appDataDir: string;
let projectPath: string;
let sampleDir: string;
let firstRunMs: number;

/** Every file under `dir` with its modification time, to prove nothing was rewritten. */
function mtimes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), fs.statSync(file).mtimeMs);
  }
  return out;
}

function withProject<T>(fn: (assets: Asset[], host: ProjectHost) => T): T {
  const host = new ProjectHost();
  try {
    const p = host.open(projectPath);
    return fn(listAssets(p.db, { offset: 0, limit: 2000 }).items, host);
  } finally {
    host.close();
  }
}

const readTruth = (): SampleGroundTruth =>
  JSON.parse(
    fs.readFileSync(path.join(sampleDir, 'ground-truth.json'), 'utf8'),
  ) as SampleGroundTruth;

beforeAll(async () => {
  appDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-sample-'));
  const started = performance.now();
  const cpu = process.cpuUsage();
  projectPath = await ensureSampleProject(appDataDir);
  firstRunMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu); // this process, worker threads included
  sampleDir = path.dirname(projectPath);
  const marker = JSON.parse(
    fs.readFileSync(path.join(sampleDir, SAMPLE_MARKER), 'utf8'),
  ) as SampleMarker;
  console.log(
    `sample project generated in ${Math.round(firstRunMs)} ms (${Math.round((user + system) / 1000)} ms CPU)`,
    marker.timingsMs,
  );
});

afterAll(async () => {
  await derivativesIdle(); // the sample's thumbnails are made in the background
  fs.rmSync(appDataDir, { recursive: true, force: true });
});

describe('ensureSampleProject', () => {
  it('creates the sample project beside its generated files', () => {
    expect(projectPath).toBe(path.join(appDataDir, 'sample', 'Sample.concord'));
    for (const f of ['metadata.csv', 'ground-truth.json', SAMPLE_MARKER])
      expect(fs.existsSync(path.join(sampleDir, f))).toBe(true);
    withProject((_assets, host) => {
      expect(host.summary()).toMatchObject({
        name: SAMPLE_PROJECT_NAME,
        isSample: true,
        imageCount: 36,
        audioCount: 5,
      });
    });
  });

  it('references every image and clip in place, with its CSV metadata', () => {
    withProject((assets, host) => {
      const truth = readTruth();
      expect(assets.filter((a) => a.kind === 'image')).toHaveLength(truth.images.length);
      expect(assets.filter((a) => a.kind === 'audio')).toHaveLength(truth.audio.length);
      expect(new Set(assets.map((a) => a.relPath))).toEqual(
        new Set([...truth.images, ...truth.audio].map((t) => t.file)),
      );
      for (const a of assets) {
        expect(a.stored).toBe('reference');
        expect(Object.keys(a.metadata)).toEqual(
          expect.arrayContaining(['factory', 'line', 'camera', 'shift']),
        );
      }
      const facets = Object.fromEntries(
        metadataFacets(host.require().db).map((f) => [f.name, f.values.length]),
      );
      expect(facets).toMatchObject({ factory: 2, line: 3, camera: 2, shift: 2 });
    });
  });

  it('stores displayed sizes: the EXIF orientation 6 JPEG is portrait though its pixels are landscape', async () => {
    const turned = withProject((assets) => assets.filter((a) => a.orientation === 6));
    expect(turned).toHaveLength(1);
    const asset = turned[0]!;
    const raw = await sharp(path.join(sampleDir, asset.relPath)).metadata();
    expect([raw.width, raw.height]).toEqual([1024, 768]);
    expect([asset.width, asset.height]).toEqual([768, 1024]);
    const truth = readTruth().images.find((i) => i.file === asset.relPath)!;
    expect([truth.width, truth.height]).toEqual([768, 1024]);
  });

  it('keeps ground-truth boxes inside the displayed image of each asset', () => {
    const truth = readTruth();
    const byPath = withProject((assets) => new Map(assets.map((a) => [a.relPath, a])));
    expect(truth.images.some((i) => i.boxes.length === 0 && i.tags[0] === 'ok')).toBe(true);
    const classes = new Set(truth.images.flatMap((i) => i.boxes.map((b) => b.class)));
    expect(classes).toEqual(new Set(['scratch', 'spot', 'inclusion']));
    for (const image of truth.images) {
      const asset = byPath.get(image.file)!;
      expect([asset.width, asset.height]).toEqual([image.width, image.height]);
      for (const b of image.boxes) {
        expect(b.x + b.w).toBeLessThanOrEqual(image.width);
        expect(b.y + b.h).toBeLessThanOrEqual(image.height);
      }
    }
  });

  it('writes WAVs that decode to 16 kHz mono speech of a plausible length', async () => {
    const truth = readTruth();
    const byPath = withProject((assets) => new Map(assets.map((a) => [a.relPath, a])));
    for (const clip of truth.audio) {
      const decoded = await decodeAudio(fs.readFileSync(path.join(sampleDir, clip.file)));
      expect(decoded.sampleRate).toBe(16_000);
      expect(decoded.channelData).toHaveLength(1);
      const seconds = decoded.channelData[0]!.length / decoded.sampleRate;
      expect(seconds).toBeGreaterThanOrEqual(2);
      expect(seconds).toBeLessThanOrEqual(5);
      expect(seconds).toBeCloseTo(clip.durationSec, 2);
      expect(byPath.get(clip.file)!.durationSec).toBeCloseTo(seconds, 1);
      expect(clip.text.length).toBeGreaterThan(0);
      expect(clip.segments.length).toBeGreaterThan(0);
    }
  });

  it('gives the sample its people and instructions', () => {
    withProject((_assets, host) => {
      const db = host.require().db;
      const people = profileRows(db).map((p) => [p.name, p.role]);
      expect(people).toEqual(
        expect.arrayContaining([
          ['Lead', 'lead'],
          ['ana', 'labeler'],
          ['ben', 'labeler'],
        ]),
      );
      // Blind rounds need a PIN for every labeler: the sample's can run one at once.
      expect(profileRows(db).every((p) => p.secretHash !== null)).toBe(true);
      const spec = currentVersion(db).spec;
      expect(spec.classes.map((c) => [c.name, c.hotkey])).toEqual([
        ['scratch', '1'],
        ['spot', '2'],
        ['inclusion', '3'],
      ]);
      expect(spec.tags.map((t) => [t.name, t.noDefects])).toEqual([
        ['ok', true],
        ['defective', false],
        ['uncertain', false],
      ]);
      for (const c of spec.classes) expect(c.examples.length).toBe(1);
    });
  });

  it('returns the finished sample without regenerating it', async () => {
    const before = mtimes(sampleDir);
    const started = performance.now();
    expect(await ensureSampleProject(appDataDir)).toBe(projectPath);
    const again = performance.now() - started;
    expect(mtimes(sampleDir)).toEqual(before);
    expect(again).toBeLessThan(firstRunMs / 2);
  });

  it('rebuilds, byte for byte, a sample whose generation did not finish', async () => {
    const truthBefore = fs.readFileSync(path.join(sampleDir, 'ground-truth.json'));
    const imageBefore = fs.readFileSync(path.join(sampleDir, 'images', 'steel_001.jpg'));
    fs.rmSync(path.join(sampleDir, SAMPLE_MARKER)); // as if the app died before the marker
    const leftover = path.join(appDataDir, 'sample.partial-999999999-1');
    fs.mkdirSync(leftover);
    fs.writeFileSync(path.join(leftover, 'junk.png'), 'half a file');

    expect(await ensureSampleProject(appDataDir)).toBe(projectPath);
    expect(fs.existsSync(path.join(sampleDir, SAMPLE_MARKER))).toBe(true);
    expect(fs.readdirSync(appDataDir)).toEqual(['sample']);
    expect(fs.readFileSync(path.join(sampleDir, 'ground-truth.json')).equals(truthBefore)).toBe(
      true,
    );
    expect(
      fs.readFileSync(path.join(sampleDir, 'images', 'steel_001.jpg')).equals(imageBefore),
    ).toBe(true);
    withProject((_assets, host) =>
      expect(host.summary()).toMatchObject({ imageCount: 36, audioCount: 5 }),
    );
  });

  it('generates once when asked twice at the same time', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-sample-twice-'));
    try {
      const [a, b] = await Promise.all([ensureSampleProject(dir), ensureSampleProject(dir)]);
      expect(a).toBe(b);
      expect(fs.readdirSync(dir)).toEqual(['sample']);
    } finally {
      await derivativesIdle();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses, and keeps, a sample written by a newer Concord', async () => {
    const db = new Database(projectPath);
    db.pragma('user_version = 9999');
    db.close();
    await expect(ensureSampleProject(appDataDir)).rejects.toMatchObject({ code: 'SCHEMA_TOO_NEW' });
    expect(fs.existsSync(path.join(sampleDir, SAMPLE_MARKER))).toBe(true);
    expect(fs.readdirSync(appDataDir)).toEqual(['sample']);
  });
});
