import { api } from '../api/client';
import type { Peaks } from './peaks';
import { parsePeaks } from './peaks';

// Keyed by URL, which names the project too: asset ids restart at 1 in every project.
const cache = new Map<string, Promise<Peaks | null>>();

/** Fetches (once per asset and session) and parses an asset's peaks; null when unavailable. */
export function loadPeaks(id: number): Promise<Peaks | null> {
  const url = api.assetUrl(id, 'peaks');
  let p = cache.get(url);
  if (!p) {
    p = fetch(url)
      .then(async (res) => (res.ok ? parsePeaks(await res.json()) : null))
      .catch(() => null);
    cache.set(url, p);
    // A miss may be a peaks file still being made; let a later view try again.
    void p.then((v) => v === null && cache.delete(url));
  }
  return p;
}
