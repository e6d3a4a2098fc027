/**
 * The tile pyramid of a large image, shared by the tile service (main) and the canvas
 * (renderer) so both agree on which pixels a tile URL holds.
 *
 * Level 0 is the displayed (EXIF-oriented) image at full resolution; level L is it scaled by
 * 1/2^L (sizes rounded up). Each level is cut into TILE_SIZE squares from the top-left;
 * tiles on the right and bottom edges are smaller.
 *
 *   level 0   [0,0][1,0][2,0]..      tile (col,row) of level L covers level pixels
 *             [0,1][1,1]   ..        [col*T, min((col+1)*T, levelW)) x [row*T, ...)
 */
export const TILE_SIZE = 512;

export interface TileLevel {
  level: number;
  width: number;
  height: number;
  cols: number;
  rows: number;
}

export function tileLevel(width: number, height: number, level: number): TileLevel {
  const f = 2 ** level;
  const w = Math.max(1, Math.ceil(width / f));
  const h = Math.max(1, Math.ceil(height / f));
  return {
    level,
    width: w,
    height: h,
    cols: Math.ceil(w / TILE_SIZE),
    rows: Math.ceil(h / TILE_SIZE),
  };
}

/** The coarsest level, where the whole image fits in one tile. */
export function maxTileLevel(width: number, height: number): number {
  let level = 0;
  while (Math.max(Math.ceil(width / 2 ** level), Math.ceil(height / 2 ** level)) > TILE_SIZE)
    level++;
  return level;
}

/** The area of a tile in full-resolution (displayed-image) pixels. */
export function tileBounds(width: number, height: number, level: number, col: number, row: number) {
  const l = tileLevel(width, height, level);
  const f = 2 ** level;
  const x0 = col * TILE_SIZE;
  const y0 = row * TILE_SIZE;
  const x1 = Math.min(x0 + TILE_SIZE, l.width);
  const y1 = Math.min(y0 + TILE_SIZE, l.height);
  return {
    x: x0 * f,
    y: y0 * f,
    w: Math.min(x1 * f, width) - x0 * f,
    h: Math.min(y1 * f, height) - y0 * f,
  };
}

/**
 * The level to draw at a zoom of `scale` screen pixels per image pixel: the coarsest one
 * that still has at least one pixel per screen pixel.
 */
export function levelForScale(scale: number, maxLevel: number): number {
  if (!(scale > 0)) return maxLevel;
  const l = Math.floor(Math.log2(1 / scale));
  return Math.max(0, Math.min(maxLevel, l));
}

export function isValidTile(
  width: number,
  height: number,
  level: number,
  col: number,
  row: number,
): boolean {
  if (!Number.isInteger(level) || level < 0 || level > maxTileLevel(width, height)) return false;
  const l = tileLevel(width, height, level);
  return (
    Number.isInteger(col) &&
    Number.isInteger(row) &&
    col >= 0 &&
    row >= 0 &&
    col < l.cols &&
    row < l.rows
  );
}
