import type { Tracks } from './formantSynth';
import { FRAME, newTracks, renderTracks, SAMPLE_RATE, smooth } from './formantSynth';
import { Rng } from './prng';
import type { ClipPlan } from './samplePlan';
import { encodeWav } from './wav';

export interface SpeechSegment {
  /** Seconds. */
  start: number;
  end: number;
  text: string;
}

export interface SynthesizedClip {
  wav: Buffer;
  sampleRate: number;
  durationSec: number;
  text: string;
  /** One per phrase: where the voice is, for voice-activity and transcript demos. */
  segments: SpeechSegment[];
}

/** F1, F2, F3 in Hz. */
type Formants = readonly number[];

/** One steady stretch of the synthesizer: amplitudes plus where the formants aim. */
interface Phone {
  ms: number;
  av: number;
  asp: number;
  af: number;
  fric?: readonly [number, number];
  /** Own formant targets (nasals, l), or undefined for the vowel's: vowels, and consonants
   * whose tract already takes the shape of the vowel that follows. */
  formants?: Formants;
}

// Peterson & Barney style averages for an adult male voice.
const VOWELS: Record<string, Formants> = {
  a: [730, 1090, 2440],
  e: [530, 1840, 2480],
  i: [270, 2290, 3010],
  o: [570, 840, 2410],
  u: [300, 870, 2240],
};

const STOP_PLACE: Record<string, readonly [number, number]> = {
  p: [1200, 1500],
  b: [1200, 1500],
  t: [4200, 2000],
  d: [4200, 2000],
  k: [2200, 900],
};

function consonant(letter: string): Phone[] {
  switch (letter) {
    case 'm':
      return [{ ms: 70, av: 0.3, asp: 0, af: 0, formants: [250, 1100, 2300] }];
    case 'n':
      return [{ ms: 65, av: 0.3, asp: 0, af: 0, formants: [250, 1600, 2600] }];
    case 'l':
      return [{ ms: 60, av: 0.5, asp: 0, af: 0, formants: [360, 1300, 2800] }];
    case 's':
      return [{ ms: 110, av: 0, asp: 0, af: 0.28, fric: [5500, 1800] }];
    case 'f':
      return [{ ms: 100, av: 0, asp: 0, af: 0.22, fric: [3500, 4000] }];
    case 'v':
      return [{ ms: 80, av: 0.3, asp: 0, af: 0.15, fric: [3500, 4000] }];
    default: {
      const place = STOP_PLACE[letter];
      if (!place) throw new Error(`the sample synthesizer cannot say "${letter}"`);
      const voiced = letter === 'b' || letter === 'd';
      const phones: Phone[] = [
        { ms: voiced ? 50 : 60, av: voiced ? 0.06 : 0, asp: 0, af: 0 }, // closure
        { ms: 15, av: 0, asp: 0, af: 0.8, fric: place }, // release burst
      ];
      if (!voiced) phones.push({ ms: 35, av: 0, asp: 0.35, af: 0 }); // aspiration
      return phones;
    }
  }
}

interface Placed {
  start: number;
  frames: number;
  phone: Phone;
  vowel: Formants;
  stress: boolean;
}

/** Lays out the phrases frame by frame and fills the parameter tracks. */
function layout(plan: ClipPlan, rng: Rng): { tracks: Tracks; segments: SpeechSegment[] } {
  const scale = plan.voice === 'high' ? 1.15 : 1;
  const baseF0 = plan.voice === 'high' ? 205 : 115;
  const ms = (v: number) => Math.max(1, Math.round(v / ((FRAME / SAMPLE_RATE) * 1000)));
  const placed: Placed[] = [];
  const phraseSpans: Array<{ start: number; end: number; text: string }> = [];
  let t = ms(rng.range(320, 500));
  plan.phrases.forEach((words, p) => {
    if (p > 0) t += ms(rng.range(450, 700));
    const phraseStart = t;
    words.forEach((word, w) => {
      if (w > 0) t += ms(70);
      const letters = [...word];
      const vowelIdx = letters.flatMap((l, i) => (VOWELS[l] ? [i] : []));
      letters.forEach((letter, i) => {
        const nextVowel =
          letters.slice(i).find((l) => VOWELS[l]) ??
          letters
            .slice(0, i)
            .reverse()
            .find((l) => VOWELS[l]);
        const target = VOWELS[nextVowel ?? 'a']!.map((f) => f * scale);
        const first = i === vowelIdx[0];
        let phones: Phone[];
        if (VOWELS[letter]) {
          const wordFinal = i === vowelIdx[vowelIdx.length - 1];
          const phraseFinal = wordFinal && w === words.length - 1;
          const length = (first ? 150 : 125) + (wordFinal ? 40 : 0) + (phraseFinal ? 70 : 0);
          phones = [{ ms: length * rng.range(0.92, 1.08), av: first ? 1 : 0.8, asp: 0, af: 0 }];
        } else {
          phones = consonant(letter);
        }
        for (const phone of phones) {
          const frames = ms(phone.ms);
          placed.push({ start: t, frames, phone, vowel: target, stress: first });
          t += frames;
        }
      });
    });
    phraseSpans.push({ start: phraseStart, end: t, text: words.join(' ') });
  });
  const total = t + ms(rng.range(380, 520));

  const tracks = newTracks(total);
  const neutral = VOWELS.a!.map((f) => f * scale);
  tracks.f1.fill(neutral[0]!);
  tracks.f2.fill(neutral[1]!);
  tracks.f3.fill(neutral[2]!);
  for (const { start, frames, phone, vowel, stress } of placed) {
    const formants = phone.formants ? phone.formants.map((f) => f * scale) : vowel;
    for (let f = start; f < start + frames; f++) {
      tracks.f1[f] = formants[0]!;
      tracks.f2[f] = formants[1]!;
      tracks.f3[f] = formants[2]!;
      tracks.av[f] = phone.av;
      tracks.asp[f] = phone.asp;
      tracks.af[f] = phone.af;
      tracks.fricFreq[f] = phone.fric?.[0] ?? 0;
      tracks.fricBw[f] = phone.fric?.[1] ?? 0;
      tracks.f0[f] = stress && phone.av >= 0.8 ? 1.07 : 1;
    }
  }
  // Intonation: each phrase starts high and falls (declination); stressed vowels rise.
  let span = 0;
  for (let f = 0; f < total; f++) {
    while (span < phraseSpans.length - 1 && f >= phraseSpans[span]!.end) span++;
    const s = phraseSpans[span]!;
    const progress = Math.min(1, Math.max(0, (f - s.start) / (s.end - s.start)));
    tracks.f0[f] = baseF0 * (1.08 - 0.18 * progress) * (tracks.f0[f]! || 1);
  }
  smooth(tracks.f1, 7);
  smooth(tracks.f2, 7);
  smooth(tracks.f3, 7);
  smooth(tracks.f0, 11);
  smooth(tracks.av, 3);
  smooth(tracks.asp, 2);
  smooth(tracks.af, 2);

  const sec = (frames: number) => Math.round(((frames * FRAME) / SAMPLE_RATE) * 1000) / 1000;
  return {
    tracks,
    segments: phraseSpans.map((s) => ({ start: sec(s.start), end: sec(s.end), text: s.text })),
  };
}

/** Removes DC, normalizes the peak, then adds a faint room-noise floor (digital silence is unnatural). */
function master(raw: Float32Array, rng: Rng): Float32Array {
  const out = new Float32Array(raw.length);
  let x1 = 0;
  let y1 = 0;
  let peak = 1e-9;
  for (let i = 0; i < raw.length; i++) {
    const y = raw[i]! - x1 + 0.995 * y1;
    x1 = raw[i]!;
    y1 = y;
    out[i] = y;
    peak = Math.max(peak, Math.abs(y));
  }
  const gain = 0.7 / peak;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! * gain + rng.gauss() * 0.0006;
  return out;
}

/** A short, deterministic "utterance" from the formant synthesizer, as a WAV file. */
export function synthesizeClip(plan: ClipPlan): SynthesizedClip {
  const rng = new Rng(plan.seed);
  const { tracks, segments } = layout(plan, rng);
  const samples = master(renderTracks(tracks, rng, plan.voice === 'high'), rng);
  return {
    wav: encodeWav(samples, SAMPLE_RATE),
    sampleRate: SAMPLE_RATE,
    durationSec: samples.length / SAMPLE_RATE,
    text: plan.phrases.map((p) => p.join(' ')).join(' '),
    segments,
  };
}
