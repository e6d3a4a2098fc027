// Real media files for the e2e flows, made on the spot (no downloads, no checked-in binaries).
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/** A gray steel-like surface with a dark diagonal "scratch", so thumbnails show something. */
function surface(width: number, height: number, seed: number): Buffer {
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const grain = ((x * 7919 + y * 104729 + seed * 31) % 23) - 11;
      const band = Math.sin((y + seed * 13) / 9) * 6;
      let v = 150 + grain + band + (x / width) * 20;
      const onScratch = Math.abs(y - ((x * 0.5 + seed * 7) % height)) < 2;
      if (onScratch) v -= 70;
      const i = (y * width + x) * 3;
      px[i] = px[i + 1] = Math.max(0, Math.min(255, v));
      px[i + 2] = Math.max(0, Math.min(255, v + 8));
    }
  }
  return px;
}

export interface ImageSet {
  files: string[];
  csv: string;
}

/**
 * `count` PNG/JPEG images under dir (half in line1/, half in line2/) and a metadata CSV
 * beside the folder: factory A for even indices, B for odd; line from the subfolder.
 */
export async function makeImageFolder(
  dir: string,
  count: number,
  csvPath: string,
): Promise<ImageSet> {
  const files: string[] = [];
  const rows = ['file,factory,line,camera'];
  for (let i = 0; i < count; i++) {
    const line = i % 2 === 0 ? 'line1' : 'line2';
    const ext = i % 3 === 0 ? 'jpg' : 'png';
    const name = `plate_${String(i).padStart(3, '0')}.${ext}`;
    const width = 320 + (i % 4) * 64;
    const height = 240;
    const sub = path.join(dir, line);
    fs.mkdirSync(sub, { recursive: true });
    const img = sharp(surface(width, height, i), { raw: { width, height, channels: 3 } });
    const file = path.join(sub, name);
    await (ext === 'jpg' ? img.jpeg({ quality: 85 }) : img.png()).toFile(file);
    files.push(file);
    rows.push(`${name},${i % 2 === 0 ? 'A' : 'B'},${line === 'line1' ? '1' : '2'},cam${i % 3}`);
  }
  fs.writeFileSync(csvPath, `${rows.join('\n')}\n`);
  return { files, csv: csvPath };
}

/** A mono 16-bit PCM WAV: a tone with a few bursts, so the waveform has a shape. */
export function writeWav(file: string, seconds = 2, sampleRate = 16000): void {
  const n = Math.round(seconds * sampleRate);
  const buf = Buffer.alloc(44 + n * 2);
  buf.write('RIFF', 0);
  buf.writeUInt32LE(36 + n * 2, 4);
  buf.write('WAVE', 8);
  buf.write('fmt ', 12);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36);
  buf.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    const envelope = Math.max(0, Math.sin(Math.PI * t * 3)) ** 2;
    const v = Math.sin(2 * Math.PI * 220 * t) * envelope * 0.8;
    buf.writeInt16LE(Math.round(v * 32767), 44 + i * 2);
  }
  fs.writeFileSync(file, buf);
}

/** Files the importer must refuse, each for a different reason. Returns their names. */
export async function writeBadFiles(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'empty.png'), Buffer.alloc(0));
  const jpeg = await sharp(surface(256, 256, 3), { raw: { width: 256, height: 256, channels: 3 } })
    .jpeg()
    .toBuffer();
  fs.writeFileSync(path.join(dir, 'truncated.jpg'), jpeg.subarray(0, 300));
  fs.writeFileSync(path.join(dir, 'notes.png'), 'this is a text file, not a picture\n');
  fs.writeFileSync(path.join(dir, 'noise.wav'), Buffer.from('RIFF0000WAVEjunkjunkjunk'));
  return ['empty.png', 'truncated.jpg', 'notes.png', 'noise.wav'];
}

/** `count` distinct small PNGs (the same picture with a different trailer after IEND). */
export async function writeManyPngs(dir: string, count: number): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const png = await sharp(surface(64, 48, 1), { raw: { width: 64, height: 48, channels: 3 } })
    .png()
    .toBuffer();
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(
      path.join(dir, `tiny_${String(i).padStart(5, '0')}.png`),
      Buffer.concat([png, Buffer.from(String(i))]),
    );
  }
}
