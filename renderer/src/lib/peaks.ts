/**
 * Audio peaks for drawing a waveform: per bucket the lowest and highest sample in -1..1.
 * The services cache them per asset (variant 'peaks'); this reads the shapes a peaks file
 * may take so the renderer does not break if the file grows fields.
 */
export interface Peaks {
  min: number[];
  max: number[];
  durationSec: number | null;
}

function isNumberArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number');
}

function scaleFor(bits: unknown, values: number[]): number {
  if (bits === 8) return 127;
  if (bits === 16) return 32767;
  const peak = values.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  return peak > 1 ? peak : 1;
}

function fromInterleaved(data: number[], scale: number): Pick<Peaks, 'min' | 'max'> {
  const min: number[] = [];
  const max: number[] = [];
  for (let i = 0; i + 1 < data.length; i += 2) {
    min.push(data[i]! / scale);
    max.push(data[i + 1]! / scale);
  }
  return { min, max };
}

/** Accepts {min,max}, {peaks} (absolute or interleaved), audiowaveform-style {data,bits} or a bare array. */
export function parsePeaks(json: unknown): Peaks | null {
  if (isNumberArray(json)) return { ...symmetric(json), durationSec: null };
  if (typeof json !== 'object' || json === null) return null;
  const o = json as Record<string, unknown>;
  const duration =
    typeof o.durationSec === 'number' ? o.durationSec : typeof o.duration === 'number' ? o.duration : null;
  if (isNumberArray(o.min) && isNumberArray(o.max)) {
    const scale = scaleFor(o.bits, [...o.min, ...o.max]);
    return { min: o.min.map((x) => x / scale), max: o.max.map((x) => x / scale), durationSec: duration };
  }
  if (isNumberArray(o.data)) {
    return { ...fromInterleaved(o.data, scaleFor(o.bits, o.data)), durationSec: duration };
  }
  if (isNumberArray(o.peaks)) {
    const interleaved = o.interleaved === true || o.peaks.some((x) => x < 0);
    const scale = scaleFor(o.bits, o.peaks);
    return {
      ...(interleaved ? fromInterleaved(o.peaks, scale) : symmetric(o.peaks.map((x) => x / scale))),
      durationSec: duration,
    };
  }
  return null;
}

function symmetric(abs: number[]): Pick<Peaks, 'min' | 'max'> {
  const scale = scaleFor(undefined, abs);
  return { min: abs.map((x) => -Math.abs(x) / scale), max: abs.map((x) => Math.abs(x) / scale) };
}

/** Reduces to `buckets` columns (min of mins, max of maxes) for a drawing of that width. */
export function resamplePeaks(p: Pick<Peaks, 'min' | 'max'>, buckets: number): Pick<Peaks, 'min' | 'max'> {
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
