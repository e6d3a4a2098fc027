import { describe, expect, it } from 'vitest';
import type { Handle, Rect } from './geometry';
import {
  HANDLES,
  clampGroupDelta,
  clampRect,
  handleAt,
  hitRect,
  moveRect,
  normalizeRect,
  rectContains,
  rectsIntersect,
  resizeRect,
} from './geometry';

const img = { width: 1000, height: 800 };
const box: Rect = { x: 100, y: 100, w: 200, h: 100 }; // x 100..300, y 100..200

describe('normalizeRect', () => {
  it('spans two corners in any order', () => {
    expect(normalizeRect({ x: 50, y: 40 }, { x: 10, y: 90 })).toEqual({
      x: 10,
      y: 40,
      w: 40,
      h: 50,
    });
    expect(normalizeRect({ x: 5, y: 5 }, { x: 5, y: 5 })).toEqual({ x: 5, y: 5, w: 0, h: 0 });
  });
});

describe('clampRect', () => {
  it('intersects with the image', () => {
    expect(clampRect({ x: -10, y: 700, w: 50, h: 200 }, img)).toEqual({
      x: 0,
      y: 700,
      w: 40,
      h: 100,
    });
  });
  it('collapses a rectangle outside the image onto its border', () => {
    expect(clampRect({ x: 2000, y: 10, w: 50, h: 50 }, img)).toEqual({
      x: 1000,
      y: 10,
      w: 0,
      h: 50,
    });
  });
  it('accepts negative width and height', () => {
    expect(clampRect({ x: 50, y: 50, w: -20, h: -10 }, img)).toEqual({
      x: 30,
      y: 40,
      w: 20,
      h: 10,
    });
  });
});

describe('moveRect', () => {
  it('moves freely inside the image', () => {
    expect(moveRect(box, 10.123, -5, img)).toEqual({ x: 110.12, y: 95, w: 200, h: 100 });
  });
  it('stops at every border without changing size', () => {
    expect(moveRect(box, -500, -500, img)).toEqual({ x: 0, y: 0, w: 200, h: 100 });
    expect(moveRect(box, 5000, 5000, img)).toEqual({ x: 800, y: 700, w: 200, h: 100 });
  });
  it('keeps a group together: the whole group stops when one box reaches the border', () => {
    const d = clampGroupDelta([box, { x: 900, y: 100, w: 50, h: 50 }], 200, 0, img);
    expect(d).toEqual({ x: 50, y: 0 });
  });
});

describe('resizeRect', () => {
  // Dragging each handle by (+20, +10).
  const expected: Record<Handle, Rect> = {
    nw: { x: 120, y: 110, w: 180, h: 90 },
    n: { x: 100, y: 110, w: 200, h: 90 },
    ne: { x: 100, y: 110, w: 220, h: 90 },
    e: { x: 100, y: 100, w: 220, h: 100 },
    se: { x: 100, y: 100, w: 220, h: 110 },
    s: { x: 100, y: 100, w: 200, h: 110 },
    sw: { x: 120, y: 100, w: 180, h: 110 },
    w: { x: 120, y: 100, w: 180, h: 100 },
  };
  for (const h of HANDLES) {
    it(`resizes from ${h}`, () => {
      expect(resizeRect(box, h, 20, 10, img)).toEqual(expected[h]);
    });
  }

  it('flips past the opposite edge horizontally (w handle dragged right beyond e)', () => {
    expect(resizeRect(box, 'w', 250, 0, img)).toEqual({ x: 300, y: 100, w: 50, h: 100 });
  });
  it('flips past the opposite edge vertically (s handle dragged above n)', () => {
    expect(resizeRect(box, 's', 0, -150, img)).toEqual({ x: 100, y: 50, w: 200, h: 50 });
  });
  it('flips on both axes from a corner', () => {
    expect(resizeRect(box, 'se', -260, -130, img)).toEqual({ x: 40, y: 70, w: 60, h: 30 });
    expect(resizeRect(box, 'nw', 260, 130, img)).toEqual({ x: 300, y: 200, w: 60, h: 30 });
  });
  it('flips back exactly (always computed from the start snapshot)', () => {
    resizeRect(box, 'e', -400, 0, img);
    expect(resizeRect(box, 'e', 0, 0, img)).toEqual(box);
  });
  it('keeps the minimum size when the edge lands on the opposite one', () => {
    expect(resizeRect(box, 'e', -200, 0, img, 4)).toEqual({ x: 100, y: 100, w: 4, h: 100 });
    expect(resizeRect(box, 'n', 0, 99, img, 4)).toEqual({ x: 100, y: 196, w: 200, h: 4 });
  });
  it('clamps the moved edge to the image', () => {
    expect(resizeRect(box, 'se', 5000, 5000, img)).toEqual({ x: 100, y: 100, w: 900, h: 700 });
    expect(resizeRect(box, 'nw', -5000, -5000, img)).toEqual({ x: 0, y: 0, w: 300, h: 200 });
  });
  it('flipping against the border pushes the minimum size to the inside', () => {
    const atEdge: Rect = { x: 0, y: 0, w: 50, h: 50 };
    expect(resizeRect(atEdge, 'e', -100, 0, img, 4)).toEqual({ x: 0, y: 0, w: 4, h: 50 });
  });
});

describe('hit testing', () => {
  it('finds corner handles before edges, and whole edges on large boxes', () => {
    expect(handleAt({ x: 101, y: 99 }, box, 5)).toBe('nw');
    expect(handleAt({ x: 300, y: 200 }, box, 5)).toBe('se');
    expect(handleAt({ x: 200, y: 100 }, box, 5)).toBe('n');
    expect(handleAt({ x: 150, y: 202 }, box, 5)).toBe('s');
    expect(handleAt({ x: 298, y: 130 }, box, 5)).toBe('e');
    expect(handleAt({ x: 200, y: 150 }, box, 5)).toBeNull();
  });
  it('hits inside and within tolerance', () => {
    expect(hitRect({ x: 150, y: 150 }, box)).toBe(true);
    expect(hitRect({ x: 302, y: 150 }, box)).toBe(false);
    expect(hitRect({ x: 302, y: 150 }, box, 3)).toBe(true);
  });
  it('intersects and contains', () => {
    expect(rectsIntersect(box, { x: 290, y: 190, w: 50, h: 50 })).toBe(true);
    expect(rectsIntersect(box, { x: 301, y: 190, w: 50, h: 50 })).toBe(false);
    expect(rectContains({ x: 0, y: 0, w: 1000, h: 800 }, box)).toBe(true);
    expect(rectContains(box, { x: 0, y: 0, w: 1000, h: 800 })).toBe(false);
  });
});
