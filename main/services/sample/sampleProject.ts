import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/envelope';
import { openDatabase } from '../../db/connection';
import { listAssets } from '../assets/assetRepository';
import { ensureVariant, variantPlan } from '../assets/derivatives';
import { importAssets } from '../assets/importAssets';
import type { OpenProject } from '../project/projectHost';
import { ProjectHost } from '../project/projectHost';
import { writeSampleFiles } from './sampleFiles';
import { METADATA_FILE } from './sampleMetadata';
import { planSample, SAMPLE_GENERATOR_VERSION } from './samplePlan';
import { seedSamplePeopleAndInstructions } from './sampleSeeds';

export const SAMPLE_PROJECT_NAME = 'Sample — steel sheet defects';
export const SAMPLE_DIR = 'sample';
export const SAMPLE_PROJECT_FILE = 'Sample.concord';
/** Written last: a sample folder without it is a generation that did not finish. */
export const SAMPLE_MARKER = '.sample-complete.json';

export interface SampleMarker {
  generatorVersion: number;
  images: number;
  audio: number;
  /** How long each stage took, for the report and for spotting slow machines. */
  timingsMs: { files: number; import: number; seed: number; thumbnails: number; total: number };
}

const PARTIAL = /^sample\.(partial|old)-(\d+)-\d+$/;

/** One generation per data folder at a time, even if the button is clicked twice. */
const inFlight = new Map<string, Promise<string>>();

/**
 * Returns the path of the sample project, generating it on first use:
 *   <appDataDir>/sample/Sample.concord      the project (assets referenced in place)
 *   <appDataDir>/sample/images|audio/...     generated, deterministic files
 *   <appDataDir>/sample/metadata.csv, ground-truth.json
 * A finished sample is returned untouched. An unfinished one (crash, deleted marker, a
 * project that does not open) is rebuilt in a temporary folder and renamed into place, so
 * nobody ever sees a half-made sample.
 */
export function ensureSampleProject(appDataDir: string): Promise<string> {
  const key = path.resolve(appDataDir);
  let running = inFlight.get(key);
  if (!running) {
    running = ensure(key).finally(() => inFlight.delete(key));
    inFlight.set(key, running);
  }
  return running;
}

async function ensure(appDataDir: string): Promise<string> {
  const dir = path.join(appDataDir, SAMPLE_DIR);
  const projectPath = path.join(dir, SAMPLE_PROJECT_FILE);
  if (readCompleteMarker(dir)) return projectPath;
  fs.mkdirSync(appDataDir, { recursive: true });
  removeLeftovers(appDataDir);
  const temp = path.join(appDataDir, `${SAMPLE_DIR}.partial-${process.pid}-${Date.now()}`);
  try {
    await generateSample(temp);
    swapInto(temp, dir, appDataDir);
  } catch (e) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  return projectPath;
}

/**
 * The marker of a finished sample whose project opens, else null. Only the marker and the
 * project are checked, not the asset count or the generator version: people may have
 * labeled or imported into the sample, and that work must survive an app update.
 */
export function readCompleteMarker(dir: string): SampleMarker | null {
  let marker: SampleMarker;
  try {
    marker = JSON.parse(fs.readFileSync(path.join(dir, SAMPLE_MARKER), 'utf8')) as SampleMarker;
  } catch {
    return null;
  }
  if (typeof marker.images !== 'number' || typeof marker.audio !== 'number') return null;
  try {
    const db = openDatabase(path.join(dir, SAMPLE_PROJECT_FILE));
    try {
      const row = db.prepare('SELECT is_sample AS isSample FROM project WHERE id = 1').get() as
        { isSample: number } | undefined;
      return row?.isSample === 1 ? marker : null;
    } finally {
      db.close();
    }
  } catch (e) {
    // A sample from a newer Concord is refused like any project, never overwritten.
    if (e instanceof AppError && e.code === 'SCHEMA_TOO_NEW') throw e;
    return null; // missing, damaged or not a project: rebuild it
  }
}

/** Files, project, import, people and instructions, then the marker, all inside `dir`. */
export async function generateSample(dir: string): Promise<SampleMarker> {
  const started = performance.now();
  const plan = planSample();
  const truth = await writeSampleFiles(dir, plan);
  const filesDone = performance.now();

  const host = new ProjectHost();
  let importDone: number;
  let seedDone: number;
  try {
    const project = host.create(path.join(dir, SAMPLE_PROJECT_FILE), SAMPLE_PROJECT_NAME, {
      isSample: true,
    });
    const result = await importAssets(
      project,
      {
        paths: [path.join(dir, 'images'), path.join(dir, 'audio')],
        mode: 'reference',
        metadataCsv: path.join(dir, METADATA_FILE),
      },
      { signal: new AbortController().signal, onProgress: () => {} },
    );
    const expected = plan.images.length + plan.clips.length;
    if (
      result.imported !== expected ||
      result.failed.length > 0 ||
      result.metadataWarnings.length > 0
    ) {
      const problems = [
        ...result.failed.map((f) => `${f.path}: ${f.error}`),
        ...result.metadataWarnings,
      ];
      throw new Error(
        `the sample project imported ${result.imported} of ${expected} files: ${problems.join('; ')}`,
      );
    }
    importDone = performance.now();
    await seedSamplePeopleAndInstructions(project.db, truth.images);
    seedDone = performance.now();
    await makeDerivatives(project);
  } finally {
    host.close();
  }
  const done = performance.now();
  const marker: SampleMarker = {
    generatorVersion: SAMPLE_GENERATOR_VERSION,
    images: plan.images.length,
    audio: plan.clips.length,
    timingsMs: {
      files: Math.round(filesDone - started),
      import: Math.round(importDone - filesDone),
      seed: Math.round(seedDone - importDone),
      thumbnails: Math.round(done - seedDone),
      total: Math.round(done - started),
    },
  };
  fs.writeFileSync(path.join(dir, SAMPLE_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  return marker;
}

/**
 * Makes the thumbnails and peaks now instead of leaving them to the background queue: they
 * land in the data folder before it is renamed into place (so the sample opens with its grid
 * ready), and no background job is left writing into the temporary folder. Jobs the import
 * already queued are shared (same target file), or skipped once the project is closed.
 */
async function makeDerivatives(project: OpenProject): Promise<void> {
  const assets = listAssets(project.db, { offset: 0, limit: 2000 }).items;
  const jobs = assets.flatMap((a) =>
    (a.kind === 'audio' ? (['peaks'] as const) : (['thumb', 'display'] as const))
      .filter((v) => variantPlan(project, a, v).kind === 'cached')
      .map((v) => ensureVariant(project, a, v, 'high')),
  );
  await Promise.all(jobs);
}

/** Replaces `dir` with the finished `temp`; the broken old folder is moved aside, then deleted. */
function swapInto(temp: string, dir: string, appDataDir: string): void {
  let old: string | null = null;
  if (fs.existsSync(dir)) {
    old = path.join(appDataDir, `${SAMPLE_DIR}.old-${process.pid}-${Date.now()}`);
    fs.renameSync(dir, old);
  }
  try {
    fs.renameSync(temp, dir);
  } catch (e) {
    if (old) fs.renameSync(old, dir);
    throw e;
  }
  if (old) fs.rmSync(old, { recursive: true, force: true });
}

/** Removes folders left by a generation that crashed, unless their process is still running. */
function removeLeftovers(appDataDir: string): void {
  for (const name of fs.readdirSync(appDataDir)) {
    const m = PARTIAL.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && isAlive(pid)) continue;
    fs.rmSync(path.join(appDataDir, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
