import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import sharp from 'sharp';
import type { OutputInfo, Sharp } from 'sharp';
import { decodeBmp } from './decodeBmp';
import type { RenderInput } from './mediaProtocol';

/** Writes `target` through a temporary file in the same folder, so readers never see half a file. */
export async function writeAtomically(
  target: string,
  write: (tmp: string) => Promise<void>,
): Promise<void> {
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}-${threadId}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await write(tmp);
    await fs.promises.rename(tmp, target);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
}

async function open(input: RenderInput): Promise<Sharp> {
  if (input.format === 'bmp') {
    const bmp = decodeBmp(await fs.promises.readFile(input.source));
    return sharp(bmp.data, {
      raw: { width: bmp.width, height: bmp.height, channels: bmp.channels },
    });
  }
  // Full decode here (unlike the import probe), so damage inside the pixel data shows up.
  return sharp(input.source, { limitInputPixels: input.maxPixels, failOn: 'error' });
}

/**
 * A thumbnail or a display image: EXIF orientation applied (so it matches the stored
 * displayed size), fitted inside maxSide x maxSide, 8-bit sRGB for the browser.
 */
export async function renderImage(
  input: RenderInput,
): Promise<{ width: number; height: number; bytes: number }> {
  let img = (await open(input))
    .rotate()
    .resize({
      width: input.maxSide,
      height: input.maxSide,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .toColourspace('srgb');
  // effort 2 encodes ~40% faster than the default 4 at the same quality setting.
  if (input.output === 'webp') img = img.webp({ quality: input.quality, effort: 2 });
  else if (input.output === 'jpeg') img = img.jpeg({ quality: input.quality });
  else img = img.png({ compressionLevel: 3 });
  let out: OutputInfo | null = null;
  await writeAtomically(input.target, async (tmp) => {
    out = await img.toFile(tmp);
  });
  const info = out as OutputInfo | null;
  return { width: info?.width ?? 0, height: info?.height ?? 0, bytes: info?.size ?? 0 };
}
