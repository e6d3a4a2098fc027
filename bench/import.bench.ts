// `npm run bench -- import [N]`: imports N generated 640x480 images (half JPEG, half PNG, with
// noise so they do not compress to nothing) into a fresh project in reference mode and prints
// images/s for hashing + metadata (the import call), then the background thumbnails/display
// images. Budget (product.md): >= 500 images/s for hashing + metadata on a 2-core machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import sharp from 'sharp';
import { derivativesIdle } from '../main/services/assets/derivatives';
import { importAssets } from '../main/services/assets/importAssets';
import { ProjectHost } from '../main/services/project/projectHost';
import { closeMediaPool } from '../main/workers/mediaClient';

const N = Number(process.argv[2] ?? 2000);
const W = 640;
const H = 480;
const BASES = 16;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Smooth gradients plus noise: photographs compress about like this. */
function noiseImage(seed: number): Buffer {
  const raw = Buffer.alloc(W * H * 3);
  let s = seed * 2654435761;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      s = (s * 1103515245 + 12345) >>> 0;
      const n = (s >>> 24) % 48;
      const i = (y * W + x) * 3;
      raw[i] = (x * 255) / W + n;
      raw[i + 1] = (y * 255) / H + n;
      raw[i + 2] = ((x + y + seed * 40) % 255) + n;
    }
  }
  return raw;
}

/** A unique file from a base image without re-encoding: a JPEG comment or a PNG tEXt chunk. */
function uniqueCopy(base: Buffer, jpeg: boolean, i: number): Buffer {
  const text = Buffer.from(`concord-bench-${i}`);
  if (jpeg) {
    const seg = Buffer.alloc(4);
    seg.writeUInt16BE(0xfffe, 0);
    seg.writeUInt16BE(text.length + 2, 2);
    return Buffer.concat([base.subarray(0, 2), seg, text, base.subarray(2)]);
  }
  const body = Buffer.concat([Buffer.from('tEXt'), Buffer.from('Comment\0'), text]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length - 4, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([base.subarray(0, 33), len, body, crc, base.subarray(33)]);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-bench-import-'));
  const host = new ProjectHost();
  try {
    const imgDir = path.join(dir, 'images');
    fs.mkdirSync(imgDir);
    let t = performance.now();
    const bases = await Promise.all(
      Array.from({ length: BASES }, (_, k) => {
        const img = sharp(noiseImage(k + 1), { raw: { width: W, height: H, channels: 3 } });
        return k % 2 === 0 ? img.jpeg({ quality: 85 }).toBuffer() : img.png().toBuffer();
      }),
    );
    let bytes = 0;
    for (let i = 0; i < N; i++) {
      const k = i % BASES;
      const buf = uniqueCopy(bases[k]!, k % 2 === 0, i);
      bytes += buf.length;
      fs.writeFileSync(
        path.join(imgDir, `img_${String(i).padStart(6, '0')}.${k % 2 === 0 ? 'jpg' : 'png'}`),
        buf,
      );
    }
    console.log(
      `generated ${N} images (${(bytes / 1e6).toFixed(0)} MB, ${W}x${H}) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const project = host.create(path.join(dir, 'bench.concord'), 'bench');
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    t = performance.now();
    const result = await importAssets(
      project,
      { paths: [imgDir], mode: 'reference' },
      { signal: new AbortController().signal, onProgress: () => {} },
    );
    const importSec = (performance.now() - t) / 1000;
    lag.disable();
    console.log(
      `import (hash + metadata): ${result.imported} imported, ${result.failed.length} failed in ${importSec.toFixed(2)} s = ${(N / importSec).toFixed(0)} images/s (${(bytes / 1e6 / importSec).toFixed(0)} MB/s)`,
    );
    console.log(
      `main thread event-loop delay during import: p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`,
    );
    const t2 = performance.now();
    await derivativesIdle();
    const thumbSec = (performance.now() - t2) / 1000;
    console.log(
      `background thumbnails: ${thumbSec.toFixed(2)} s = ${(N / thumbSec).toFixed(0)} images/s`,
    );
    console.log(
      `total (import + thumbnails): ${(importSec + thumbSec).toFixed(2)} s = ${(N / (importSec + thumbSec)).toFixed(0)} images/s`,
    );
    if (result.failed.length) console.log('first failure:', result.failed[0]);
  } finally {
    host.close();
    await closeMediaPool();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
