import { describe, expect, it } from 'vitest';
import { planSample } from './samplePlan';
import type { SpeechSegment } from './speechClips';
import { synthesizeClip } from './speechClips';

function readPcm16(wav: Buffer): {
  sampleRate: number;
  channels: number;
  bits: number;
  samples: Float32Array;
} {
  expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
  expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
  expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
  const n = wav.readUInt32LE(40) / 2;
  const samples = new Float32Array(n);
  for (let i = 0; i < n; i++) samples[i] = wav.readInt16LE(44 + i * 2) / 32768;
  return {
    sampleRate: wav.readUInt32LE(24),
    channels: wav.readUInt16LE(22),
    bits: wav.readUInt16LE(34),
    samples,
  };
}

/**
 * A plain energy voice-activity detector (20 ms frames, 35 dB below the loudest frame,
 * gaps under 250 ms bridged): if this finds the phrases, any real VAD will.
 */
function energyVad(samples: Float32Array, sampleRate: number): SpeechSegment[] {
  const hop = sampleRate / 50;
  const energy: number[] = [];
  for (let i = 0; i + hop <= samples.length; i += hop) {
    let e = 0;
    for (let j = i; j < i + hop; j++) e += samples[j]! * samples[j]!;
    energy.push(10 * Math.log10(e / hop + 1e-12));
  }
  const threshold = Math.max(...energy) - 35;
  const out: SpeechSegment[] = [];
  energy.forEach((e, f) => {
    if (e < threshold) return;
    const t = f / 50;
    const last = out[out.length - 1];
    if (last && t - last.end < 0.25) last.end = t + 0.02;
    else out.push({ start: t, end: t + 0.02, text: '' });
  });
  return out;
}

describe('speech clips', () => {
  const { clips } = planSample();

  it('are 16 kHz mono 16-bit WAVs of 2-5 s', () => {
    expect(clips.length).toBeGreaterThanOrEqual(4);
    expect(clips.length).toBeLessThanOrEqual(6);
    for (const plan of clips) {
      const clip = synthesizeClip(plan);
      const wav = readPcm16(clip.wav);
      expect(wav).toMatchObject({ sampleRate: 16_000, channels: 1, bits: 16 });
      const seconds = wav.samples.length / wav.sampleRate;
      expect(seconds).toBeCloseTo(clip.durationSec, 3);
      expect(seconds).toBeGreaterThanOrEqual(2);
      expect(seconds).toBeLessThanOrEqual(5);
      expect(clip.text).toBe(plan.phrases.flat().join(' '));
    }
  });

  it('have pauses where a voice-activity detector finds the phrases', () => {
    for (const plan of clips) {
      const clip = synthesizeClip(plan);
      const found = energyVad(readPcm16(clip.wav).samples, clip.sampleRate);
      expect(found.length, plan.file).toBe(clip.segments.length);
      found.forEach((seg, i) => {
        const truth = clip.segments[i]!;
        expect(Math.abs(seg.start - truth.start), `${plan.file} start ${i}`).toBeLessThan(0.08);
        expect(Math.abs(seg.end - truth.end), `${plan.file} end ${i}`).toBeLessThan(0.08);
      });
      // Silence before the first and after the last phrase.
      expect(clip.segments[0]!.start).toBeGreaterThan(0.25);
      expect(clip.durationSec - clip.segments[clip.segments.length - 1]!.end).toBeGreaterThan(0.25);
    }
  });

  it('sounds voiced: a steady pitch in the range of a human voice', () => {
    const clip = synthesizeClip(clips[0]!);
    const { samples, sampleRate } = readPcm16(clip.wav);
    // Autocorrelation over 40 ms in the middle of the first phrase's first vowel region.
    const seg = clip.segments[0]!;
    const start = Math.round((seg.start + 0.1) * sampleRate);
    const win = samples.subarray(start, start + 640);
    let bestLag = 0;
    let best = -Infinity;
    for (let lag = sampleRate / 400; lag <= sampleRate / 70; lag++) {
      let r = 0;
      for (let i = 0; i + lag < win.length; i++) r += win[i]! * win[i + lag]!;
      if (r > best) [best, bestLag] = [r, lag];
    }
    const f0 = sampleRate / bestLag;
    expect(f0).toBeGreaterThan(80);
    expect(f0).toBeLessThan(260);
  });

  it('are byte-identical on every run', () => {
    expect(synthesizeClip(clips[1]!).wav.equals(synthesizeClip(clips[1]!).wav)).toBe(true);
  });
});
