import {
  levelForScale,
  maxTileLevel,
  tileBounds,
  tileLevel,
  TILE_SIZE,
} from '../../../../shared/domain/tileGrid';
import type { Size } from '../model/geometry';
import type { View } from '../tools/view';
import type { TileCache } from './tileCache';

/**
 * The picture under the boxes. `bitmap` is the display variant (a preview of at most a few
 * thousand pixels); it is stretched to the displayed size `width` x `height`, the space the
 * boxes live in. Where the view is zoomed in past the preview's resolution, full-resolution
 * tiles are drawn over it as they arrive.
 */
export interface ImageLevel {
  bitmap: CanvasImageSource;
  width: number;
  height: number;
}

export interface CanvasImage {
  assetId: number;
  bitmap: CanvasImageSource;
  bitmapWidth: number;
  bitmapHeight: number;
  width: number;
  height: number;
  /**
   * Smaller copies of `bitmap` (halving each time), filled in the background after the
   * item is shown. Scaling a 12 MP bitmap to the screen costs 4-8 ms per frame in a
   * software canvas; the smallest copy that is still screen-sharp costs under 2 ms.
   */
  mips?: readonly ImageLevel[];
}

/** The smallest level that still has at least one pixel per screen pixel. */
export function pickLevel(img: CanvasImage, scale: number): ImageLevel {
  const needed = img.width * scale;
  let best: ImageLevel = { bitmap: img.bitmap, width: img.bitmapWidth, height: img.bitmapHeight };
  for (const m of img.mips ?? []) if (m.width >= needed && m.width < best.width) best = m;
  return best;
}

export function paintImage(
  ctx: CanvasRenderingContext2D,
  img: CanvasImage,
  v: View,
  viewport: Size,
  tiles: TileCache | null,
): void {
  // Visible part of the image, in displayed-image pixels.
  const x0 = Math.max(0, -v.x / v.scale);
  const y0 = Math.max(0, -v.y / v.scale);
  const x1 = Math.min(img.width, (viewport.width - v.x) / v.scale);
  const y1 = Math.min(img.height, (viewport.height - v.y) / v.scale);
  if (x1 <= x0 || y1 <= y0) return;
  const level = pickLevel(img, v.scale);
  const kx = level.width / img.width;
  const ky = level.height / img.height;
  // Past ~3 screen pixels per source pixel, show pixels as they are (defects are often a
  // few pixels wide; smoothing would blur exactly what the labeler is looking at).
  ctx.imageSmoothingEnabled = v.scale / kx < 3;
  ctx.drawImage(
    level.bitmap,
    x0 * kx,
    y0 * ky,
    (x1 - x0) * kx,
    (y1 - y0) * ky,
    x0 * v.scale + v.x,
    y0 * v.scale + v.y,
    (x1 - x0) * v.scale,
    (y1 - y0) * v.scale,
  );
  if (!tiles) return;
  const maxLevel = maxTileLevel(img.width, img.height);
  const tl = levelForScale(v.scale, maxLevel);
  // The preview is as sharp as this level: no tiles needed.
  if (2 ** -tl <= (img.bitmapWidth / img.width) * 1.05) return;
  tiles.nextFrame();
  const f = 2 ** tl;
  const l = tileLevel(img.width, img.height, tl);
  const c0 = Math.max(0, Math.floor(x0 / f / TILE_SIZE));
  const r0 = Math.max(0, Math.floor(y0 / f / TILE_SIZE));
  const c1 = Math.min(l.cols - 1, Math.floor(x1 / f / TILE_SIZE));
  const r1 = Math.min(l.rows - 1, Math.floor(y1 / f / TILE_SIZE));
  ctx.imageSmoothingEnabled = v.scale * f < 3;
  for (let row = r0; row <= r1; row++) {
    for (let col = c0; col <= c1; col++) {
      const tile = tiles.get(img.assetId, tl, col, row);
      if (!tile) continue;
      const b = tileBounds(img.width, img.height, tl, col, row);
      // Snap to whole screen pixels so neighbouring tiles meet without hairline seams.
      const sx0 = Math.floor(b.x * v.scale + v.x);
      const sy0 = Math.floor(b.y * v.scale + v.y);
      const sx1 = Math.ceil((b.x + b.w) * v.scale + v.x);
      const sy1 = Math.ceil((b.y + b.h) * v.scale + v.y);
      ctx.drawImage(tile, sx0, sy0, sx1 - sx0, sy1 - sy0);
    }
  }
}
