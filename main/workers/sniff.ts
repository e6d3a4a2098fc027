import type { MediaFormat } from '../services/assets/mediaFormats';

/** Is this an MPEG audio frame header (sync, valid version/layer/bitrate/sample rate)? */
export function isMpegFrameHeader(b: Buffer, o = 0): boolean {
  if (b.length < o + 4) return false;
  const b1 = b[o + 1]!;
  const b2 = b[o + 2]!;
  return (
    b[o] === 0xff &&
    (b1 & 0xe0) === 0xe0 &&
    ((b1 >> 3) & 3) !== 1 && // reserved version
    ((b1 >> 1) & 3) !== 0 && // reserved layer
    b2 >> 4 !== 15 && // bad bitrate
    ((b2 >> 2) & 3) !== 3 // reserved sample rate
  );
}

/** The format a file's first bytes announce (magic numbers), or null when none matches. */
export function sniffFormat(head: Buffer): MediaFormat | null {
  const s = (from: number, to: number) => head.toString('latin1', from, to);
  if (
    head.length >= 8 &&
    head.readUInt32BE(0) === 0x89504e47 &&
    head.readUInt32BE(4) === 0x0d0a1a0a
  )
    return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (s(0, 2) === 'BM' && head.length >= 26) return 'bmp';
  const tiff = s(0, 4);
  if (tiff === 'II*\0' || tiff === 'MM\0*' || tiff === 'II+\0' || tiff === 'MM\0+') return 'tiff';
  if (s(0, 4) === 'RIFF' && s(8, 12) === 'WEBP') return 'webp';
  if (s(0, 4) === 'RIFF' && s(8, 12) === 'WAVE') return 'wav';
  if (s(0, 4) === 'fLaC') return 'flac';
  if (s(0, 4) === 'OggS') return 'ogg';
  if (s(0, 3) === 'ID3' || isMpegFrameHeader(head, 0)) return 'mp3';
  return null;
}

/** A hint for "not an image" messages: does the start of the file read like text? */
export function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  let printable = 0;
  for (const c of head) {
    if (c === 0) return false;
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127) || c >= 0x80) printable++;
  }
  return printable / head.length > 0.95;
}
