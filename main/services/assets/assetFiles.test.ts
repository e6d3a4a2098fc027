import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/envelope';
import { closeMediaPool } from '../../workers/mediaClient';
import { resolveAssetFile } from './assetFiles';
import { listAssets } from './assetRepository';
import type { World } from './assetTestKit';
import { createWorld, FIXTURES, makeBmp, makeWav, solid } from './assetTestKit';
import { derivativesIdle } from './derivatives';

let w: World;
beforeEach(() => {
  w = createWorld();
});
afterEach(() => w.dispose());
afterAll(() => closeMediaPool());

async function importOne(name: string, bytes: Buffer): Promise<number> {
  const result = await w.importPaths([w.write(`in/${name}`, bytes)]);
  expect(result.failed).toEqual([]);
  await derivativesIdle(); // background work must not race the on-request path under test
  return listAssets(w.project.db, { offset: 0, limit: 10, search: name }).items[0]!.id;
}

const sizeOf = async (file: string) => {
  const m = await sharp(file).metadata();
  return [m.width, m.height, m.format];
};

describe('resolveAssetFile', () => {
  it('refuses ids that are not assets of the open project', async () => {
    await expect(resolveAssetFile(w.project, 999, 'original')).rejects.toThrow(AppError);
    await expect(resolveAssetFile(w.project, 999, 'thumb')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No asset with id 999 in this project',
    });
  });

  it('serves originals, and browser-native images as their own display variant', async () => {
    const id = await importOne('a.png', await solid(30, 20).png().toBuffer());
    const original = await resolveAssetFile(w.project, id, 'original');
    expect(original).toEqual({ mime: 'image/png', filePath: path.join(w.dir, 'in', 'a.png') });
    expect(await resolveAssetFile(w.project, id, 'display')).toEqual(original);
  });

  it('makes oriented WebP thumbnails in the cache, in the background after import', async () => {
    const jpg = await solid(600, 300).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const id = await importOne('rot.jpg', jpg);
    const cached = fs
      .readdirSync(path.join(w.project.dataDir, 'cache', 'thumb-256'), { recursive: true })
      .map(String);
    expect(cached.filter((f) => f.endsWith('.webp'))).toHaveLength(1);
    const thumb = await resolveAssetFile(w.project, id, 'thumb');
    expect(thumb.mime).toBe('image/webp');
    expect(thumb.filePath!.startsWith(path.join(w.project.dataDir, 'cache'))).toBe(true);
    expect(await sizeOf(thumb.filePath!)).toEqual([128, 256, 'webp']); // turned upright
  });

  it('makes thumbnails lazily when the cache was cleared', async () => {
    const id = await importOne('b.png', await solid(512, 512).png().toBuffer());
    fs.rmSync(path.join(w.project.dataDir, 'cache'), { recursive: true });
    const [a, b] = await Promise.all([
      resolveAssetFile(w.project, id, 'thumb'),
      resolveAssetFile(w.project, id, 'thumb'),
    ]);
    expect(a).toEqual(b);
    expect(await sizeOf(a.filePath!)).toEqual([256, 256, 'webp']);
  });

  it('converts TIFF and BMP to PNG for display, and downscales very large images', async () => {
    const tif = await importOne('c.tif', await solid(50, 40, '#336699').tiff().toBuffer());
    const bmp = await importOne('d.bmp', makeBmp({ width: 33, height: 21, bpp: 24 }));
    const wide = await importOne('wide.png', await solid(5000, 50).png().toBuffer());
    for (const [id, size] of [
      [tif, [50, 40]],
      [bmp, [33, 21]],
    ] as const) {
      const display = await resolveAssetFile(w.project, id, 'display');
      expect(display.mime).toBe('image/png');
      expect(await sizeOf(display.filePath!)).toEqual([...size, 'png']);
    }
    const preview = await resolveAssetFile(w.project, wide, 'display');
    expect(preview.mime).toBe('image/webp');
    expect(await sizeOf(preview.filePath!)).toEqual([4096, 41, 'webp']);
    expect((await resolveAssetFile(w.project, wide, 'original')).filePath).toBe(
      path.join(w.dir, 'in', 'wide.png'),
    );
  });

  it('computes cached min/max peaks for every audio format', async () => {
    const ids = [
      await importOne('tone.wav', makeWav({ sampleRate: 8000, seconds: 2, channels: 2 })),
      ...(await Promise.all(
        ['mp3', 'flac', 'ogg'].map((ext) =>
          importOne(`tone.${ext}`, fs.readFileSync(path.join(FIXTURES, `tone.${ext}`))),
        ),
      )),
    ];
    for (const id of ids) {
      const file = await resolveAssetFile(w.project, id, 'peaks');
      expect(file.mime).toBe('application/json');
      const peaks = JSON.parse(fs.readFileSync(file.filePath!, 'utf8')) as {
        version: number;
        samplesPerBucket: number;
        scale: number;
        peaks: number[];
        durationSec: number;
      };
      expect(peaks.version).toBe(1);
      expect(peaks.peaks.length / 2).toBeGreaterThanOrEqual(1500);
      const max = Math.max(...peaks.peaks);
      const min = Math.min(...peaks.peaks);
      // The fixtures are sine tones at half amplitude.
      expect(max / peaks.scale).toBeGreaterThan(0.4);
      expect(max / peaks.scale).toBeLessThan(0.6);
      expect(min / peaks.scale).toBeLessThan(-0.4);
    }
  });

  it('says clearly which variants do not exist for a kind, and when a file is missing', async () => {
    const img = await importOne('e.png', await solid(4, 4).png().toBuffer());
    const wav = await importOne('f.wav', makeWav());
    await expect(resolveAssetFile(w.project, img, 'peaks')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'e.png is an image; it has no audio peaks',
    });
    await expect(resolveAssetFile(w.project, wav, 'thumb')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'f.wav is audio; it has no thumbnail',
    });
    expect((await resolveAssetFile(w.project, wav, 'display')).mime).toBe('audio/wav');
    fs.rmSync(path.join(w.dir, 'in', 'e.png'));
    await expect(resolveAssetFile(w.project, img, 'original')).rejects.toThrow(
      /The file of asset \d+ is missing/,
    );
  });
});
