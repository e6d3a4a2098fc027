// A small BMP reader: sharp/libvips cannot read BMP. Supports the uncompressed variants that
// cameras and inspection software write (1/4/8-bit paletted, 16/24/32-bit, BI_BITFIELDS);
// RLE and embedded JPEG/PNG are refused with a reason.
import type { ByteSource } from './byteSource';
import { bufferSource, u16le, u32le } from './byteSource';
import { BadFile, truncated } from './badFile';

export interface BmpHeader {
  width: number;
  height: number;
  topDown: boolean;
  bpp: number;
  dataOffset: number;
  stride: number;
  /** RGBA colours for paletted images. */
  palette: Uint8Array | null;
  /** Channel masks for 16/32-bit images. */
  masks: { r: number; g: number; b: number; a: number } | null;
}

const COMPRESSION_NAMES: Record<number, string> = {
  1: 'RLE8 compression',
  2: 'RLE4 compression',
  4: 'embedded JPEG data',
  5: 'embedded PNG data',
  6: 'BI_ALPHABITFIELDS',
  11: 'CMYK',
  12: 'CMYK RLE8',
  13: 'CMYK RLE4',
};

/** Reads and validates the header; throws BadFile for unsupported or truncated files. */
export function parseBmpHeader(s: ByteSource): BmpHeader {
  const dataOffset = u32le(s, 10);
  const dib = u32le(s, 14);
  let width: number;
  let rawHeight: number;
  let bpp: number;
  let compression = 0;
  let colorsUsed = 0;
  if (dib === 12) {
    width = u16le(s, 18);
    rawHeight = u16le(s, 20);
    bpp = u16le(s, 24);
  } else if (dib >= 40 && dib <= 124) {
    const h = s.read(18, 36);
    if (h.length < 36) throw truncated('BMP', 'the file ends inside the header');
    width = h.readInt32LE(0);
    rawHeight = h.readInt32LE(4);
    bpp = h.readUInt16LE(10);
    compression = h.readUInt32LE(12);
    colorsUsed = h.readUInt32LE(28);
  } else {
    throw new BadFile(`not a valid BMP: unknown header size ${dib}`);
  }
  if (compression !== 0 && compression !== 3) {
    const name = COMPRESSION_NAMES[compression] ?? `compression type ${compression}`;
    throw new BadFile(
      `BMP with ${name} is not supported; save it as an uncompressed BMP or as PNG`,
    );
  }
  if (![1, 4, 8, 16, 24, 32].includes(bpp))
    throw new BadFile(`BMP with ${bpp} bits per pixel is not supported`);
  if (compression === 3 && bpp !== 16 && bpp !== 32)
    throw new BadFile(`not a valid BMP: bit fields with ${bpp}-bit pixels`);
  if (width <= 0 || rawHeight === 0)
    throw new BadFile(`not a valid BMP: image size ${width}x${rawHeight}`);

  let masks: BmpHeader['masks'] = null;
  if (compression === 3) {
    // The masks follow the 40-byte core of every info header (inside it for v4/v5 headers).
    masks = { r: u32le(s, 54), g: u32le(s, 58), b: u32le(s, 62), a: dib >= 56 ? u32le(s, 66) : 0 };
  } else if (bpp === 16) {
    masks = { r: 0x7c00, g: 0x03e0, b: 0x001f, a: 0 };
  } else if (bpp === 32) {
    // BI_RGB 32-bit: the fourth byte is "unused" by the spec; many writers leave it 0.
    masks = { r: 0x00ff0000, g: 0x0000ff00, b: 0x000000ff, a: 0 };
  }

  let palette: Uint8Array | null = null;
  if (bpp <= 8) {
    const count = colorsUsed || 1 << bpp;
    const entry = dib === 12 ? 3 : 4;
    const at = 14 + dib;
    const raw = s.read(at, count * entry);
    if (raw.length < count * entry) throw truncated('BMP', 'the file ends inside the colour table');
    palette = new Uint8Array(256 * 4);
    for (let i = 0; i < Math.min(count, 256); i++) {
      palette[i * 4] = raw[i * entry + 2]!;
      palette[i * 4 + 1] = raw[i * entry + 1]!;
      palette[i * 4 + 2] = raw[i * entry]!;
      palette[i * 4 + 3] = 255;
    }
  }

  const height = Math.abs(rawHeight);
  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  const needed = dataOffset + stride * height;
  if (needed > s.size) {
    throw truncated('BMP', `the pixel data needs ${needed} bytes but the file has ${s.size}`);
  }
  return { width, height, topDown: rawHeight < 0, bpp, dataOffset, stride, palette, masks };
}

function maskReader(mask: number): (v: number) => number {
  if (!mask) return () => 255;
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  const max = mask >>> shift;
  return (v) => Math.round((((v & mask) >>> shift) * 255) / max);
}

/** Decodes to top-down RGB (or RGBA when the file carries real alpha) for sharp's raw input. */
export function decodeBmp(buf: Buffer): {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
} {
  const h = parseBmpHeader(bufferSource(buf));
  const { width, height, bpp, stride, palette, masks } = h;
  const rgba = Buffer.alloc(width * height * 4);
  const r = maskReader(masks?.r ?? 0);
  const g = maskReader(masks?.g ?? 0);
  const b = maskReader(masks?.b ?? 0);
  const a = maskReader(masks?.a ?? 0);
  let anyAlpha = false;
  for (let y = 0; y < height; y++) {
    const row = h.dataOffset + (h.topDown ? y : height - 1 - y) * stride;
    let o = y * width * 4;
    for (let x = 0; x < width; x++, o += 4) {
      if (palette) {
        const bit = x * bpp;
        const byte = buf[row + (bit >> 3)]!;
        const idx = (byte >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        rgba[o] = palette[idx * 4]!;
        rgba[o + 1] = palette[idx * 4 + 1]!;
        rgba[o + 2] = palette[idx * 4 + 2]!;
        rgba[o + 3] = 255;
      } else if (bpp === 24) {
        const p = row + x * 3;
        rgba[o] = buf[p + 2]!;
        rgba[o + 1] = buf[p + 1]!;
        rgba[o + 2] = buf[p]!;
        rgba[o + 3] = 255;
      } else {
        const v = bpp === 16 ? buf.readUInt16LE(row + x * 2) : buf.readUInt32LE(row + x * 4);
        rgba[o] = r(v);
        rgba[o + 1] = g(v);
        rgba[o + 2] = b(v);
        const alpha = a(v);
        rgba[o + 3] = alpha;
        if (masks?.a && alpha !== 0) anyAlpha = true;
      }
    }
  }
  if (masks?.a && anyAlpha) return { data: rgba, width, height, channels: 4 };
  // Opaque (or an alpha channel that is all zero, which writers use to mean "unused").
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  return { data: rgb, width, height, channels: 3 };
}
