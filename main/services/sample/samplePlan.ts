import { Rng, seedFrom } from './prng';
import type { DefectClass } from './steelDefects';

/** Bump when the generator's output changes, so a stale sample can be told apart. */
export const SAMPLE_GENERATOR_VERSION = 1;
export const SAMPLE_SEED = 20240917;

export const IMAGE_COUNT = 36;

export interface AssetMeta {
  factory: string;
  line: string;
  camera: string;
  shift: 'day' | 'night';
}

export interface ImagePlan {
  /** Relative to the sample folder, '/' separated. */
  file: string;
  format: 'png' | 'jpeg';
  /** Displayed size (after EXIF orientation). */
  width: number;
  height: number;
  /** EXIF orientation written into the file; 6 means stored rotated, shown turned 90° clockwise. */
  orientation: 1 | 6;
  defects: DefectClass[];
  meta: AssetMeta;
  seed: number;
}

export interface ClipPlan {
  file: string;
  /** Phrases separated by long pauses; each phrase is a few words with short gaps. */
  phrases: string[][];
  voice: 'low' | 'high';
  meta: AssetMeta;
  seed: number;
}

export interface SamplePlan {
  images: ImagePlan[];
  clips: ClipPlan[];
}

const FACTORIES = ['north', 'south'];
const LINES = ['line-1', 'line-2', 'line-3'];
const CAMERAS = ['cam-a', 'cam-b'];
const SHIFTS = ['day', 'night'] as const;

// Words the formant synthesizer can say: consonant-vowel syllables from its small alphabet.
const CLIP_PHRASES: Array<{ phrases: string[][]; voice: 'low' | 'high' }> = [
  {
    phrases: [
      ['mila', 'sona'],
      ['tebu', 'lano'],
    ],
    voice: 'low',
  },
  { phrases: [['nimo', 'bela', 'sati']], voice: 'high' },
  { phrases: [['dano'], ['kelu', 'mina'], ['fosa']], voice: 'low' },
  {
    phrases: [
      ['lamo', 'sina'],
      ['pote', 'dumi', 'nala'],
    ],
    voice: 'high',
  },
  { phrases: [['bomi', 'tasu', 'leno']], voice: 'low' },
];

function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Every combination of factory x line x camera x shift, shuffled, repeated as needed. */
function metaCycle(count: number, rng: Rng): AssetMeta[] {
  const combos: AssetMeta[] = [];
  for (const factory of FACTORIES)
    for (const line of LINES)
      for (const camera of CAMERAS)
        for (const shift of SHIFTS) combos.push({ factory, line, camera, shift });
  const out: AssetMeta[] = [];
  while (out.length < count) out.push(...shuffle([...combos], rng));
  return out.slice(0, count);
}

function pickDefects(rng: Rng, meta: AssetMeta): DefectClass[] {
  const count = rng.pick([1, 1, 2, 2, 2, 3, 3, 4]);
  // Line 3 has a worn roller: more scratches there, so slicing by line shows something.
  const scratchWeight = meta.line === 'line-3' ? 0.6 : 0.38;
  const out: DefectClass[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.next();
    out.push(
      r < scratchWeight
        ? 'scratch'
        : r < scratchWeight + (1 - scratchWeight) * 0.58
          ? 'spot'
          : 'inclusion',
    );
  }
  return out;
}

/** The whole sample, decided up front from one seed, so every run yields the same files. */
export function planSample(seed = SAMPLE_SEED): SamplePlan {
  const rng = new Rng(seed);
  const metas = metaCycle(IMAGE_COUNT, rng);
  const defectFree = new Set(
    shuffle(
      [...Array(IMAGE_COUNT).keys()].filter((i) => i !== 5 && i !== 12 && i !== 29),
      rng,
    ).slice(0, 8),
  );
  const images: ImagePlan[] = [];
  for (let i = 0; i < IMAGE_COUNT; i++) {
    const n = String(i + 1).padStart(3, '0');
    const meta = metas[i]!;
    let width = 1024;
    let height = 768;
    let format: 'png' | 'jpeg' = rng.chance(0.45) ? 'png' : 'jpeg';
    let orientation: 1 | 6 = 1;
    if (i === 12 || i === 29) [width, height] = [2048, 1536];
    else if (i % 9 === 3) [width, height] = [800, 600];
    // One portrait camera mounted sideways: stored landscape, EXIF says turn it.
    if (i === 5) [width, height, format, orientation] = [768, 1024, 'jpeg', 6];
    const defects = defectFree.has(i) ? [] : pickDefects(rng, meta);
    const file = `images/steel_${n}.${format === 'png' ? 'png' : 'jpg'}`;
    images.push({
      file,
      format,
      width,
      height,
      orientation,
      defects,
      meta,
      seed: seedFrom(seed, file),
    });
  }
  const clipMetas = metaCycle(CLIP_PHRASES.length, rng);
  const clips = CLIP_PHRASES.map((c, i): ClipPlan => {
    const file = `audio/speech_${String(i + 1).padStart(2, '0')}.wav`;
    return {
      file,
      phrases: c.phrases,
      voice: c.voice,
      meta: clipMetas[i]!,
      seed: seedFrom(seed, file),
    };
  });
  return { images, clips };
}
