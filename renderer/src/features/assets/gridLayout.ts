/** Column count and tile size for the thumbnail grid at a given width. */
export interface GridLayout {
  cols: number;
  tileWidth: number;
  thumbHeight: number;
  rowHeight: number;
}

export const GRID_GAP = 12;
export const GRID_PADDING = 16;
const CAPTION_HEIGHT = 50;

export function gridLayout(width: number, minTile = 168): GridLayout {
  const inner = Math.max(0, width - 2 * GRID_PADDING);
  const cols = Math.max(1, Math.floor((inner + GRID_GAP) / (minTile + GRID_GAP)));
  const tileWidth = Math.max(1, Math.floor((inner - (cols - 1) * GRID_GAP) / cols));
  const thumbHeight = Math.round(tileWidth * 0.75);
  return { cols, tileWidth, thumbHeight, rowHeight: thumbHeight + CAPTION_HEIGHT + GRID_GAP };
}

/** The item range [start, end) covered by rows [firstRow, lastRow]. */
export function itemRange(
  firstRow: number,
  lastRow: number,
  cols: number,
  total: number,
): [number, number] {
  return [Math.max(0, firstRow * cols), Math.min(total, (lastRow + 1) * cols)];
}
