import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/envelope';
import type { OpenProject } from '../services/project/projectHost';
import type { AssetResolver } from './assetProtocol';
import { assetProtocolResponse, parseAssetPath, parseAssetUrl } from './assetProtocol';
import type { FileResponse } from './fileResponse';
import type { TransportWorld } from './transportTestKit';
import { createWorld, insertAssetRow } from './transportTestKit';

const errorOf = (r: FileResponse) =>
  (JSON.parse(r.body!.toString('utf8')) as { error: { code: string; message: string } }).error;

/** A resolver that answers with a fixed path, as a buggy or compromised resolver might. */
const answering =
  (filePath: string, mime = 'image/png'): AssetResolver =>
  async () => ({ mime, filePath });

let world: TransportWorld;
let project: OpenProject;
let photo: string;
let photoId: number;

beforeEach(async () => {
  world = createWorld('ipc');
  project = world.createProject();
  // A referenced original outside the project folder is still the project's own file.
  photo = path.join(world.dir, 'photos', 'scratch.png');
  fs.mkdirSync(path.dirname(photo), { recursive: true });
  await sharp({ create: { width: 4, height: 3, channels: 3, background: '#808080' } })
    .png()
    .toFile(photo);
  photoId = insertAssetRow(project, photo);
  fs.writeFileSync(path.join(world.dir, 'photos', 'private.txt'), 'not an asset');
});
afterEach(() => world.dispose());

describe('parseAssetUrl', () => {
  it('accepts concord-asset://asset/<id>/<variant> for every variant', () => {
    for (const variant of ['original', 'display', 'thumb', 'peaks'] as const) {
      expect(parseAssetUrl(`concord-asset://asset/42/${variant}`)).toEqual({ id: 42, variant });
    }
    expect(parseAssetUrl('concord-asset://asset/7/thumb?v=2')).toEqual({ id: 7, variant: 'thumb' });
  });

  it.each([
    'concord-asset://asset/../../etc/passwd',
    'concord-asset://asset/%2e%2e/%2e%2e/etc/passwd',
    'concord-asset://asset/%2E%2E/%2E%2E/etc/passwd/original',
    'concord-asset://asset/1/%2e%2e',
    'concord-asset://asset/1/thumb/../../2/original',
    'concord-asset://asset/1/thumb%2f..%2f..%2fetc%2fpasswd',
    'concord-asset://asset/1\\..\\..\\thumb',
    'concord-asset://asset//etc/passwd',
    'concord-asset://asset/%2fetc%2fpasswd/original',
    'concord-asset://asset/abc/thumb',
    'concord-asset://asset/0/thumb',
    'concord-asset://asset/-1/thumb',
    'concord-asset://asset/1e3/thumb',
    'concord-asset://asset/9999999999999/thumb',
    'concord-asset://asset/1/secret',
    'concord-asset://asset/1/thumb/',
    'concord-asset://evil/1/thumb',
    'concord-asset://asset@evil/1/thumb',
    'file:///etc/passwd',
    'concord-app://app/1/thumb',
  ])('refuses %s', (url) => {
    expect(parseAssetUrl(url)).toBeNull();
  });

  it('parses the HTTP route the same way', () => {
    expect(parseAssetPath('/files/asset/3/peaks')).toEqual({ id: 3, variant: 'peaks' });
    expect(parseAssetPath('/files/asset/abc/peaks')).toBeNull();
    expect(parseAssetPath('/files/asset/3/peaks/extra')).toBeNull();
    expect(parseAssetPath('/files/asset/..%2f..%2fetc%2fpasswd/original')).toBeNull();
  });
});

describe('assetProtocolResponse', () => {
  it('refuses traversal URLs with 404 and never names a file', async () => {
    for (const url of [
      'concord-asset://asset/../../etc/passwd',
      'concord-asset://asset/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const r = await assetProtocolResponse(project, url, { resolve: answering('/etc/passwd') });
      expect(r.status).toBe(404);
      expect(r.filePath).toBeUndefined();
      expect(errorOf(r).message).toMatch(/Not an asset URL/);
    }
  });

  it('refuses ids that are not in the project, before any file lookup', async () => {
    const r = await assetProtocolResponse(project, 'concord-asset://asset/999/original', {
      resolve: answering(photo),
    });
    expect(r.status).toBe(404);
    expect(errorOf(r)).toEqual({
      code: 'NOT_FOUND',
      message: 'No asset with id 999 in this project',
    });
  });

  it('answers NO_PROJECT when no project is open', async () => {
    const r = await assetProtocolResponse(null, `concord-asset://asset/${photoId}/original`);
    expect(r.status).toBe(404);
    expect(errorOf(r).code).toBe('NO_PROJECT');
  });

  it('refuses a resolved path outside the project, even next to a real asset', async () => {
    for (const outside of [
      path.join(world.dir, 'photos', 'private.txt'),
      '/etc/passwd',
      path.join(project.dataDir, '..', '..', 'photos', 'private.txt'),
    ]) {
      const r = await assetProtocolResponse(project, `concord-asset://asset/${photoId}/display`, {
        resolve: answering(outside),
      });
      expect(r.status).toBe(403);
      expect(r.filePath).toBeUndefined();
      expect(errorOf(r).code).toBe('FORBIDDEN');
    }
  });

  it("serves the asset's own file, with byte ranges for seeking", async () => {
    const url = `concord-asset://asset/${photoId}/original`;
    const full = await assetProtocolResponse(project, url, { resolve: answering(photo) });
    expect(full.status).toBe(200);
    expect(full.filePath).toBe(photo);
    expect(full.headers['content-type']).toBe('image/png');
    expect(full.headers['content-length']).toBe(String(fs.statSync(photo).size));

    const part = await assetProtocolResponse(project, url, {
      resolve: answering(photo),
      range: 'bytes=0-7',
    });
    expect(part.status).toBe(206);
    expect(part.range).toEqual({ start: 0, end: 7 });
    expect(part.headers['content-range']).toBe(`bytes 0-7/${fs.statSync(photo).size}`);
  });

  it('serves cached variants from the project data folder, but not a folder itself', async () => {
    const thumb = path.join(project.dataDir, 'cache', 'thumb', `${photoId}.webp`);
    fs.mkdirSync(path.dirname(thumb), { recursive: true });
    fs.writeFileSync(thumb, 'webp bytes');
    const url = `concord-asset://asset/${photoId}/thumb`;
    const ok = await assetProtocolResponse(project, url, {
      resolve: answering(thumb, 'image/webp'),
    });
    expect(ok.status).toBe(200);
    expect(ok.filePath).toBe(thumb);

    const dirAnswer = await assetProtocolResponse(project, url, {
      resolve: answering(path.dirname(thumb)),
    });
    expect(dirAnswer.status).toBe(404);
  });

  it('passes generated bytes (audio peaks) through and maps service errors', async () => {
    const url = `concord-asset://asset/${photoId}/peaks`;
    const peaks = await assetProtocolResponse(project, url, {
      resolve: async () => ({ mime: 'application/json', body: Buffer.from('[0,1]') }),
    });
    expect(peaks.status).toBe(200);
    expect(peaks.body?.toString()).toBe('[0,1]');

    const bad = await assetProtocolResponse(project, url, {
      resolve: async () => {
        throw new AppError('BAD_FILE', 'scratch.png is an image, it has no peaks');
      },
    });
    expect(bad.status).toBe(422);
    expect(errorOf(bad)).toEqual({
      code: 'BAD_FILE',
      message: 'scratch.png is an image, it has no peaks',
    });
  });

  it('serves large-image tiles over the same scheme, only for assets of the project', async () => {
    const tile = await assetProtocolResponse(
      project,
      `concord-asset://asset/${photoId}/tile/0/0/0`,
    );
    expect(tile.status).toBe(200);
    expect(tile.headers['content-type']).toBe('image/jpeg');
    expect(path.resolve(tile.filePath!).startsWith(path.resolve(project.dataDir))).toBe(true);
    const unknown = await assetProtocolResponse(project, 'concord-asset://asset/999/tile/0/0/0');
    expect(unknown.status).toBe(404);
    const outside = await assetProtocolResponse(
      project,
      `concord-asset://asset/${photoId}/tile/0/9/9`,
    );
    expect(outside.status).toBeGreaterThanOrEqual(400);
    const traversal = await assetProtocolResponse(
      project,
      `concord-asset://asset/${photoId}/tile/../../0`,
    );
    expect(traversal.status).toBe(404);
  });
});
