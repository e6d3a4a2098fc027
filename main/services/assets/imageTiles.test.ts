import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxTileLevel, tileBounds, tileLevel } from '../../../shared/domain/tileGrid';
import { startHttpServer } from '../../transport/http';
import type { HttpServer } from '../../transport/http';
import { parseTilePath, parseTileUrl } from '../../transport/tileRoute';
import { createServices } from '../appServices';
import type { Services } from '../appServices';
import type { OpenProject } from '../project/projectHost';
import { toStoredRelPath } from '../project/projectPaths';
import { tileFile, tilesDir } from './imageTiles';

// A real 52 MP JPEG (8000 x 6500): a colour ramp whose pixel values say where they are, so
// a tile's content can be checked against the region it claims to cover.
const W = 8000;
const H = 6500;

let dir: string;
let services: Services;
let project: OpenProject;
let bigId: number;
let rotatedId: number;

function insertImage(file: string, width: number, height: number, sha: string): number {
  const info = project.db
    .prepare(
      `INSERT INTO assets (kind, rel_path, file_name, stored, format, bytes, sha256, width, height, imported_at)
       VALUES ('image', ?, ?, 'reference', 'jpeg', ?, ?, ?, ?, ?)`,
    )
    .run(
      toStoredRelPath(project.dir, file),
      path.basename(file),
      fs.statSync(file).size,
      sha,
      width,
      height,
      new Date().toISOString(),
    );
  return Number(info.lastInsertRowid);
}

async function pixel(file: string, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-tiles-'));
  services = createServices({ appDataDir: path.join(dir, 'appdata'), transport: 'http' });
  project = services.host.create(path.join(dir, 'tiles.concord'), 'tiles');
  // Red grows with x, green with y (in 256-px bands), blue constant.
  const raw = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 3;
      raw[i] = Math.floor((x / W) * 255);
      raw[i + 1] = Math.floor((y / H) * 255);
      raw[i + 2] = 90;
    }
  }
  const big = path.join(dir, 'big.jpg');
  await sharp(raw, { raw: { width: W, height: H, channels: 3 } })
    .jpeg({ quality: 90 })
    .toFile(big);
  bigId = insertImage(big, W, H, 'sha-big');
  // 1200 x 700 stored sideways with EXIF orientation 6: displayed 700 x 1200.
  const side = path.join(dir, 'side.jpg');
  await sharp({ create: { width: 1200, height: 700, channels: 3, background: '#202020' } })
    .composite([
      {
        input: { create: { width: 100, height: 700, channels: 3, background: '#ff0000' } },
        left: 0,
        top: 0,
      },
    ])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toFile(side);
  rotatedId = insertImage(side, 700, 1200, 'sha-side');
}, 120_000);

afterAll(() => {
  services.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('image tiles', () => {
  it('cuts level 0 of a 52 MP image into 512 px tiles that show the right pixels', async () => {
    const l0 = tileLevel(W, H, 0);
    expect([l0.cols, l0.rows]).toEqual([16, 13]);
    const first = await tileFile(project, { id: bigId, level: 0, col: 0, row: 0 });
    expect(await sharp(first).metadata()).toMatchObject({
      width: 512,
      height: 512,
      format: 'jpeg',
    });
    const edge = await tileFile(project, { id: bigId, level: 0, col: 15, row: 12 });
    expect(await sharp(edge).metadata()).toMatchObject({
      width: 8000 - 15 * 512,
      height: 6500 - 12 * 512,
    });
    // The centre pixel of tile (7, 5) is image pixel (7*512+256, 5*512+256).
    const mid = await tileFile(project, { id: bigId, level: 0, col: 7, row: 5 });
    const [r, g, b] = await pixel(mid, 256, 256);
    expect(Math.abs(r! - Math.floor(((7 * 512 + 256) / W) * 255))).toBeLessThanOrEqual(3);
    expect(Math.abs(g! - Math.floor(((5 * 512 + 256) / H) * 255))).toBeLessThanOrEqual(3);
    expect(Math.abs(b! - 90)).toBeLessThanOrEqual(3);
    // The whole level is on disk in the content-addressed cache, nothing half-written.
    const levelDir = path.join(tilesDir(project, 'sha-big'), '0');
    expect(fs.readdirSync(levelDir)).toHaveLength(16 * 13);
    expect(
      fs.readdirSync(tilesDir(project, 'sha-big')).filter((n) => n.startsWith('.tmp')),
    ).toEqual([]);
  }, 120_000);

  it('makes coarser levels on demand, once, even when asked concurrently', async () => {
    const l2 = tileLevel(W, H, 2);
    const refs = Array.from({ length: l2.cols }, (_, col) => ({
      id: bigId,
      level: 2,
      col,
      row: 0,
    }));
    const files = await Promise.all(refs.map((r) => tileFile(project, r)));
    expect(new Set(files).size).toBe(l2.cols);
    // Level 2 is 2000 px wide: tiles 0-2 are full, the last one holds the 464 px left.
    expect(tileBounds(W, H, 2, 2, 0)).toEqual({ x: 2 * 512 * 4, y: 0, w: 2048, h: 2048 });
    expect(tileBounds(W, H, 2, 3, 0)).toEqual({ x: 3 * 512 * 4, y: 0, w: 1856, h: 2048 });
    const meta = await sharp(files[3]!).metadata();
    expect([meta.width, meta.height]).toEqual([464, 512]);
    expect(maxTileLevel(W, H)).toBe(4);
    const top = await tileFile(project, { id: bigId, level: 4, col: 0, row: 0 });
    expect(await sharp(top).metadata()).toMatchObject({ width: 500, height: 407 });
  }, 120_000);

  it('applies EXIF orientation, like the boxes', async () => {
    const file = await tileFile(project, { id: rotatedId, level: 0, col: 0, row: 0 });
    expect(await sharp(file).metadata()).toMatchObject({ width: 512, height: 512 });
    // Orientation 6 turns the red left band of the stored image into the top band.
    const [r] = await pixel(file, 300, 20);
    const [r2] = await pixel(file, 20, 300);
    expect(r).toBeGreaterThan(200);
    expect(r2).toBeLessThan(80);
  }, 60_000);

  it('refuses tiles outside the pyramid and unknown assets', async () => {
    await expect(tileFile(project, { id: bigId, level: 0, col: 16, row: 0 })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    await expect(tileFile(project, { id: bigId, level: 9, col: 0, row: 0 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(tileFile(project, { id: 999, level: 0, col: 0, row: 0 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('parses tile URLs of both shells and nothing else', () => {
    expect(parseTilePath('/files/asset/12/tile/0/3/4')).toEqual({
      id: 12,
      level: 0,
      col: 3,
      row: 4,
    });
    expect(parseTileUrl('concord-asset://asset/12/tile/1/0/7')).toEqual({
      id: 12,
      level: 1,
      col: 0,
      row: 7,
    });
    expect(parseTilePath('/files/asset/12/tile/0/3/../4')).toBeNull();
    expect(parseTilePath('/files/asset/0/tile/0/3/4')).toBeNull();
    expect(parseTilePath('/files/asset/12/tile/0/3')).toBeNull();
  });
});

describe('tile route over the loopback transport', () => {
  let server: HttpServer;
  beforeAll(async () => {
    server = await startHttpServer({
      services,
      rendererDir: path.join(dir, 'no-renderer'),
      token: 'tile-test-token',
    });
  });
  afterAll(() => server.close());

  const get = (p: string) =>
    new Promise<{ status: number; type: string; bytes: number }>((resolve, reject) => {
      http
        .get(
          `${server.url.replace(/\/$/, '')}${p}`,
          { headers: { authorization: 'Bearer tile-test-token' } },
          (res) => {
            let bytes = 0;
            res.on('data', (c: Buffer) => (bytes += c.length));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                type: String(res.headers['content-type']),
                bytes,
              }),
            );
          },
        )
        .on('error', reject);
    });

  it('serves a tile of the open project as JPEG', async () => {
    const r = await get(`/files/asset/${bigId}/tile/0/1/1`);
    expect(r).toMatchObject({ status: 200, type: 'image/jpeg' });
    expect(r.bytes).toBeGreaterThan(1000);
  }, 60_000);

  it('answers 404 for a tile of an asset that is not in the project', async () => {
    expect((await get('/files/asset/4242/tile/0/0/0')).status).toBe(404);
  });
});
