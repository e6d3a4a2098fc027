import { describe, expect, it } from 'vitest';
import { solid } from '../services/assets/assetTestKit';
import { bufferSource } from './byteSource';
import { checkJpeg, checkPng, checkTiff, checkWebp } from './imageStructure';
import { sniffFormat } from './sniff';

const cut = (b: Buffer, keep: number) => b.subarray(0, Math.floor(b.length * keep));

/** Noise, so the encoded image data spans many bytes and a cut lands inside it. */
function noisy(width: number, height: number) {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919) % 251;
  return { raw, options: { raw: { width, height, channels: 3 as const } } };
}

describe('image structure checks', () => {
  it('reads the size of complete PNG, JPEG (baseline and progressive), WebP and TIFF files', async () => {
    const img = () => solid(120, 80);
    expect(checkPng(bufferSource(await img().png().toBuffer()))).toEqual({
      width: 120,
      height: 80,
    });
    expect(checkJpeg(bufferSource(await img().jpeg().toBuffer()))).toEqual({
      width: 120,
      height: 80,
    });
    expect(checkJpeg(bufferSource(await img().jpeg({ progressive: true }).toBuffer()))).toEqual({
      width: 120,
      height: 80,
    });
    expect(checkWebp(bufferSource(await img().webp().toBuffer()))).toEqual({
      width: 120,
      height: 80,
    });
    expect(checkWebp(bufferSource(await img().webp({ lossless: true }).toBuffer()))).toEqual({
      width: 120,
      height: 80,
    });
    expect(checkTiff(bufferSource(await img().tiff().toBuffer()))).toEqual({
      width: 120,
      height: 80,
    });
    expect(
      checkTiff(bufferSource(await img().tiff({ compression: 'lzw', tile: true }).toBuffer())),
    ).toEqual({ width: 120, height: 80 });
  });

  it.each([0.5, 0.9, 0.999])('refuses every format cut to %s of its length', async (keep) => {
    const { raw, options } = noisy(200, 150);
    const png = await (await import('sharp')).default(raw, options).png().toBuffer();
    const jpg = await (await import('sharp')).default(raw, options).jpeg().toBuffer();
    const webp = await (await import('sharp')).default(raw, options).webp().toBuffer();
    const tif = await (await import('sharp')).default(raw, options).tiff().toBuffer();
    expect(() => checkPng(bufferSource(cut(png, keep)))).toThrow(/truncated PNG/);
    expect(() => checkJpeg(bufferSource(cut(jpg, keep)))).toThrow(/truncated JPEG/);
    expect(() => checkWebp(bufferSource(cut(webp, keep)))).toThrow(/truncated WebP/);
    expect(() => checkTiff(bufferSource(cut(tif, keep)))).toThrow(/truncated TIFF/);
  });

  it('sniffs formats from content, not names', async () => {
    expect(sniffFormat(await solid(4, 4).png().toBuffer())).toBe('png');
    expect(sniffFormat(await solid(4, 4).jpeg().toBuffer())).toBe('jpeg');
    expect(sniffFormat(await solid(4, 4).webp().toBuffer())).toBe('webp');
    expect(sniffFormat(await solid(4, 4).tiff().toBuffer())).toBe('tiff');
    expect(sniffFormat(Buffer.from('file,factory\na.png,A\n'))).toBeNull();
  });
});
