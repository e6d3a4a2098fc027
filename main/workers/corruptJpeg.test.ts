import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { probeFile } from './probeFile';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-jpeg-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A noisy 256x256 JPEG, so the scan data is long and has no accidental structure. */
async function noisyJpeg(): Promise<Buffer> {
  const raw = Buffer.alloc(256 * 256 * 3);
  let x = 12345;
  for (let i = 0; i < raw.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = x & 0xff;
  }
  return sharp(raw, { raw: { width: 256, height: 256, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

const probe = (file: string) => probeFile({ path: file, expected: 'jpeg', maxPixels: 50e6 });

describe('damaged JPEG files', () => {
  it('calls a complete file with garbled scan data corrupt, with the decoder message', async () => {
    const jpg = await noisyJpeg();
    const bad = Buffer.from(jpg);
    // garble the middle of the scan with a run of markers (what a bit-rotten copy looks like)
    for (let i = 0; i < 64; i += 2) {
      bad[Math.floor(bad.length / 2) + i] = 0xff;
      bad[Math.floor(bad.length / 2) + i + 1] = 0xc4 + (i % 8);
    }
    expect(bad.subarray(-2).toString('hex')).toBe('ffd9');
    const file = path.join(dir, 'corrupt_body.jpg');
    fs.writeFileSync(file, bad);
    const result = await probe(file);
    expect(result.ok).toBe(false);
    const error = result.ok ? '' : result.error;
    expect(error).toMatch(/^corrupt JPEG data: \S/);
    expect(error).not.toMatch(/truncated|cut off/);
  });

  it('still calls a file that ends early truncated', async () => {
    const jpg = await noisyJpeg();
    const file = path.join(dir, 'cut.jpg');
    fs.writeFileSync(file, jpg.subarray(0, Math.floor(jpg.length * 0.6)));
    const result = await probe(file);
    expect(result.ok ? '' : result.error).toMatch(/^truncated JPEG: .*cut off while copying/);
  });
});
