/**
 * Intersection over union for axis-aligned boxes (pixels) and time intervals (seconds).
 *
 *   (x, y) +--------+
 *          |   A +--+-----+
 *          |     |##|     |     IoU = area(##) / (area(A) + area(B) - area(##))
 *          +-----+--+     |
 *                |    B   |
 *                +--------+
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Absolute slack when comparing an IoU with a threshold. IoUs of boxes with fractional
 * coordinates can land a few ulps below a threshold they meet exactly on paper (0.5 computed
 * as 0.49999999999999994); product.md says IoU equal to t counts, so equal within 1e-12 counts.
 */
export const IOU_EPSILON = 1e-12;

/** True when `iou` reaches threshold `t` (inclusive, with IOU_EPSILON slack). */
export function meetsThreshold(iou: number, t: number): boolean {
  return iou > 0 && iou >= t - IOU_EPSILON;
}

/**
 * IoU of two boxes. Two boxes with identical geometry have IoU 1 even when degenerate
 * (zero width or height); otherwise a zero union gives 0.
 */
export function boxIoU(a: Rect, b: Rect): number {
  const iw = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const ih = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  if (iw <= 0 || ih <= 0) return sameRect(a, b) ? 1 : 0;
  const inter = iw * ih;
  const union = a.w * a.h + b.w * b.h - inter;
  return union > 0 ? inter / union : 0;
}

/** Temporal IoU of [aStart, aEnd] and [bStart, bEnd]; identical (even empty) intervals give 1. */
export function intervalIoU(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const inter = Math.min(aEnd, bEnd) - Math.max(aStart, bStart);
  if (inter <= 0) return aStart === bStart && aEnd === bEnd ? 1 : 0;
  const union = aEnd - aStart + (bEnd - bStart) - inter;
  return union > 0 ? inter / union : 0;
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}
