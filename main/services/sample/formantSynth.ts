import type { Rng } from './prng';

export const SAMPLE_RATE = 16_000;
/** Parameters change every 5 ms (80 samples), like a classic Klatt synthesizer frame. */
export const FRAME = 80;

/** One value per frame for each synthesis parameter. */
export interface Tracks {
  frames: number;
  f0: Float32Array;
  /** Formant frequencies (Hz) of the vocal-tract cascade. */
  f1: Float32Array;
  f2: Float32Array;
  f3: Float32Array;
  /** Voicing amplitude (glottal pulses into the cascade). */
  av: Float32Array;
  /** Aspiration noise into the cascade (the /h/ after a voiceless stop). */
  asp: Float32Array;
  /** Frication noise through its own resonator (s, f, stop bursts). */
  af: Float32Array;
  fricFreq: Float32Array;
  fricBw: Float32Array;
}

export function newTracks(frames: number): Tracks {
  const make = () => new Float32Array(frames);
  return {
    frames,
    f0: make(),
    f1: make(),
    f2: make(),
    f3: make(),
    av: make(),
    asp: make(),
    af: make(),
    fricFreq: make(),
    fricBw: make(),
  };
}

/**
 * Second-order digital resonator (Klatt 1980):
 *   y[n] = A x[n] + B y[n-1] + C y[n-2],  unity gain at 0 Hz, a peak at `freq`.
 */
class Resonator {
  private a = 0;
  private b = 0;
  private c = 0;
  private y1 = 0;
  private y2 = 0;

  set(freq: number, bandwidth: number): void {
    const t = 1 / SAMPLE_RATE;
    this.c = -Math.exp(-2 * Math.PI * bandwidth * t);
    this.b = 2 * Math.exp(-Math.PI * bandwidth * t) * Math.cos(2 * Math.PI * freq * t);
    this.a = 1 - this.b - this.c;
  }

  step(x: number): number {
    const y = this.a * x + this.b * this.y1 + this.c * this.y2;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

/** Open quotient: the glottis is open for this share of each period. */
const OPEN = 0.6;

/**
 * Renders the tracks: glottal pulses (the derivative of a KLGLOTT88 flow pulse, which
 * folds in lip radiation) plus aspiration noise through a four-formant cascade, and
 * frication noise through a parallel resonator. Returns samples in about [-1, 1].
 */
export function renderTracks(tracks: Tracks, rng: Rng, highVoice: boolean): Float32Array {
  const out = new Float32Array(tracks.frames * FRAME);
  const cascade = [new Resonator(), new Resonator(), new Resonator(), new Resonator()];
  const bandwidths = [80, 100, 150, 250];
  cascade[3]!.set(highVoice ? 3900 : 3500, bandwidths[3]!);
  const fric = new Resonator();
  let phase = 0;
  let jitter = 1;
  let lastNoise = 0;
  for (let f = 0; f < tracks.frames; f++) {
    cascade[0]!.set(tracks.f1[f]!, bandwidths[0]!);
    cascade[1]!.set(tracks.f2[f]!, bandwidths[1]!);
    cascade[2]!.set(tracks.f3[f]!, bandwidths[2]!);
    fric.set(tracks.fricFreq[f]! || 4000, tracks.fricBw[f]! || 1000);
    const av = tracks.av[f]!;
    const asp = tracks.asp[f]!;
    const af = tracks.af[f]!;
    for (let k = 0; k < FRAME; k++) {
      phase += (tracks.f0[f]! * jitter) / SAMPLE_RATE;
      if (phase >= 1) {
        phase -= 1;
        jitter = 1 + rng.gauss() * 0.006; // a little period jitter keeps it from buzzing
      }
      const p = phase / OPEN;
      const pulse = phase < OPEN ? 2 * p - 3 * p * p : 0;
      const noise = rng.next() * 2 - 1;
      let x = av * pulse + asp * noise * 0.6;
      for (const r of cascade) x = r.step(x);
      // Differenced noise is high-passed: frication has little energy below ~1 kHz.
      const hiss = fric.step(noise - lastNoise) * af;
      lastNoise = noise;
      out[f * FRAME + k] = x + hiss;
    }
  }
  return out;
}

/** Moving average over `width` frames: turns step targets into glides and ramps. */
export function smooth(track: Float32Array, width: number): void {
  if (width <= 1) return;
  const src = Float32Array.from(track);
  const half = Math.floor(width / 2);
  for (let i = 0; i < track.length; i++) {
    let sum = 0;
    let n = 0;
    for (let j = i - half; j <= i + half; j++) {
      if (j < 0 || j >= src.length) continue;
      sum += src[j]!;
      n++;
    }
    track[i] = sum / n;
  }
}
