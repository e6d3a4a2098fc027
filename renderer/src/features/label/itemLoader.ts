import type { AnnotationDoc } from '../../../../shared/api/schemas/annotationDoc';
import type { AnnotationState } from '../../../../shared/api/schemas/annotations';
import type { CanvasImage, ImageLevel } from '../../editor/canvas/imagePainter';

/**
 * Opens items fast: the image is fetched and *decoded* ahead of time for the neighbours of
 * the current item, so moving to the next one is a swap, not a 12 MP JPEG decode on the
 * keypress (the budget is 50 ms from key to painted). Annotation states are cached next to
 * the images and kept current from autosave's results.
 */
export interface LoadedItem {
  state: AnnotationState;
  image: CanvasImage;
}

export interface ItemSource {
  getState(assetId: number): Promise<AnnotationState>;
  imageUrl(assetId: number, variant: 'display' | 'original'): string;
}

interface Entry {
  promise: Promise<LoadedItem>;
  value: LoadedItem | null;
}

/** Halves until the longest side is at most this (what a fitted view needs on any screen). */
const SMALLEST_MIP = 1024;

/**
 * Fills `into` with halved copies of the bitmap, in the background: the item is shown from
 * the full bitmap at once and panning gets cheaper as the copies arrive (the painter reads
 * the array on every frame).
 */
async function buildMips(bitmap: ImageBitmap, into: ImageLevel[]): Promise<void> {
  let cur = bitmap;
  while (Math.max(cur.width, cur.height) > SMALLEST_MIP) {
    const w = Math.max(1, Math.ceil(cur.width / 2));
    const h = Math.max(1, Math.ceil(cur.height / 2));
    cur = await createImageBitmap(cur, {
      resizeWidth: w,
      resizeHeight: h,
      resizeQuality: 'medium',
    });
    into.push({ bitmap: cur, width: w, height: h });
  }
}

interface Decoded {
  bitmap: CanvasImageSource;
  width: number;
  height: number;
  mips: ImageLevel[];
}

/**
 * Fetches and decodes an image into an ImageBitmap. createImageBitmap(blob) decodes once,
 * off the main thread, and the result stays decoded; an <img> would be decoded again on
 * its first draw (about 100 ms for 12 MP in a software canvas), exactly the stall to avoid.
 */
async function decode(url: string): Promise<Decoded> {
  if (typeof createImageBitmap === 'function') {
    const res = await fetch(url);
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(body?.error?.message ?? `${url}: HTTP ${res.status}`);
    }
    const bitmap = await createImageBitmap(await res.blob());
    const mips: ImageLevel[] = [];
    void buildMips(bitmap, mips).catch(() => undefined);
    return { bitmap, width: bitmap.width, height: bitmap.height, mips };
  }
  const img = new Image();
  img.src = url;
  await img.decode();
  return { bitmap: img, width: img.naturalWidth, height: img.naturalHeight, mips: [] };
}

export class ItemLoader {
  private readonly entries = new Map<number, Entry>();
  private pinned = new Set<number>();

  constructor(
    private readonly source: ItemSource,
    private readonly capacity = 5,
  ) {}

  /** The item, from the cache when it was prefetched. `size` is the displayed size if known. */
  load(
    assetId: number,
    size: { width: number | null; height: number | null },
  ): Promise<LoadedItem> {
    const hit = this.entries.get(assetId);
    if (hit) {
      this.entries.delete(assetId);
      this.entries.set(assetId, hit);
      return hit.promise;
    }
    const promise = this.fetch(assetId, size);
    const entry: Entry = { promise, value: null };
    promise.then(
      (v) => {
        entry.value = v;
      },
      () => {
        // A failed load is not cached: the next attempt tries again.
        if (this.entries.get(assetId) === entry) this.entries.delete(assetId);
      },
    );
    this.entries.set(assetId, entry);
    this.evict();
    return entry.promise;
  }

  /** Warms the cache for the items around the current one (errors are ignored here). */
  prefetch(
    items: ReadonlyArray<{ assetId: number; width: number | null; height: number | null }>,
  ): void {
    for (const it of items) this.load(it.assetId, it).catch(() => undefined);
  }

  /** The items whose images must not be released (on screen, about to be). */
  pin(ids: Iterable<number>): void {
    this.pinned = new Set(ids);
    this.evict();
  }

  /** Keeps the cached state in step with what autosave stored. */
  saved(
    assetId: number,
    doc: AnnotationDoc,
    revision: number,
    status?: AnnotationState['status'],
  ): void {
    const e = this.entries.get(assetId);
    if (e?.value) {
      e.value = {
        ...e.value,
        state: { ...e.value.state, doc, revision, status: status ?? e.value.state.status },
      };
      e.promise = Promise.resolve(e.value);
    }
  }

  setState(assetId: number, state: AnnotationState): void {
    const e = this.entries.get(assetId);
    if (e?.value) {
      e.value = { ...e.value, state };
      e.promise = Promise.resolve(e.value);
    }
  }

  /** The cached document of an item, if it is loaded (copy-from-previous uses it). */
  peek(assetId: number): LoadedItem | null {
    return this.entries.get(assetId)?.value ?? null;
  }

  dispose(): void {
    for (const e of this.entries.values()) release(e.value);
    this.entries.clear();
  }

  private async fetch(
    assetId: number,
    size: { width: number | null; height: number | null },
  ): Promise<LoadedItem> {
    const statePromise = this.source.getState(assetId);
    let pic: Awaited<ReturnType<typeof decode>>;
    try {
      pic = await decode(this.source.imageUrl(assetId, 'display'));
    } catch {
      // No display variant (yet): the original works for every format the browser reads.
      pic = await decode(this.source.imageUrl(assetId, 'original'));
    }
    const state = await statePromise;
    return {
      state,
      image: {
        assetId,
        bitmap: pic.bitmap,
        bitmapWidth: pic.width,
        bitmapHeight: pic.height,
        width: size.width ?? pic.width,
        height: size.height ?? pic.height,
        mips: pic.mips,
      },
    };
  }

  private evict(): void {
    for (const [id, e] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      if (this.pinned.has(id) || !e.value) continue;
      this.entries.delete(id);
      release(e.value);
    }
  }
}

function release(item: LoadedItem | null): void {
  if (!item || typeof ImageBitmap === 'undefined') return;
  for (const b of [item.image.bitmap, ...(item.image.mips ?? []).map((m) => m.bitmap)]) {
    if (b instanceof ImageBitmap) b.close();
  }
}
