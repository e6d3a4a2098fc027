import { describe, expect, it } from 'vitest';
import {
  actualSize,
  centerOn,
  fitView,
  imageToScreen,
  screenToImage,
  visibleImageRect,
  wheelFactor,
  zoomAt,
} from './view';

describe('view transform', () => {
  it('fits and centres the image', () => {
    const v = fitView({ width: 4000, height: 3000 }, { width: 832, height: 632 }, 16);
    expect(v.scale).toBeCloseTo(0.2);
    expect(v.x).toBeCloseTo(16);
    expect(v.y).toBeCloseTo(16);
  });

  it('zooms around the cursor: the image point under it does not move', () => {
    const v = { scale: 0.5, x: 10, y: 20 };
    const anchor = { x: 300, y: 200 };
    const before = screenToImage(v, anchor);
    const z = zoomAt(v, 3, anchor);
    expect(z.scale).toBe(1.5);
    const after = imageToScreen(z, before);
    expect(after.x).toBeCloseTo(300);
    expect(after.y).toBeCloseTo(200);
  });

  it('goes to 1:1 around the viewport centre and clamps extreme zoom', () => {
    const v = actualSize({ scale: 0.25, x: 0, y: 0 }, { width: 800, height: 600 });
    expect(v.scale).toBe(1);
    expect(screenToImage(v, { x: 400, y: 300 })).toEqual({ x: 1600, y: 1200 });
    expect(zoomAt(v, 1e9, { x: 0, y: 0 }).scale).toBe(64);
  });

  it('maps wheel notches to ~1.2x and reports the visible rectangle', () => {
    expect(wheelFactor(-100, 0)).toBeGreaterThan(1.15);
    expect(wheelFactor(100, 0)).toBeLessThan(0.87);
    expect(visibleImageRect({ scale: 2, x: -100, y: -50 }, { width: 400, height: 300 })).toEqual({
      x: 50,
      y: 25,
      w: 200,
      h: 150,
    });
    expect(
      centerOn(
        { scale: 2, x: 0, y: 0 },
        { x: 100, y: 100, w: 10, h: 10 },
        { width: 400, height: 300 },
      ),
    ).toEqual({
      scale: 2,
      x: -10,
      y: -60,
    });
  });
});
