import { isAppError } from '../../shared/api/envelope';
import type { TileRef } from '../services/assets/imageTiles';
import { tileFile } from '../services/assets/imageTiles';
import type { OpenProject } from '../services/project/projectHost';
import type { FileResponse } from './fileResponse';
import { errorResponse, fileResponse } from './fileResponse';
import { ASSET_HOST, ASSET_SCHEME } from './schemes';

// Tile URLs (both shells; only numbers, never a path):
//   http:      /files/asset/<id>/tile/<level>/<col>/<row>
//   electron:  concord-asset://asset/<id>/tile/<level>/<col>/<row>
const TAIL = '([1-9][0-9]{0,11})/tile/([0-9]{1,2})/([0-9]{1,6})/([0-9]{1,6})';
const HTTP_TILE = new RegExp(`^/files/asset/${TAIL}$`);
const PROTOCOL_TILE = new RegExp(`^${ASSET_SCHEME}://${ASSET_HOST}/${TAIL}(?:\\?[^#]*)?(?:#.*)?$`);

function toRef(m: RegExpExecArray | null): TileRef | null {
  if (!m) return null;
  return { id: Number(m[1]), level: Number(m[2]), col: Number(m[3]), row: Number(m[4]) };
}

export function parseTilePath(pathname: string): TileRef | null {
  return toRef(HTTP_TILE.exec(pathname));
}

export function parseTileUrl(url: string): TileRef | null {
  return toRef(PROTOCOL_TILE.exec(url));
}

/** Answers a tile request for the open project (tiles are made on first request). */
export async function tileResponse(
  project: OpenProject | null,
  ref: TileRef,
): Promise<FileResponse> {
  if (!project) return errorResponse(404, 'NO_PROJECT', 'No project is open');
  try {
    const file = await tileFile(project, ref);
    return fileResponse(file, {
      'content-type': 'image/jpeg',
      'cache-control': 'private, max-age=3600',
    });
  } catch (e) {
    if (isAppError(e)) return errorResponse(e.code === 'NOT_FOUND' ? 404 : 422, e.code, e.message);
    console.error(`[concord] tile ${ref.id}/${ref.level}/${ref.col}/${ref.row} failed`, e);
    return errorResponse(
      500,
      'INTERNAL',
      `Could not make tile of asset ${ref.id}: ${(e as Error).message}`,
    );
  }
}
