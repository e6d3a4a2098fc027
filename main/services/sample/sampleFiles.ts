import fs from 'node:fs';
import path from 'node:path';
import type { AudioTruth, ImageTruth, SampleGroundTruth } from './sampleMetadata';
import { GROUND_TRUTH_FILE, groundTruth, METADATA_FILE, metadataCsv } from './sampleMetadata';
import type { SamplePlan } from './samplePlan';
import { SAMPLE_SEED } from './samplePlan';
import { synthesizeClip } from './speechClips';
import { encodeSteelImage, renderSteelImage } from './steelImages';

/** At most this many encodes in flight: sharp works on its own threads while we draw the next. */
const MAX_PENDING_ENCODES = 3;

const target = (dir: string, file: string) => path.join(dir, ...file.split('/'));

/**
 * Writes every sample file into `dir`: images/, audio/, metadata.csv and ground-truth.json.
 * Drawing is synchronous JavaScript; encoding runs on sharp's thread pool, overlapped with
 * drawing the next image, which keeps both cores busy.
 */
export async function writeSampleFiles(dir: string, plan: SamplePlan): Promise<SampleGroundTruth> {
  fs.mkdirSync(path.join(dir, 'images'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'audio'), { recursive: true });

  const images: ImageTruth[] = [];
  const pending = new Set<Promise<void>>();
  const errors: unknown[] = [];
  for (const p of plan.images) {
    const rendered = renderSteelImage(p);
    images.push({
      file: p.file,
      width: p.width,
      height: p.height,
      orientation: p.orientation,
      tags: rendered.boxes.length > 0 ? ['defective'] : ['ok'],
      boxes: rendered.boxes,
      meta: p.meta,
    });
    const job: Promise<void> = encodeSteelImage(p, rendered)
      .then((bytes) => fs.promises.writeFile(target(dir, p.file), bytes))
      .catch((e: unknown) => void errors.push(e))
      .finally(() => pending.delete(job));
    pending.add(job);
    if (pending.size >= MAX_PENDING_ENCODES) await Promise.race(pending);
  }

  const audio: AudioTruth[] = [];
  for (const c of plan.clips) {
    const clip = synthesizeClip(c);
    fs.writeFileSync(target(dir, c.file), clip.wav);
    audio.push({
      file: c.file,
      durationSec: clip.durationSec,
      sampleRate: clip.sampleRate,
      text: clip.text,
      segments: clip.segments,
      meta: c.meta,
    });
  }
  // Jobs never reject (errors are collected), so this waits for every encode to finish.
  await Promise.all(pending);
  if (errors.length > 0) throw errors[0];

  const truth = groundTruth(SAMPLE_SEED, images, audio);
  fs.writeFileSync(path.join(dir, METADATA_FILE), metadataCsv(plan));
  fs.writeFileSync(path.join(dir, GROUND_TRUTH_FILE), `${JSON.stringify(truth, null, 2)}\n`);
  return truth;
}
