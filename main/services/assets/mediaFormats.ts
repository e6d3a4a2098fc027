import path from 'node:path';

/** The formats Concord imports; the name is what the `assets.format` column stores. */
export const imageFormats = ['png', 'jpeg', 'bmp', 'tiff', 'webp'] as const;
export const audioFormats = ['wav', 'mp3', 'flac', 'ogg'] as const;
export type ImageFormat = (typeof imageFormats)[number];
export type AudioFormat = (typeof audioFormats)[number];
export type MediaFormat = ImageFormat | AudioFormat;

const byExtension: Record<string, MediaFormat> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.bmp': 'bmp',
  '.tif': 'tiff',
  '.tiff': 'tiff',
  '.webp': 'webp',
  '.wav': 'wav',
  '.mp3': 'mp3',
  '.flac': 'flac',
  '.ogg': 'ogg',
  '.oga': 'ogg',
};

export const supportedExtensions = Object.keys(byExtension);

const mimes: Record<MediaFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  bmp: 'image/bmp',
  tiff: 'image/tiff',
  webp: 'image/webp',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
};

const labels: Record<MediaFormat, string> = {
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  bmp: 'a BMP image',
  tiff: 'a TIFF image',
  webp: 'a WebP image',
  wav: 'WAV audio',
  mp3: 'MP3 audio',
  flac: 'FLAC audio',
  ogg: 'Ogg audio',
};

/** The format a file name promises, or null for extensions Concord does not import. */
export function formatFromName(fileName: string): MediaFormat | null {
  return byExtension[path.extname(fileName).toLowerCase()] ?? null;
}

export function isImageFormat(f: MediaFormat): f is ImageFormat {
  return (imageFormats as readonly string[]).includes(f);
}

export function kindOf(f: MediaFormat): 'image' | 'audio' {
  return isImageFormat(f) ? 'image' : 'audio';
}

/** MIME type of a stored format; unknown strings (rows written by other tools) get octet-stream. */
export function mimeOf(format: string): string {
  return (mimes as Record<string, string>)[format] ?? 'application/octet-stream';
}

export function describeFormat(f: MediaFormat): string {
  return labels[f];
}

/** The canonical extension for a format, used in "rename it to ..." hints. */
export function extensionFor(f: MediaFormat): string {
  return f === 'jpeg' ? '.jpg' : f === 'tiff' ? '.tif' : `.${f}`;
}

/**
 * Pixel limit: the same 268 MP (16383 x 16383) that sharp/libvips applies by default.
 * Above it decoding needs gigabytes of memory and the editor cannot stay responsive.
 */
export const MAX_IMAGE_PIXELS = 16383 * 16383;
