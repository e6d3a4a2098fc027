import { describe, expect, it } from 'vitest';
import { MAX_SCALE, centered, fitView, wheelFactor, zoomAt, zoomTo } from './zoomMath';

const image = { width: 4000, height: 3000 };
const viewport = { width: 1000, height: 800 };

/** The image pixel shown at a viewport point. */
const imagePoint = (v: { scale: number; x: number; y: number }, px: number, py: number) => ({
  x: (px - v.x) / v.scale,
  y: (py - v.y) / v.scale,
});

describe('zoomMath', () => {
  it('fits the whole image with a margin and centers it', () => {
    const v = fitView(image, viewport, 0);
    expect(v.scale).toBeCloseTo(0.25);
    expect(v.x).toBeCloseTo(0);
    expect(v.y).toBeCloseTo((800 - 750) / 2);
  });

  it('enlarges small images to fit', () => {
    expect(fitView({ width: 100, height: 50 }, viewport, 0).scale).toBeCloseTo(10);
  });

  it('keeps the pixel under the cursor fixed when zooming', () => {
    const start = fitView(image, viewport);
    const before = imagePoint(start, 300, 200);
    const zoomed = zoomAt(start, 2, 300, 200);
    expect(zoomed.scale).toBeCloseTo(start.scale * 2);
    const after = imagePoint(zoomed, 300, 200);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('clamps the scale', () => {
    expect(zoomAt(centered(image, viewport, 1), 1000, 0, 0).scale).toBe(MAX_SCALE);
  });

  it('zooms to 1:1 around a point', () => {
    const v = zoomTo(fitView(image, viewport), 1, 500, 400);
    expect(v.scale).toBe(1);
  });

  it('turns wheel deltas into zoom factors', () => {
    expect(wheelFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelFactor(100, 0)).toBeLessThan(1);
    expect(wheelFactor(-3, 1)).toBeCloseTo(wheelFactor(-48, 0));
  });
});
