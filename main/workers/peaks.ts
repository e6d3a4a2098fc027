// Waveform peaks, computed once per audio file and cached as JSON:
//   { version: 1, sampleRate, channels, durationSec, samplesPerBucket, scale: 1000,
//     peaks: [min0, max0, min1, max1, ...] }   values are amplitude * scale, all channels folded.
// Buckets are 30 ms (2000 per minute) for long files, and at least ~2000 per file for short
// clips, so a 1 h recording is ~120,000 buckets and a 2 s clip still draws a smooth waveform.
import fs from 'node:fs';
import type { AudioFormat } from '../services/assets/mediaFormats';
import type { ByteSource } from './byteSource';
import { FileSource } from './byteSource';
import type { Codec } from './audioDecode';
import { decodeFile } from './audioDecode';
import type { PeaksInput } from './mediaProtocol';
import type { AudioInfo } from './probeAudio';
import { parseWav, probeMp3, probeOgg } from './probeAudio';
import { parseFlacHeader } from './probeFlac';
import { writeAtomically } from './renderImage';

export const PEAKS_SCALE = 1000;

export function samplesPerBucketFor(sampleRate: number, totalSamples: number): number {
  return Math.max(1, Math.min(Math.round(sampleRate * 0.03), Math.ceil(totalSamples / 2000)));
}

export class PeakBuilder {
  readonly peaks: number[] = [];
  private lo = Infinity;
  private hi = -Infinity;
  private count = 0;

  constructor(readonly samplesPerBucket: number) {}

  /** One sample frame, already folded over channels. */
  push(lo: number, hi: number): void {
    if (lo < this.lo) this.lo = lo;
    if (hi > this.hi) this.hi = hi;
    if (++this.count === this.samplesPerBucket) this.flush();
  }

  addChannels(channels: Float32Array[]): void {
    const n = channels[0]?.length ?? 0;
    for (let i = 0; i < n; i++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const ch of channels) {
        const v = ch[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      this.push(lo, hi);
    }
  }

  finish(): number[] {
    if (this.count > 0) this.flush();
    return this.peaks;
  }

  private flush(): void {
    const q = (v: number) => Math.round(Math.max(-1, Math.min(1, v)) * PEAKS_SCALE);
    this.peaks.push(q(this.lo), q(this.hi));
    this.lo = Infinity;
    this.hi = -Infinity;
    this.count = 0;
  }
}

/** WAV is read directly, in blocks, without going through a decoder. */
function wavPeaks(s: FileSource): { info: AudioInfo; peaks: number[] } {
  const w = parseWav(s);
  const frames = w.dataBytes / w.blockAlign;
  const builder = new PeakBuilder(samplesPerBucketFor(w.sampleRate, frames));
  const bytesPerSample = w.bits / 8;
  const read = (b: Buffer, o: number): number => {
    if (w.encoding === 'float') return w.bits === 32 ? b.readFloatLE(o) : b.readDoubleLE(o);
    if (w.bits === 8) return (b[o]! - 128) / 128;
    if (w.bits === 16) return b.readInt16LE(o) / 32768;
    if (w.bits === 24) return b.readIntLE(o, 3) / 8388608;
    return b.readInt32LE(o) / 2147483648;
  };
  const block = Math.max(1, Math.floor((1 << 20) / w.blockAlign)) * w.blockAlign;
  for (let pos = 0; pos < w.dataBytes; pos += block) {
    const b = s.read(w.dataOffset + pos, Math.min(block, w.dataBytes - pos));
    for (let f = 0; f + w.blockAlign <= b.length; f += w.blockAlign) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let c = 0; c < w.channels; c++) {
        const v = read(b, f + c * bytesPerSample);
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      builder.push(lo, hi);
    }
  }
  return { info: w, peaks: builder.finish() };
}

function headerInfo(
  s: ByteSource,
  format: Exclude<AudioFormat, 'wav'>,
): { info: AudioInfo; codec: Codec } {
  if (format === 'mp3') return { info: probeMp3(s), codec: 'mp3' };
  if (format === 'ogg') {
    const o = probeOgg(s);
    return { info: o, codec: o.codec === 'opus' ? 'opus' : 'oga' };
  }
  const f = parseFlacHeader(s);
  return {
    info: {
      sampleRate: f.sampleRate,
      channels: f.channels,
      durationSec: f.totalSamples / f.sampleRate,
    },
    codec: 'flac',
  };
}

export async function computePeaks(input: PeaksInput): Promise<{ buckets: number; bytes: number }> {
  const fd = fs.openSync(input.source, 'r');
  let info: AudioInfo;
  let peaks: number[];
  let samplesPerBucket: number;
  try {
    const s = new FileSource(fd, fs.fstatSync(fd).size);
    if (input.format === 'wav') {
      ({ info, peaks } = wavPeaks(s));
      samplesPerBucket = samplesPerBucketFor(
        info.sampleRate,
        Math.round(info.durationSec * info.sampleRate),
      );
    } else {
      const h = headerInfo(s, input.format);
      info = h.info;
      samplesPerBucket = samplesPerBucketFor(
        info.sampleRate,
        Math.round(info.durationSec * info.sampleRate),
      );
      const builder = new PeakBuilder(samplesPerBucket);
      for await (const chunk of decodeFile(input.source, h.codec))
        builder.addChannels(chunk.channelData);
      peaks = builder.finish();
    }
  } finally {
    fs.closeSync(fd);
  }
  const json = JSON.stringify({
    version: 1,
    sampleRate: info.sampleRate,
    channels: info.channels,
    durationSec: info.durationSec,
    samplesPerBucket,
    scale: PEAKS_SCALE,
    peaks,
  });
  await writeAtomically(input.target, (tmp) => fs.promises.writeFile(tmp, json));
  return { buckets: peaks.length / 2, bytes: Buffer.byteLength(json) };
}
