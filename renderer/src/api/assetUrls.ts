import type { ProjectSummary } from '../../../shared/api/schemas/project';

export type AssetVariant = 'original' | 'display' | 'thumb' | 'peaks';

export interface AssetUrlBuilders {
  assetUrl(id: number, variant: AssetVariant): string;
  tileUrl(id: number, level: number, col: number, row: number): string;
}

/**
 * Asset ids restart at 1 in every project, and Chromium keeps decoded images in a memory
 * cache that ignores cache headers: `/files/asset/1/thumb` of the last project would show
 * for this one's asset 1. So every asset URL names the project file it belongs to, in a
 * query the servers ignore. The session store sets it whenever the open project changes.
 */
let assetScope = '';

export function setAssetScope(key: string | null): void {
  assetScope = key ? `?p=${encodeURIComponent(key)}` : '';
}

/**
 * Names one project file: its uid (kept inside the file) and where it is, so a copy of a
 * project file that later diverges from the original is still told apart.
 */
export function assetScopeKey(project: Pick<ProjectSummary, 'uid' | 'path'>): string {
  let h = 0x811c9dc5; // FNV-1a: enough to tell two paths apart
  for (let i = 0; i < project.path.length; i++) {
    h ^= project.path.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${project.uid}.${(h >>> 0).toString(36)}`;
}

/** The one place asset and tile URLs are made: `base` is the transport's asset route. */
export function assetUrls(base: string): AssetUrlBuilders {
  return {
    assetUrl: (id, variant) => `${base}/${id}/${variant}${assetScope}`,
    tileUrl: (id, level, col, row) => `${base}/${id}/tile/${level}/${col}/${row}${assetScope}`,
  };
}

/** Adds one query parameter to a URL that may already have a query. */
export function withParam(url: string, name: string, value: string | number): string {
  return `${url}${url.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(value)}`;
}
