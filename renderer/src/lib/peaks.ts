import { z } from 'zod';

/**
 * Audio peaks for drawing a waveform: per bucket the lowest and highest sample in -1..1.
 * The services cache them per asset as JSON (variant 'peaks', written by
 * main/workers/peaks.ts):
 *   { version: 1, sampleRate, channels, durationSec, samplesPerBucket, scale,
 *     peaks: [min0, max0, min1, max1, ...] }   values are amplitude * scale
 */
export interface Peaks {
  min: number[];
  max: number[];
  durationSec: number;
}

const PeaksFile = z.object({
  version: z.literal(1),
  durationSec: z.number().nonnegative(),
  scale: z.number().positive(),
  peaks: z.array(z.number()),
});

/** Null for anything that is not a version-1 peaks file (the waveform is then left out). */
export function parsePeaks(json: unknown): Peaks | null {
  const parsed = PeaksFile.safeParse(json);
  if (!parsed.success) return null;
  const { peaks, scale, durationSec } = parsed.data;
  const min: number[] = [];
  const max: number[] = [];
  for (let i = 0; i + 1 < peaks.length; i += 2) {
    min.push(peaks[i]! / scale);
    max.push(peaks[i + 1]! / scale);
  }
  return { min, max, durationSec };
}

/** Reduces to `buckets` columns (min of mins, max of maxes) for a drawing of that width. */
export function resamplePeaks(
  p: Pick<Peaks, 'min' | 'max'>,
  buckets: number,
): Pick<Peaks, 'min' | 'max'> {
  const n = p.min.length;
  if (n === 0 || buckets <= 0) return { min: [], max: [] };
  const min: number[] = [];
  const max: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.max(from + 1, Math.floor(((b + 1) * n) / buckets));
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = from; i < to && i < n; i++) {
      lo = Math.min(lo, p.min[i]!);
      hi = Math.max(hi, p.max[i]!);
    }
    min.push(Number.isFinite(lo) ? lo : 0);
    max.push(Number.isFinite(hi) ? hi : 0);
  }
  return { min, max };
}
