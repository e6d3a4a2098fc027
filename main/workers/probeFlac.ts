// FLAC: STREAMINFO gives the format and the total sample count; completeness is proven by
// the last frame, found from the end of the file: its header CRC-8 and frame CRC-16 must
// hold and it must end at the announced total. Only when that fails does the caller decode.
import type { ByteSource } from './byteSource';
import { BadFile, truncated } from './badFile';

export interface FlacInfo {
  sampleRate: number;
  channels: number;
  totalSamples: number;
  maxBlockSize: number;
  maxFrameSize: number;
  firstFrame: number;
}

export function parseFlacHeader(s: ByteSource): FlacInfo {
  let pos = 4;
  let info: Omit<FlacInfo, 'firstFrame'> | null = null;
  for (;;) {
    const h = s.read(pos, 4);
    if (h.length < 4) throw truncated('FLAC', 'the file ends inside the metadata');
    const length = h.readUIntBE(1, 3);
    if (pos + 4 + length > s.size)
      throw truncated('FLAC', 'a metadata block runs past the end of the file');
    if ((h[0]! & 0x7f) === 0 && length >= 34) {
      const d = s.read(pos + 4, 34);
      info = {
        maxBlockSize: d.readUInt16BE(2),
        maxFrameSize: d.readUIntBE(7, 3),
        sampleRate: (d[10]! << 12) | (d[11]! << 4) | (d[12]! >> 4),
        channels: ((d[12]! >> 1) & 7) + 1,
        totalSamples: (d[13]! & 0x0f) * 2 ** 32 + d.readUInt32BE(14),
      };
    }
    pos += 4 + length;
    if (h[0]! & 0x80) break;
  }
  if (!info || info.sampleRate === 0)
    throw new BadFile('not a valid FLAC file: STREAMINFO is missing');
  if (pos >= s.size) throw truncated('FLAC', 'the file ends before the first audio frame');
  return { ...info, firstFrame: pos };
}

const CRC8 = new Uint8Array(256);
const CRC16 = new Uint16Array(256);
for (let i = 0; i < 256; i++) {
  let c8 = i;
  let c16 = i << 8;
  for (let k = 0; k < 8; k++) {
    c8 = c8 & 0x80 ? ((c8 << 1) ^ 0x07) & 0xff : (c8 << 1) & 0xff;
    c16 = c16 & 0x8000 ? ((c16 << 1) ^ 0x8005) & 0xffff : (c16 << 1) & 0xffff;
  }
  CRC8[i] = c8;
  CRC16[i] = c16;
}

interface FrameHeader {
  variable: boolean;
  number: number;
  blockSize: number;
}

/** Parses a frame header at `p` of `b`, or null when it is not one (bad fields or CRC-8). */
function frameHeaderAt(b: Buffer, p: number): FrameHeader | null {
  if (p + 6 > b.length || b[p] !== 0xff || (b[p + 1]! & 0xfe) !== 0xf8) return null;
  const bsCode = b[p + 2]! >> 4;
  const srCode = b[p + 2]! & 0x0f;
  if (bsCode === 0 || srCode === 15 || b[p + 3]! >> 4 >= 11 || (b[p + 3]! & 1) !== 0) return null;
  let q = p + 4;
  const lead = b[q]!;
  let extra =
    lead < 0x80
      ? 0
      : lead >= 0xfe
        ? 6
        : lead >= 0xfc
          ? 5
          : lead >= 0xf8
            ? 4
            : lead >= 0xf0
              ? 3
              : lead >= 0xe0
                ? 2
                : lead >= 0xc0
                  ? 1
                  : -1;
  if (extra < 0) return null;
  let number = extra === 0 ? lead : lead & (0x3f >> extra);
  for (q++; extra > 0; extra--, q++) {
    if (q >= b.length || (b[q]! & 0xc0) !== 0x80) return null;
    number = number * 64 + (b[q]! & 0x3f);
  }
  let blockSize: number;
  if (bsCode === 1) blockSize = 192;
  else if (bsCode <= 5) blockSize = 576 << (bsCode - 2);
  else if (bsCode === 6) blockSize = (b[q++] ?? 0) + 1;
  else if (bsCode === 7) blockSize = (((b[q++] ?? 0) << 8) | (b[q++] ?? 0)) + 1;
  else blockSize = 256 << (bsCode - 8);
  if (srCode === 12) q += 1;
  else if (srCode === 13 || srCode === 14) q += 2;
  if (q >= b.length) return null;
  let crc = 0;
  for (let i = p; i < q; i++) crc = CRC8[crc ^ b[i]!]!;
  if (crc !== b[q]) return null;
  return { variable: (b[p + 1]! & 1) === 1, number, blockSize };
}

function crc16(b: Buffer, from: number, to: number): number {
  let crc = 0;
  for (let i = from; i < to; i++) crc = ((crc << 8) & 0xffff) ^ CRC16[(crc >> 8) ^ b[i]!]!;
  return crc;
}

export type FlacTail =
  { complete: true } | { complete: false; reason: string } | { complete: null };

/**
 * Checks the last frame. `complete: null` means the check could not decide (no frame header
 * verified in the tail), and the caller should decode the file to count its samples.
 */
export function checkFlacTail(s: ByteSource, info: FlacInfo): FlacTail {
  const span = Math.min(
    s.size - info.firstFrame,
    info.maxFrameSize > 0 ? info.maxFrameSize + 32 : 1 << 20,
  );
  const start = s.size - span;
  const tail = Buffer.from(s.read(start, span));
  const stored = tail.length >= 2 ? tail.readUInt16BE(tail.length - 2) : -1;
  for (let p = tail.length - 8; p >= 0; p--) {
    if (tail[p] !== 0xff) continue;
    const h = frameHeaderAt(tail, p);
    if (!h || crc16(tail, p, tail.length - 2) !== stored) continue;
    const first = h.variable ? h.number : h.number * info.maxBlockSize;
    const end = first + h.blockSize;
    if (info.totalSamples > 0 && end < info.totalSamples) {
      return { complete: false, reason: `it holds ${end} of ${info.totalSamples} samples` };
    }
    return { complete: true };
  }
  return { complete: null };
}
