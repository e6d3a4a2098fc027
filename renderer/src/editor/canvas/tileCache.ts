/**
 * Full-resolution tiles of a large image, loaded only where the view needs them: at most a
 * few requests in flight, newest wish first, and tiles scrolled away before their turn are
 * never fetched. Decoded tiles are kept in a small LRU (a 512 px tile is 1 MB of pixels).
 */
export type TileUrl = (assetId: number, level: number, col: number, row: number) => string;

interface Wish {
  url: string;
  frame: number;
}

export class TileCache {
  private readonly loaded = new Map<string, ImageBitmap>();
  private readonly loading = new Set<string>();
  private readonly failed = new Set<string>();
  private readonly wishes = new Map<string, Wish>();
  private frame = 0;

  constructor(
    private readonly url: TileUrl,
    private readonly onLoad: () => void,
    private readonly maxTiles = 160,
    private readonly concurrency = 6,
  ) {}

  /** Call once per paint: wishes older than the previous paint are dropped. */
  nextFrame(): void {
    this.frame++;
  }

  /** The tile if it is ready; otherwise asks for it and returns null. */
  get(assetId: number, level: number, col: number, row: number): CanvasImageSource | null {
    const key = `${assetId}/${level}/${col}/${row}`;
    const hit = this.loaded.get(key);
    if (hit) {
      // Refresh its LRU position.
      this.loaded.delete(key);
      this.loaded.set(key, hit);
      return hit;
    }
    if (!this.loading.has(key) && !this.failed.has(key)) {
      this.wishes.set(key, { url: this.url(assetId, level, col, row), frame: this.frame });
      queueMicrotask(() => this.pump());
    }
    return null;
  }

  private pump(): void {
    if (this.loading.size >= this.concurrency) return;
    const fresh = [...this.wishes.entries()].filter(([, w]) => w.frame >= this.frame - 1);
    this.wishes.clear();
    // Newest wishes last in insertion order: take from the end.
    while (fresh.length > 0 && this.loading.size < this.concurrency) {
      const [key, wish] = fresh.pop()!;
      this.start(key, wish.url);
    }
    for (const [key, wish] of fresh) this.wishes.set(key, wish);
  }

  private start(key: string, url: string): void {
    this.loading.add(key);
    // Decoded once, off the main thread, and kept decoded (an <img> would decode again on
    // its first draw).
    fetch(url)
      .then((res) => {
        if (!res.ok) throw new Error(`tile ${url}: HTTP ${res.status}`);
        return res.blob();
      })
      .then((blob) => createImageBitmap(blob))
      .then((bitmap) => {
        this.loaded.set(key, bitmap);
        while (this.loaded.size > this.maxTiles) {
          const oldest = this.loaded.keys().next().value as string;
          this.loaded.get(oldest)?.close();
          this.loaded.delete(oldest);
        }
        this.onLoad();
      })
      .catch(() => {
        // A tile that fails (unsupported format, file gone) is not asked for again; the
        // preview stays visible underneath.
        this.failed.add(key);
      })
      .finally(() => {
        this.loading.delete(key);
        this.pump();
      });
  }

  dispose(): void {
    for (const b of this.loaded.values()) b.close();
    this.loaded.clear();
    this.wishes.clear();
  }
}
