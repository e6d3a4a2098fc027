import { api } from '../api/client';
import type { Peaks } from './peaks';
import { parsePeaks } from './peaks';

const cache = new Map<number, Promise<Peaks | null>>();

/** Fetches (once per asset and session) and parses an asset's peaks; null when unavailable. */
export function loadPeaks(id: number): Promise<Peaks | null> {
  let p = cache.get(id);
  if (!p) {
    p = fetch(api.assetUrl(id, 'peaks'))
      .then(async (res) => (res.ok ? parsePeaks(await res.json()) : null))
      .catch(() => null);
    cache.set(id, p);
    // A miss may be a peaks file still being made; let a later view try again.
    void p.then((v) => v === null && cache.delete(id));
  }
  return p;
}
