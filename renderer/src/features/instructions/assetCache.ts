import type { Asset } from '../../../../shared/api/schemas/assets';
import { api } from '../../api/client';

// Example thumbnails need each asset's displayed size (to place the highlighted box);
// assets never change size, so one lookup per asset per window is enough. Keyed by the
// asset's URL, which names the project as well: ids restart at 1 in every project.
const cache = new Map<string, Promise<Asset | null>>();

export function loadAsset(id: number): Promise<Asset | null> {
  const key = api.assetUrl(id, 'original');
  let p = cache.get(key);
  if (!p) {
    p = api.invoke('assets:get', { id }).catch(() => null);
    cache.set(key, p);
  }
  return p;
}
