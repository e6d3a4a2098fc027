import type { Asset } from '../../../../shared/api/schemas/assets';
import { api } from '../../api/client';

// Example thumbnails need each asset's displayed size (to place the highlighted box);
// assets never change size, so one lookup per asset per window is enough.
const cache = new Map<number, Promise<Asset | null>>();

export function loadAsset(id: number): Promise<Asset | null> {
  let p = cache.get(id);
  if (!p) {
    p = api.invoke('assets:get', { id }).catch(() => null);
    cache.set(id, p);
  }
  return p;
}
