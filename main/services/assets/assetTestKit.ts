// Helpers for the asset tests: real media files written byte by byte (WAV, BMP) or with
// sharp, in temp folders, and a real project to import them into.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { ImportResult } from '../../../shared/api/schemas/assets';
import type { OpenProject } from '../project/projectHost';
import { ProjectHost } from '../project/projectHost';
import type { ImportInput, ImportOptions } from './importAssets';
import { derivativesIdle } from './derivatives';
import { importAssets } from './importAssets';

export const FIXTURES = path.join(__dirname, '__fixtures__');

export interface WavSpec {
  sampleRate?: number;
  channels?: number;
  bits?: 8 | 16 | 24 | 32;
  float?: boolean;
  seconds?: number;
  freq?: number;
}

/** A PCM (or float) WAV of a sine tone. */
export function makeWav(spec: WavSpec = {}): Buffer {
  const {
    sampleRate = 8000,
    channels = 1,
    bits = 16,
    float = false,
    seconds = 0.5,
    freq = 440,
  } = spec;
  const frames = Math.round(sampleRate * seconds);
  const bytesPer = bits / 8;
  const data = Buffer.alloc(frames * channels * bytesPer);
  for (let i = 0; i < frames; i++) {
    const v = 0.5 * Math.sin((2 * Math.PI * freq * i) / sampleRate);
    for (let c = 0; c < channels; c++) {
      const o = (i * channels + c) * bytesPer;
      if (float) data.writeFloatLE(v, o);
      else if (bits === 8) data[o] = Math.round(128 + v * 127);
      else if (bits === 16) data.writeInt16LE(Math.round(v * 32767), o);
      else if (bits === 24) data.writeIntLE(Math.round(v * 8388607), o, 3);
      else data.writeInt32LE(Math.round(v * 2147483647), o);
    }
  }
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'latin1');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(float ? 3 : 1, 8);
  fmt.writeUInt16LE(channels, 10);
  fmt.writeUInt32LE(sampleRate, 12);
  fmt.writeUInt32LE(sampleRate * channels * bytesPer, 16);
  fmt.writeUInt16LE(channels * bytesPer, 20);
  fmt.writeUInt16LE(bits, 22);
  const head = Buffer.alloc(20);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(4 + fmt.length + 8 + data.length, 4);
  head.write('WAVE', 8, 'latin1');
  head.write('data', 12, 'latin1');
  head.writeUInt32LE(data.length, 16);
  return Buffer.concat([head.subarray(0, 12), fmt, head.subarray(12), data]);
}

export interface BmpSpec {
  width: number;
  height: number;
  bpp: 8 | 24 | 32;
  compression?: number;
  topDown?: boolean;
  /** Colour of pixel (x, y) as [r, g, b]. */
  pixel?: (x: number, y: number) => [number, number, number];
}

/** An uncompressed BMP with a BITMAPINFOHEADER (8-bit uses a grey palette: r=g=b=index). */
export function makeBmp(spec: BmpSpec): Buffer {
  const { width, height, bpp, compression = 0, topDown = false } = spec;
  const pixel = spec.pixel ?? ((x, y) => [(x * 40) % 256, (y * 60) % 256, 128]);
  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  const paletteSize = bpp === 8 ? 256 * 4 : 0;
  const offset = 14 + 40 + paletteSize;
  const buf = Buffer.alloc(offset + stride * height);
  buf.write('BM', 0, 'latin1');
  buf.writeUInt32LE(buf.length, 2);
  buf.writeUInt32LE(offset, 10);
  buf.writeUInt32LE(40, 14);
  buf.writeInt32LE(width, 18);
  buf.writeInt32LE(topDown ? -height : height, 22);
  buf.writeUInt16LE(1, 26);
  buf.writeUInt16LE(bpp, 28);
  buf.writeUInt32LE(compression, 30);
  for (let i = 0; bpp === 8 && i < 256; i++) buf.fill(i, 54 + i * 4, 54 + i * 4 + 3);
  for (let y = 0; y < height; y++) {
    const row = offset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      if (bpp === 8) buf[row + x] = r;
      else {
        const o = row + x * (bpp / 8);
        buf[o] = b;
        buf[o + 1] = g;
        buf[o + 2] = r;
      }
    }
  }
  return buf;
}

export function solid(width: number, height: number, background = '#808080', channels: 3 | 4 = 3) {
  return sharp({ create: { width, height, channels, background } });
}

export interface World {
  dir: string;
  host: ProjectHost;
  project: OpenProject;
  /** Writes a file under the world's folder (creating folders) and returns its path. */
  write(rel: string, bytes: Buffer | string): string;
  importPaths(
    paths: string[],
    extra?: Partial<ImportInput>,
    opts?: Partial<ImportOptions>,
  ): Promise<ImportResult>;
  /** Closes the project, lets in-flight background work settle, removes the folder. */
  dispose(): Promise<void>;
}

export function createWorld(): World {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-assets-'));
  const host = new ProjectHost();
  const project = host.create(path.join(dir, 'project', 'test.concord'), 'test', {
    createParent: true,
  });
  return {
    dir,
    host,
    project,
    write(rel, bytes) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
      return file;
    },
    importPaths(paths, extra = {}, opts = {}) {
      const { signal = new AbortController().signal, onProgress = () => {} } = opts;
      return importAssets(project, { paths, mode: 'reference', ...extra }, { signal, onProgress });
    },
    async dispose() {
      host.close();
      await derivativesIdle();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function failureFor(result: ImportResult, fileName: string): string | undefined {
  return result.failed.find((f) => path.basename(f.path) === fileName)?.error;
}
