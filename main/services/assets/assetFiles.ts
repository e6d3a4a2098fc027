import { AppError } from '../../../shared/api/envelope';
import type { OpenProject } from '../project/projectHost';
import type { DerivableAsset } from './derivatives';
import { ensureVariant } from './derivatives';

export const assetVariants = ['original', 'display', 'thumb', 'peaks'] as const;
export type AssetVariant = (typeof assetVariants)[number];

/** A file to stream (by path) or bytes to send, with its MIME type. */
export interface AssetFile {
  mime: string;
  filePath?: string;
  body?: Buffer;
}

/**
 * The file behind `asset <id> / <variant>`. The id is looked up in the open project's own
 * database: only registered assets (their original, or a derivative in the project's cache)
 * are ever served; an unknown id is NOT_FOUND. Missing derivatives are made on the spot.
 */
export async function resolveAssetFile(
  project: OpenProject,
  id: number,
  variant: AssetVariant,
): Promise<AssetFile> {
  if (!(assetVariants as readonly string[]).includes(variant)) {
    throw new AppError('NOT_FOUND', `Unknown asset variant "${String(variant)}"`);
  }
  const asset = project.db
    .prepare(
      `SELECT id, kind, format, sha256, rel_path AS relPath, file_name AS fileName, width, height
         FROM assets WHERE id = ?`,
    )
    .get(id) as DerivableAsset | undefined;
  if (!asset) throw new AppError('NOT_FOUND', `No asset with id ${id} in this project`);
  const file = await ensureVariant(project, asset, variant);
  return { mime: file.mime, filePath: file.filePath };
}
