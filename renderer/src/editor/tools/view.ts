import type { Point, Rect, Size } from '../model/geometry';

/**
 * The canvas view: screen = image * scale + (x, y). Zoom and pan change only this, never
 * the boxes (which stay in displayed-image pixels).
 */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export const MIN_SCALE = 0.01;
export const MAX_SCALE = 64;

export function clampScale(s: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
}

export function screenToImage(v: View, p: Point): Point {
  return { x: (p.x - v.x) / v.scale, y: (p.y - v.y) / v.scale };
}

export function imageToScreen(v: View, p: Point): Point {
  return { x: p.x * v.scale + v.x, y: p.y * v.scale + v.y };
}

/** Zooms by `factor` keeping the image point under `anchor` (screen px) where it is. */
export function zoomAt(v: View, factor: number, anchor: Point): View {
  const scale = clampScale(v.scale * factor);
  const k = scale / v.scale;
  return { scale, x: anchor.x - (anchor.x - v.x) * k, y: anchor.y - (anchor.y - v.y) * k };
}

/** Wheel delta (pixels or lines) to a zoom factor: smooth on trackpads, ~1.2x per notch. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const px = deltaMode === 1 ? deltaY * 33 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-px * 0.0018);
}

/** The whole image centred in the viewport with a small margin. */
export function fitView(image: Size, viewport: Size, margin = 16): View {
  const aw = Math.max(1, viewport.width - 2 * margin);
  const ah = Math.max(1, viewport.height - 2 * margin);
  const scale = clampScale(Math.min(aw / Math.max(1, image.width), ah / Math.max(1, image.height)));
  return {
    scale,
    x: (viewport.width - image.width * scale) / 2,
    y: (viewport.height - image.height * scale) / 2,
  };
}

/** One image pixel per screen pixel, keeping the viewport's centre point fixed. */
export function actualSize(v: View, viewport: Size): View {
  return zoomAt(v, 1 / v.scale, { x: viewport.width / 2, y: viewport.height / 2 });
}

export function panBy(v: View, dx: number, dy: number): View {
  return { scale: v.scale, x: v.x + dx, y: v.y + dy };
}

/** The part of the image visible in the viewport, in image pixels. */
export function visibleImageRect(v: View, viewport: Size): Rect {
  const a = screenToImage(v, { x: 0, y: 0 });
  return { x: a.x, y: a.y, w: viewport.width / v.scale, h: viewport.height / v.scale };
}

/** Centres the view on a rectangle without changing the zoom (box list -> canvas). */
export function centerOn(v: View, r: Rect, viewport: Size): View {
  return {
    scale: v.scale,
    x: viewport.width / 2 - (r.x + r.w / 2) * v.scale,
    y: viewport.height / 2 - (r.y + r.h / 2) * v.scale,
  };
}
