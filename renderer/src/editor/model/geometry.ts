/**
 * Rectangle geometry for the box editor, in displayed-image pixels (never screen pixels).
 * Pure functions: no React, no Konva, so every rule here is unit-tested on its own.
 *
 *   nw ---- n ---- ne        A handle names the edges it moves:
 *   |               |          'w' moves x0, 'e' moves x1, 'n' moves y0, 's' moves y1;
 *   w               e          corners move two edges. Dragging an edge past the
 *   |               |          opposite one flips the box instead of inverting it.
 *   sw ---- s ---- se
 */

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Handle = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w';

export const HANDLES: readonly Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

/** Coordinates are kept to 1/100 px: enough for any zoom, free of float noise in exports. */
export function roundCoord(v: number): number {
  return Math.round(v * 100) / 100;
}

export function roundRect(r: Rect): Rect {
  return { x: roundCoord(r.x), y: roundCoord(r.y), w: roundCoord(r.w), h: roundCoord(r.h) };
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

export function clampPoint(p: Point, size: Size): Point {
  return { x: clamp(p.x, 0, size.width), y: clamp(p.y, 0, size.height) };
}

/** The rectangle spanned by two corners, in any order, with non-negative width and height. */
export function normalizeRect(a: Point, b: Point): Rect {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(b.x - a.x),
    h: Math.abs(b.y - a.y),
  };
}

/** Intersection with the image; a rectangle entirely outside collapses to zero size on the border. */
export function clampRect(r: Rect, size: Size): Rect {
  const x0 = clamp(Math.min(r.x, r.x + r.w), 0, size.width);
  const y0 = clamp(Math.min(r.y, r.y + r.h), 0, size.height);
  const x1 = clamp(Math.max(r.x, r.x + r.w), 0, size.width);
  const y1 = clamp(Math.max(r.y, r.y + r.h), 0, size.height);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.w);
    y1 = Math.max(y1, r.y + r.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/**
 * The translation actually allowed for a group of rectangles, so that the whole group stays
 * inside the image and keeps its layout (each box is not clamped on its own).
 */
export function clampGroupDelta(
  starts: readonly Rect[],
  dx: number,
  dy: number,
  size: Size,
): Point {
  const b = boundsOf(starts);
  if (!b) return { x: 0, y: 0 };
  // A group wider than the image cannot move sideways without leaving it.
  const minDx = -b.x;
  const maxDx = size.width - (b.x + b.w);
  const minDy = -b.y;
  const maxDy = size.height - (b.y + b.h);
  return {
    x: minDx > maxDx ? 0 : clamp(dx, minDx, maxDx),
    y: minDy > maxDy ? 0 : clamp(dy, minDy, maxDy),
  };
}

/** Moves a rectangle by (dx, dy), keeping its size and keeping it inside the image. */
export function moveRect(start: Rect, dx: number, dy: number, size: Size): Rect {
  const d = clampGroupDelta([start], dx, dy, size);
  return roundRect({ x: start.x + d.x, y: start.y + d.y, w: start.w, h: start.h });
}

function movesWest(h: Handle): boolean {
  return h === 'nw' || h === 'w' || h === 'sw';
}
function movesEast(h: Handle): boolean {
  return h === 'ne' || h === 'e' || h === 'se';
}
function movesNorth(h: Handle): boolean {
  return h === 'nw' || h === 'n' || h === 'ne';
}
function movesSouth(h: Handle): boolean {
  return h === 'sw' || h === 's' || h === 'se';
}

/**
 * One axis of a resize: `moving` is the dragged edge, `fixed` the opposite one. The moved
 * edge is clamped to [0, limit]; when it comes closer than `minSize` to the fixed edge it is
 * pushed to minSize on the side it is on (so crossing over flips the box cleanly).
 */
function resizeAxis(
  moving: number,
  fixed: number,
  limit: number,
  minSize: number,
): [number, number] {
  let m = clamp(moving, 0, limit);
  const side = m >= fixed ? 1 : -1;
  if (Math.abs(m - fixed) < minSize) {
    m = fixed + side * minSize;
    if (m < 0 || m > limit) m = fixed - side * minSize;
    m = clamp(m, 0, limit);
  }
  return m < fixed ? [m, fixed] : [fixed, m];
}

/**
 * The rectangle after dragging `handle` by (dx, dy) image pixels from the gesture's start
 * snapshot. Always computed from `start` (not from the previous move), so rounding never
 * accumulates and flipping back and forth is exact.
 */
export function resizeRect(
  start: Rect,
  handle: Handle,
  dx: number,
  dy: number,
  size: Size,
  minSize = 1,
): Rect {
  const sx0 = start.x;
  const sy0 = start.y;
  const sx1 = start.x + start.w;
  const sy1 = start.y + start.h;
  let x0 = sx0;
  let x1 = sx1;
  let y0 = sy0;
  let y1 = sy1;
  const minW = Math.min(minSize, size.width);
  const minH = Math.min(minSize, size.height);
  if (movesWest(handle)) [x0, x1] = resizeAxis(sx0 + dx, sx1, size.width, minW);
  else if (movesEast(handle)) [x0, x1] = resizeAxis(sx1 + dx, sx0, size.width, minW);
  if (movesNorth(handle)) [y0, y1] = resizeAxis(sy0 + dy, sy1, size.height, minH);
  else if (movesSouth(handle)) [y0, y1] = resizeAxis(sy1 + dy, sy0, size.height, minH);
  return roundRect({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
}

/** Where a handle is drawn on a rectangle. */
export function handlePoint(r: Rect, h: Handle): Point {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  const x = movesWest(h) ? r.x : movesEast(h) ? r.x + r.w : cx;
  const y = movesNorth(h) ? r.y : movesSouth(h) ? r.y + r.h : cy;
  return { x, y };
}

/**
 * The handle under `p`, if any. `tolerance` is in image pixels (callers divide their
 * screen-pixel grab radius by the zoom). Corners win over edges; on a large box the whole
 * edge line is grabbable, not only its midpoint.
 */
export function handleAt(p: Point, r: Rect, tolerance: number): Handle | null {
  for (const h of ['nw', 'ne', 'se', 'sw', 'n', 'e', 's', 'w'] as const) {
    const hp = handlePoint(r, h);
    if (Math.abs(p.x - hp.x) <= tolerance && Math.abs(p.y - hp.y) <= tolerance) return h;
  }
  const inX = p.x >= r.x && p.x <= r.x + r.w;
  const inY = p.y >= r.y && p.y <= r.y + r.h;
  if (inX && Math.abs(p.y - r.y) <= tolerance) return 'n';
  if (inX && Math.abs(p.y - (r.y + r.h)) <= tolerance) return 's';
  if (inY && Math.abs(p.x - r.x) <= tolerance) return 'w';
  if (inY && Math.abs(p.x - (r.x + r.w)) <= tolerance) return 'e';
  return null;
}

/** Inside the rectangle, or within `tolerance` of it (thin boxes stay clickable). */
export function hitRect(p: Point, r: Rect, tolerance = 0): boolean {
  return (
    p.x >= r.x - tolerance &&
    p.x <= r.x + r.w + tolerance &&
    p.y >= r.y - tolerance &&
    p.y <= r.y + r.h + tolerance
  );
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

export function rectContains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}

/** CSS cursor for a handle (boxes are never rotated, so the mapping is fixed). */
export function handleCursor(h: Handle): string {
  switch (h) {
    case 'nw':
    case 'se':
      return 'nwse-resize';
    case 'ne':
    case 'sw':
      return 'nesw-resize';
    case 'n':
    case 's':
      return 'ns-resize';
    case 'e':
    case 'w':
      return 'ew-resize';
  }
}
