import type { OpenProject } from '../project/projectHost';

export const assetVariants = ['original', 'display', 'thumb', 'peaks'] as const;
export type AssetVariant = (typeof assetVariants)[number];

/** A file to stream (by path) or bytes to send, with its MIME type. */
export interface AssetFile {
  mime: string;
  filePath?: string;
  body?: Buffer;
}

// Placeholder until the import pipeline lands.
export async function resolveAssetFile(_project: OpenProject, _id: number, _variant: AssetVariant): Promise<AssetFile> {
  throw new Error('asset files not built yet');
}
