import type { AssetMeta, SamplePlan } from './samplePlan';
import { SAMPLE_GENERATOR_VERSION } from './samplePlan';
import type { SpeechSegment } from './speechClips';
import type { DefectClass, TruthBox } from './steelDefects';
import { DEFECT_CLASSES } from './steelDefects';

export const METADATA_FILE = 'metadata.csv';
export const GROUND_TRUTH_FILE = 'ground-truth.json';

export interface ImageTruth {
  /** Relative to the sample folder (= the project folder), '/' separated. */
  file: string;
  /** Displayed size (after EXIF orientation); boxes are in these pixels. */
  width: number;
  height: number;
  orientation: number;
  tags: Array<'ok' | 'defective'>;
  boxes: TruthBox[];
  meta: AssetMeta;
}

export interface AudioTruth {
  file: string;
  durationSec: number;
  sampleRate: number;
  text: string;
  segments: SpeechSegment[];
  meta: AssetMeta;
}

/**
 * What the generator drew and said. Later seeds the example annotations of two labelers
 * for the agreement demo, and lets tests check detectors and VAD against the truth.
 */
export interface SampleGroundTruth {
  generator: { name: 'concord-sample'; version: number; seed: number };
  classes: readonly DefectClass[];
  images: ImageTruth[];
  audio: AudioTruth[];
}

export function groundTruth(
  seed: number,
  images: ImageTruth[],
  audio: AudioTruth[],
): SampleGroundTruth {
  return {
    generator: { name: 'concord-sample', version: SAMPLE_GENERATOR_VERSION, seed },
    classes: DEFECT_CLASSES,
    images,
    audio,
  };
}

const COLUMNS = ['factory', 'line', 'camera', 'shift'] as const;

/**
 * The metadata sidecar: `file,factory,line,camera,shift`, one row per asset. `file` is the
 * path relative to the CSV (which sits in the project folder), so it equals the asset's
 * stored relative path. No value needs quoting (plain words and dashes).
 */
export function metadataCsv(plan: SamplePlan): string {
  const rows = [['file', ...COLUMNS].join(',')];
  for (const asset of [...plan.images, ...plan.clips]) {
    rows.push([asset.file, ...COLUMNS.map((c) => asset.meta[c])].join(','));
  }
  return `${rows.join('\n')}\n`;
}
