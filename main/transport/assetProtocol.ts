import path from 'node:path';
import { isAppError } from '../../shared/api/envelope';
import type { AssetFile, AssetVariant } from '../services/assets/assetFiles';
import { assetVariants, resolveAssetFile } from '../services/assets/assetFiles';
import { getAsset } from '../services/assets/assetRepository';
import type { OpenProject } from '../services/project/projectHost';
import { fromStoredRelPath } from '../services/project/projectPaths';
import type { FileResponse } from './fileResponse';
import { errorResponse, fileResponse, isInside } from './fileResponse';
import { ASSET_HOST, ASSET_SCHEME } from './schemes';
import { parseTileUrl, tileResponse } from './tileRoute';

/** One asset variant, named by id. A URL never carries a path. */
export interface AssetRef {
  id: number;
  variant: AssetVariant;
}

export type AssetResolver = (
  project: OpenProject,
  id: number,
  variant: AssetVariant,
) => Promise<AssetFile>;

const ID = '([1-9][0-9]{0,11})';
const VARIANT = '([a-z]+)';
// Matched against the raw string, before any URL normalisation, so "..", "%2e%2e",
// encoded slashes, backslashes and extra segments cannot even reach the resolver.
const PROTOCOL_URL = new RegExp(
  `^${ASSET_SCHEME}://${ASSET_HOST}/${ID}/${VARIANT}(?:\\?[^#]*)?(?:#.*)?$`,
);
const HTTP_PATH = new RegExp(`^/files/asset/${ID}/${VARIANT}$`);

function toRef(id: string | undefined, variant: string | undefined): AssetRef | null {
  if (!id || !variant || !(assetVariants as readonly string[]).includes(variant)) return null;
  return { id: Number(id), variant: variant as AssetVariant };
}

/** `concord-asset://asset/<id>/<variant>` (what the renderer's IPC client builds). */
export function parseAssetUrl(url: string): AssetRef | null {
  const m = PROTOCOL_URL.exec(url);
  return m ? toRef(m[1], m[2]) : null;
}

/** `/files/asset/<id>/<variant>` (the loopback transport's route, already URL-parsed). */
export function parseAssetPath(pathname: string): AssetRef | null {
  const m = HTTP_PATH.exec(pathname);
  return m ? toRef(m[1], m[2]) : null;
}

export interface AssetRequestOptions {
  range?: string | null;
  /** Defaults to the real resolver; tests inject a faulty one to prove the guard below. */
  resolve?: AssetResolver;
}

const ASSET_HEADERS = { 'cache-control': 'private, max-age=3600' };

/**
 * Answers a request for an asset of the open project. Only ids present in the project's
 * database are served, and a file path the resolver hands back must be that asset's own
 * file or lie in the project's data folder (copies and caches). Anything else is refused,
 * so even a resolver bug cannot turn this route into a way to read arbitrary files.
 */
export async function assetResponse(
  project: OpenProject | null,
  ref: AssetRef | null,
  options: AssetRequestOptions = {},
): Promise<FileResponse> {
  if (!ref) {
    return errorResponse(
      404,
      'NOT_FOUND',
      `Not an asset URL: expected <id>/<variant> with a numeric id and one of ${assetVariants.join(', ')}`,
    );
  }
  if (!project) return errorResponse(404, 'NO_PROJECT', 'No project is open');
  const resolve = options.resolve ?? resolveAssetFile;
  let file: AssetFile;
  let ownFile: string;
  try {
    const asset = getAsset(project.db, ref.id);
    ownFile = fromStoredRelPath(project.dir, asset.relPath);
    file = await resolve(project, ref.id, ref.variant);
  } catch (e) {
    if (isAppError(e)) return errorResponse(e.code === 'NOT_FOUND' ? 404 : 422, e.code, e.message);
    console.error(`[concord] asset ${ref.id}/${ref.variant} failed`, e);
    return errorResponse(
      500,
      'INTERNAL',
      `Could not read asset ${ref.id} (${ref.variant}): ${(e as Error).message}`,
    );
  }
  const headers = { ...ASSET_HEADERS, 'content-type': file.mime };
  if (file.body) {
    return {
      status: 200,
      headers: {
        ...headers,
        'x-content-type-options': 'nosniff',
        'content-length': String(file.body.length),
      },
      body: file.body,
    };
  }
  if (!file.filePath)
    return errorResponse(500, 'INTERNAL', `Asset ${ref.id} (${ref.variant}) has no content`);
  const target = path.resolve(file.filePath);
  if (target !== ownFile && !isInside(project.dataDir, target)) {
    console.error(`[concord] refused to serve ${target} for asset ${ref.id}: outside the project`);
    return errorResponse(
      403,
      'FORBIDDEN',
      `Asset ${ref.id} resolved to a file outside the project; refused`,
    );
  }
  return fileResponse(target, headers, options.range);
}

/** The Electron `concord-asset:` protocol, as a pure function of the request URL. */
export function assetProtocolResponse(
  project: OpenProject | null,
  url: string,
  options: AssetRequestOptions = {},
): Promise<FileResponse> {
  // Large-image tiles share the scheme: asset/<id>/tile/<level>/<col>/<row>.
  const tile = parseTileUrl(url);
  if (tile) return tileResponse(project, tile);
  return assetResponse(project, parseAssetUrl(url), options);
}
