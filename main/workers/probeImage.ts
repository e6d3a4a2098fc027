import exifr from 'exifr';
import sharp from 'sharp';
import type { Metadata } from 'sharp';
import type { ImageFormat } from '../services/assets/mediaFormats';
import { describeFormat } from '../services/assets/mediaFormats';
import type { ByteSource } from './byteSource';
import { BadFile } from './badFile';
import { parseBmpHeader } from './decodeBmp';
import type { ImageSize } from './imageStructure';
import { checkJpeg, checkPng, checkTiff, checkWebp, CorruptJpeg } from './imageStructure';
import type { ExifFields } from './mediaProtocol';

export interface ImageInfo {
  width: number;
  height: number;
  orientation: number | null;
  exif: ExifFields;
}

function structure(s: ByteSource, format: ImageFormat): ImageSize {
  switch (format) {
    case 'png':
      return checkPng(s);
    case 'jpeg':
      return checkJpeg(s);
    case 'webp':
      return checkWebp(s);
    case 'tiff':
      return checkTiff(s);
    case 'bmp':
      return parseBmpHeader(s);
  }
}

/**
 * Rare (the file is complete but garbled), so decoding it once to get the decoder's own
 * words is affordable: "corrupt JPEG data: premature end of data segment".
 */
async function corruptJpeg(
  input: Buffer | string,
  maxPixels: number,
  fallback: CorruptJpeg,
): Promise<BadFile> {
  try {
    await sharp(input, { limitInputPixels: maxPixels, failOn: 'warning' }).raw().toBuffer();
    return fallback;
  } catch (e) {
    const detail = (e as Error).message
      .split('\n')[0]!
      .replace(/^VipsJpeg:\s*/i, '')
      .replace(/^corrupt JPEG data:\s*/i, '');
    return new BadFile(`corrupt JPEG data: ${detail}`);
  }
}

export function pixelLimitMessage(width: number, height: number, maxPixels: number): string {
  const mp = (n: number) => (n / 1e6).toFixed(1);
  return `image is ${width}x${height} pixels (${mp(width * height)} MP), over the limit of ${mp(maxPixels)} MP; split or downscale it before importing`;
}

/**
 * Size from the file's own header first, so the pixel limit is enforced before any decoder
 * allocates memory; then sharp's header-only metadata for orientation and EXIF. Neither
 * decodes pixels: the structure check is what rejects truncated files at import speed.
 */
export async function probeImage(
  s: ByteSource,
  input: Buffer | string,
  format: ImageFormat,
  maxPixels: number,
): Promise<ImageInfo> {
  let size: ImageSize;
  try {
    size = structure(s, format);
  } catch (e) {
    if (e instanceof CorruptJpeg) throw await corruptJpeg(input, maxPixels, e);
    throw e;
  }
  if (size.width <= 0 || size.height <= 0)
    throw new BadFile(`not a valid image: size ${size.width}x${size.height}`);
  if (size.width * size.height > maxPixels)
    throw new BadFile(pixelLimitMessage(size.width, size.height, maxPixels));
  if (format === 'bmp') return { ...size, orientation: null, exif: {} };

  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: maxPixels }).metadata();
  } catch (e) {
    throw new BadFile(
      `not a valid ${describeFormat(format).replace(/^an? /, '')}: ${(e as Error).message}`,
    );
  }
  const width = meta.width ?? size.width;
  const height = meta.height ?? size.height;
  const orientation = meta.orientation ?? null;
  // Orientations 5-8 rotate by 90 degrees: the displayed image is the stored one on its side.
  const turned = orientation !== null && orientation >= 5 && orientation <= 8;
  return {
    width: turned ? height : width,
    height: turned ? width : height,
    orientation,
    exif: meta.exif ? await readExif(meta.exif) : {},
  };
}

const clean = (v: unknown) => (typeof v === 'string' ? v.replace(/\0/g, '').trim() : '');

async function readExif(raw: Buffer): Promise<ExifFields> {
  // sharp hands back the APP1 payload ("Exif\0\0" + TIFF); exifr wants the TIFF part.
  const tiff = raw.toString('latin1', 0, 4) === 'Exif' ? raw.subarray(6) : raw;
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(tiff, {
      pick: ['Make', 'Model', 'DateTimeOriginal'],
      reviveValues: false,
    })) as Record<string, unknown> | undefined;
  } catch {
    return {}; // damaged EXIF never blocks an import: it only feeds optional metadata
  }
  const out: ExifFields = {};
  const make = clean(tags?.Make);
  const model = clean(tags?.Model);
  if (make || model)
    out.camera = model.toLowerCase().startsWith(make.toLowerCase())
      ? model || make
      : `${make} ${model}`.trim();
  const taken = clean(tags?.DateTimeOriginal);
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(taken);
  // Kept as the camera's local time, without inventing a time zone.
  if (m) out.capturedAt = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  return out;
}
