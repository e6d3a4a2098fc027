import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeBmp } from '../services/assets/assetTestKit';
import { bufferSource } from './byteSource';
import { BadFile } from './badFile';
import { decodeBmp, parseBmpHeader } from './decodeBmp';

const colour = (x: number, y: number): [number, number, number] => [x * 10, y * 20, 200];

describe('decodeBmp', () => {
  it.each([24, 32] as const)(
    'decodes %i-bit bottom-up BMPs to RGB pixels in the right place',
    (bpp) => {
      const bmp = decodeBmp(makeBmp({ width: 5, height: 3, bpp, pixel: colour }));
      expect(bmp).toMatchObject({ width: 5, height: 3, channels: 3 });
      for (const [x, y] of [
        [0, 0],
        [4, 0],
        [2, 2],
      ] as const) {
        const o = (y * 5 + x) * 3;
        expect([...bmp.data.subarray(o, o + 3)]).toEqual(colour(x, y));
      }
    },
  );

  it('decodes top-down and 8-bit paletted BMPs (row padding included)', () => {
    const top = decodeBmp(makeBmp({ width: 3, height: 2, bpp: 24, topDown: true, pixel: colour }));
    expect([...top.data.subarray(3 * 3, 3 * 3 + 3)]).toEqual(colour(0, 1));
    const grey = decodeBmp(
      makeBmp({ width: 3, height: 2, bpp: 8, pixel: (x, y) => [x * 50 + y, 0, 0] }),
    );
    expect([...grey.data.subarray((1 * 3 + 2) * 3, (1 * 3 + 2) * 3 + 3)]).toEqual([101, 101, 101]);
  });

  it('gives sharp raw pixels it can encode', async () => {
    const bmp = decodeBmp(makeBmp({ width: 7, height: 4, bpp: 24 }));
    const meta = await sharp(bmp.data, { raw: { width: 7, height: 4, channels: 3 } })
      .png()
      .toBuffer()
      .then((b) => sharp(b).metadata());
    expect([meta.width, meta.height]).toEqual([7, 4]);
  });

  it('refuses RLE compression with a reason, and truncated pixel data', () => {
    expect(() =>
      parseBmpHeader(bufferSource(makeBmp({ width: 4, height: 4, bpp: 8, compression: 1 }))),
    ).toThrow(/BMP with RLE8 compression is not supported/);
    const full = makeBmp({ width: 40, height: 40, bpp: 24 });
    expect(() => parseBmpHeader(bufferSource(full.subarray(0, full.length / 2)))).toThrow(BadFile);
    expect(() => parseBmpHeader(bufferSource(full.subarray(0, full.length / 2)))).toThrow(
      /truncated BMP/,
    );
  });
});
