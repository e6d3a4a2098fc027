/**
 * Zoom and pan for the image viewer. The image (w x h, in displayed pixels) is drawn with
 * its top-left corner at (x, y) in viewport pixels and scaled by `scale`:
 *
 *   viewport ┌──────────────────────────┐
 *            │   (x,y)┌──────────┐      │   a viewport point p shows image pixel
 *            │        │  image   │      │   (p - (x,y)) / scale
 *            │        └──────────┘      │
 *            └──────────────────────────┘
 */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE = 0.01;
export const MAX_SCALE = 40;
export const ZOOM_STEP = 1.25;

export const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/** Centers an image at a scale. */
export function centered(image: Size, viewport: Size, scale: number): View {
  return {
    scale,
    x: (viewport.width - image.width * scale) / 2,
    y: (viewport.height - image.height * scale) / 2,
  };
}

/** The whole image in view with a margin; small images are enlarged too (defects are small). */
export function fitView(image: Size, viewport: Size, margin = 24): View {
  if (image.width <= 0 || image.height <= 0) return { scale: 1, x: 0, y: 0 };
  const w = Math.max(1, viewport.width - 2 * margin);
  const h = Math.max(1, viewport.height - 2 * margin);
  return centered(image, viewport, clampScale(Math.min(w / image.width, h / image.height)));
}

/** Multiplies the scale by `factor`, keeping the image point under (px, py) where it is. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { scale, x: px - (px - view.x) * k, y: py - (py - view.y) * k };
}

/** Sets an absolute scale around a viewport point (e.g. 1:1 at the center). */
export function zoomTo(view: View, scale: number, px: number, py: number): View {
  return zoomAt(view, clampScale(scale) / view.scale, px, py);
}

/** Wheel delta to a zoom factor; trackpad pinches send small deltas, mouse wheels large ones. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-200, Math.min(200, pixels)) * 0.0025);
}

/** The image's on-screen size at a view, for the "displayed at" readout. */
export function displayedSize(image: Size, view: View): Size {
  return {
    width: Math.round(image.width * view.scale),
    height: Math.round(image.height * view.scale),
  };
}
