// Fast structural checks for image files: the size from the header (so a huge image is
// refused before any decoder allocates memory for it) and proof that the file is complete.
// Walking chunk or segment headers costs far less than decoding and catches the common
// damage, a file cut off while copying, without a full decode at import time.
import type { ByteSource } from './byteSource';
import { ascii, u16le, u32be, u32le } from './byteSource';
import { BadFile, truncated } from './badFile';

export interface ImageSize {
  width: number;
  height: number;
}

/** PNG: IHDR first, then chunks up to an IEND that lies fully inside the file. */
export function checkPng(s: ByteSource): ImageSize {
  if (ascii(s, 12, 4) !== 'IHDR')
    throw new BadFile('not a valid PNG: the header chunk (IHDR) is missing');
  const size = { width: u32be(s, 16), height: u32be(s, 20) };
  let pos = 8;
  for (;;) {
    if (pos + 12 > s.size)
      throw truncated('PNG', 'the file ends before the end-of-image chunk (IEND)');
    const length = u32be(s, pos);
    const type = ascii(s, pos + 4, 4);
    const next = pos + 12 + length;
    if (next > s.size)
      throw truncated('PNG', `the "${type}" chunk at byte ${pos} runs past the end of the file`);
    if (type === 'IEND') return size;
    pos = next;
  }
}

const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * A JPEG whose segments or scan data are garbled although the file is complete (it ends with
 * the end-of-image marker). probeImage asks the decoder what is wrong with it.
 */
export class CorruptJpeg extends BadFile {}

/** Whether the file ends with FFD9, allowing a little padding that some tools append. */
function endsWithEoi(s: ByteSource): boolean {
  const n = Math.min(1024, s.size);
  const tail = s.read(s.size - n, n);
  let i = tail.length - 1;
  while (i >= 0 && (tail[i] === 0x00 || tail[i] === 0x0a || tail[i] === 0x0d || tail[i] === 0x20))
    i--;
  return i >= 1 && tail[i - 1] === 0xff && tail[i] === 0xd9;
}

/**
 * JPEG: as walkJpeg. The walk cannot tell a cut-off file from garbled data that hides the
 * markers, so "truncated" is only said when the file really lacks its end-of-image marker.
 */
export function checkJpeg(s: ByteSource): ImageSize {
  try {
    return walkJpeg(s);
  } catch (e) {
    if (e instanceof BadFile && e.message.startsWith('truncated') && endsWithEoi(s)) {
      throw new CorruptJpeg(
        'corrupt JPEG data: its markers are damaged although the file is complete',
      );
    }
    throw e;
  }
}

/** JPEG: segments up to the scan, then the entropy-coded data up to the EOI marker (FFD9). */
function walkJpeg(s: ByteSource): ImageSize {
  let size: ImageSize | null = null;
  let pos = 2;
  for (;;) {
    const at = s.indexOf(0xff, pos);
    if (at < 0 || at + 1 >= s.size)
      throw truncated('JPEG', 'the file ends before the end-of-image marker');
    const marker = s.read(at + 1, 1)[0]!;
    if (marker === 0xff || marker === 0x00) {
      pos = at + 1; // fill byte, or stray data between segments that decoders skip
      continue;
    }
    if (marker === 0xd9) {
      if (!size)
        throw new BadFile('not a valid JPEG: no frame header (SOF) before the end of the image');
      return size;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos = at + 2;
      continue;
    }
    const b = s.read(at + 2, 2);
    if (b.length < 2) throw truncated('JPEG', 'the file ends inside a segment header');
    const end = at + 2 + b.readUInt16BE(0);
    if (end > s.size) throw truncated('JPEG', 'a header segment runs past the end of the file');
    if (isSof(marker)) {
      const f = s.read(at + 5, 4);
      size = { height: f.readUInt16BE(0), width: f.readUInt16BE(2) };
    }
    pos = end;
    if (marker === 0xda) pos = skipEntropyData(s, end);
  }
}

/** Entropy-coded data never holds a bare 0xFF: it is stuffed as FF00, and FFD0-FFD7 are restarts. */
function skipEntropyData(s: ByteSource, from: number): number {
  let p = from;
  for (;;) {
    const at = s.indexOf(0xff, p);
    if (at < 0 || at + 1 >= s.size)
      throw truncated('JPEG', 'the image data ends before the end-of-image marker');
    const next = s.read(at + 1, 1)[0]!;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) {
      p = at + 1;
      continue;
    }
    return at;
  }
}

/** WebP: the RIFF size and every chunk fit in the file; size from VP8 / VP8L / VP8X. */
export function checkWebp(s: ByteSource): ImageSize {
  const riffEnd = 8 + u32le(s, 4);
  if (riffEnd > s.size) {
    throw truncated('WebP', `the header announces ${riffEnd} bytes but the file has ${s.size}`);
  }
  for (let pos = 12; pos + 8 <= riffEnd;) {
    const length = u32le(s, pos + 4);
    const next = pos + 8 + length + (length & 1);
    if (pos + 8 + length > riffEnd)
      throw truncated('WebP', `the "${ascii(s, pos, 4)}" chunk runs past the end`);
    pos = next;
  }
  const first = ascii(s, 12, 4);
  const h = s.read(20, 10);
  if (first === 'VP8X' && h.length >= 10) {
    return { width: 1 + h.readUIntLE(4, 3), height: 1 + h.readUIntLE(7, 3) };
  }
  if (first === 'VP8L' && h.length >= 5 && h[0] === 0x2f) {
    const bits = h.readUInt32LE(1);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (first === 'VP8 ' && h.length >= 10 && h[3] === 0x9d && h[4] === 0x01 && h[5] === 0x2a) {
    return { width: h.readUInt16LE(6) & 0x3fff, height: h.readUInt16LE(8) & 0x3fff };
  }
  throw new BadFile(`not a valid WebP: unknown first chunk "${first}"`);
}

/** Bytes per value of each TIFF field type (BYTE, ASCII, SHORT, LONG, RATIONAL, ... LONG8, IFD8). */
const TIFF_TYPE_SIZE: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
  16: 8,
  17: 8,
  18: 8,
};

/** TIFF (and BigTIFF): size from IFD0, and every strip or tile of IFD0 lies inside the file. */
export function checkTiff(s: ByteSource): ImageSize {
  const le = ascii(s, 0, 2) === 'II';
  const big = (le ? u16le(s, 2) : s.read(2, 2).readUInt16BE(0)) === 43;
  const num = (o: number, bytes: number): number => {
    const b = s.read(o, bytes);
    if (b.length < bytes)
      throw truncated('TIFF', 'a directory entry lies past the end of the file');
    if (bytes === 8) return Number(le ? b.readBigUInt64LE(0) : b.readBigUInt64BE(0));
    return le ? b.readUIntLE(0, bytes) : b.readUIntBE(0, bytes);
  };
  const ifd = big ? num(8, 8) : num(4, 4);
  if (ifd < 8 || ifd >= s.size)
    throw truncated('TIFF', 'the first image directory lies past the end of the file');
  const count = big ? num(ifd, 8) : num(ifd, 2);
  const entrySize = big ? 20 : 12;
  const first = ifd + (big ? 8 : 2);
  const inline = big ? 8 : 4;
  const tags = new Map<number, number[]>();
  for (let i = 0; i < Math.min(count, 4096); i++) {
    const e = first + i * entrySize;
    const tag = num(e, 2);
    const typeSize = TIFF_TYPE_SIZE[num(e + 2, 2)];
    if (!typeSize) continue;
    const n = big ? num(e + 4, 8) : num(e + 4, 4);
    const valueAt =
      n * typeSize <= inline ? e + (big ? 12 : 8) : big ? num(e + 12, 8) : num(e + 8, 4);
    // Every tag's values must be present, not only the ones read here.
    if (valueAt + n * typeSize > s.size)
      throw truncated('TIFF', `the values of tag ${tag} lie past the end of the file`);
    if (
      ![256, 257, 273, 279, 324, 325].includes(tag) ||
      (typeSize !== 2 && typeSize !== 4 && typeSize !== 8)
    )
      continue;
    const values: number[] = [];
    for (let k = 0; k < Math.min(n, 1_000_000); k++)
      values.push(num(valueAt + k * typeSize, typeSize));
    tags.set(tag, values);
  }
  const width = tags.get(256)?.[0];
  const height = tags.get(257)?.[0];
  if (!width || !height) throw new BadFile('not a valid TIFF: the image size tags are missing');
  const offsets = tags.get(273) ?? tags.get(324) ?? [];
  const counts = tags.get(279) ?? tags.get(325) ?? [];
  for (let k = 0; k < Math.min(offsets.length, counts.length); k++) {
    if (offsets[k]! + counts[k]! > s.size) {
      throw truncated(
        'TIFF',
        `image data block ${k + 1} of ${offsets.length} lies past the end of the file`,
      );
    }
  }
  return { width, height };
}
