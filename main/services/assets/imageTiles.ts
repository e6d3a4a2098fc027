import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import { AppError } from '../../../shared/api/envelope';
import { isValidTile, maxTileLevel, TILE_SIZE, tileLevel } from '../../../shared/domain/tileGrid';
import { decodeBmp } from '../../workers/decodeBmp';
import type { OpenProject } from '../project/projectHost';
import { fromStoredRelPath } from '../project/projectPaths';
import { getAsset } from './assetRepository';

/**
 * Full-resolution tiles of large images, so a 50 MP photo opens at once as its display
 * preview and sharpens where the labeler zooms in. The pyramid is made lazily, one level at
 * a time, the first time a tile of that level is asked for:
 *
 *   <dataDir>/cache/tiles/<sha256>/<level>/<col>_<row>.jpg
 *
 * A level is written to a temporary folder and renamed into place, so a reader never sees
 * half a level and two processes racing on the same level both end up with a whole one.
 * Keyed by content hash: a re-imported identical file reuses the cache.
 */
export interface TileRef {
  id: number;
  level: number;
  col: number;
  row: number;
}

const JPEG_QUALITY = 85;
/** libvips streams the image, so very large inputs are fine; this only guards against bombs. */
const MAX_INPUT_PIXELS = 1_000_000_000;

const inFlight = new Map<string, Promise<void>>();
// One level at a time per process: a level of a 200 MP image uses every core already.
let queue: Promise<unknown> = Promise.resolve();

export function tilesDir(project: OpenProject, sha256: string): string {
  return path.join(project.dataDir, 'cache', 'tiles', sha256);
}

function tilePath(dir: string, ref: TileRef): string {
  return path.join(dir, String(ref.level), `${ref.col}_${ref.row}.jpg`);
}

async function openSource(file: string, format: string): Promise<Sharp> {
  if (format === 'bmp') {
    const bmp = decodeBmp(await fs.promises.readFile(file));
    return sharp(bmp.data, {
      raw: { width: bmp.width, height: bmp.height, channels: bmp.channels },
    });
  }
  return sharp(file, { limitInputPixels: MAX_INPUT_PIXELS });
}

async function buildLevel(
  source: string,
  format: string,
  width: number,
  height: number,
  level: number,
  dir: string,
): Promise<void> {
  const target = path.join(dir, String(level));
  const l = tileLevel(width, height, level);
  const tmp = path.join(dir, `.tmp-${level}-${process.pid}-${randomBytes(4).toString('hex')}`);
  await fs.promises.mkdir(tmp, { recursive: true });
  try {
    // EXIF orientation first (tiles are in displayed pixels, like the boxes), then exactly
    // the level size the renderer computes, so the tile grid lines up with its math.
    const img = (await openSource(source, format))
      .rotate()
      .resize(l.width, l.height, { fit: 'fill' })
      .toColourspace('srgb')
      .jpeg({ quality: JPEG_QUALITY });
    await img
      .tile({ size: TILE_SIZE, overlap: 0, depth: 'one', layout: 'dz' })
      .toFile(path.join(tmp, 'level.dz'));
    // libvips writes level.dz + level_files/0/<col>_<row>.jpeg; keep only the tiles.
    const made = path.join(tmp, 'level_files', '0');
    const out = path.join(tmp, 'tiles');
    await fs.promises.mkdir(out);
    for (const name of await fs.promises.readdir(made)) {
      await fs.promises.rename(
        path.join(made, name),
        path.join(out, name.replace(/\.jpeg$/, '.jpg')),
      );
    }
    try {
      await fs.promises.rename(out, target);
    } catch (e) {
      // Another process finished the same level first: theirs is as good as ours.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw e;
    }
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}

/**
 * The file of one tile of an asset of the open project, made on first use. Throws
 * NOT_FOUND for unknown assets or tiles outside the pyramid and BAD_FILE when the image
 * cannot be decoded.
 */
export async function tileFile(project: OpenProject, ref: TileRef): Promise<string> {
  const asset = getAsset(project.db, ref.id);
  if (asset.kind !== 'image' || !asset.width || !asset.height) {
    throw new AppError(
      'NOT_FOUND',
      `Asset ${ref.id} (${asset.relPath}) is not an image with a known size; it has no tiles`,
    );
  }
  if (!isValidTile(asset.width, asset.height, ref.level, ref.col, ref.row)) {
    const max = maxTileLevel(asset.width, asset.height);
    throw new AppError(
      'NOT_FOUND',
      `No tile ${ref.level}/${ref.col}/${ref.row} for asset ${ref.id}: levels are 0-${max} for ${asset.width}x${asset.height}`,
    );
  }
  const dir = tilesDir(project, asset.sha256);
  const file = tilePath(dir, ref);
  if (fs.existsSync(file)) return file;
  const key = `${dir}|${ref.level}`;
  let job = inFlight.get(key);
  if (!job) {
    const source = fromStoredRelPath(project.dir, asset.relPath);
    const run = () => buildLevel(source, asset.format, asset.width!, asset.height!, ref.level, dir);
    job = queue.then(run, run).finally(() => inFlight.delete(key));
    queue = job.catch(() => undefined);
    inFlight.set(key, job);
  }
  try {
    await job;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(
      'BAD_FILE',
      `Could not make tiles of ${asset.relPath}: ${(e as Error).message}`,
    );
  }
  if (!fs.existsSync(file)) {
    throw new AppError(
      'NOT_FOUND',
      `Tile ${ref.level}/${ref.col}/${ref.row} of ${asset.relPath} was not produced`,
    );
  }
  return file;
}
