import { describe, expect, it } from 'vitest';
import { SpatialGrid } from './spatialGrid';
import { box } from './testDocs';

describe('SpatialGrid', () => {
  const img = { width: 4000, height: 3000 };

  it('agrees with a linear scan on 5,000 random boxes', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const boxes = Array.from({ length: 5000 }, (_, i) =>
      box(`b${i}`, rnd() * 3900, rnd() * 2900, 5 + rnd() * 95, 5 + rnd() * 95),
    );
    const grid = new SpatialGrid(boxes, img);
    for (let k = 0; k < 500; k++) {
      const p = { x: rnd() * 4000, y: rnd() * 3000 };
      const hits = boxes.filter(
        (b) => p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h,
      );
      const minArea = Math.min(...hits.map((b) => b.w * b.h));
      const got = grid.hit(p);
      if (hits.length === 0) expect(got).toBeNull();
      else expect(got!.w * got!.h).toBe(minArea);
    }
    const area = { x: 1000, y: 1000, w: 500, h: 300 };
    const linear = boxes
      .filter((b) => b.x <= 1500 && b.x + b.w >= 1000 && b.y <= 1300 && b.y + b.h >= 1000)
      .map((b) => b.id);
    expect(grid.query(area).sort()).toEqual(linear.sort());
  });

  it('honours the tolerance for thin boxes', () => {
    const grid = new SpatialGrid([box('thin', 100, 100, 200, 0.5)], img);
    expect(grid.hit({ x: 150, y: 102 })).toBeNull();
    expect(grid.hit({ x: 150, y: 102 }, 3)?.id).toBe('thin');
  });

  it('prefers a box that contains the point over a small one merely nearby', () => {
    const grid = new SpatialGrid([box('big', 0, 0, 500, 500), box('tiny', 100, 100, 5, 5)], img);
    expect(grid.hit({ x: 110, y: 110 }, 12)?.id).toBe('big');
    expect(grid.hit({ x: 102, y: 102 }, 12)?.id).toBe('tiny');
    const apart = new SpatialGrid([box('a', 0, 0, 10, 10), box('b', 30, 0, 10, 10)], img);
    expect(apart.hit({ x: 27, y: 5 }, 5)?.id).toBe('b');
  });

  it('handles an empty document and boxes on the border', () => {
    expect(new SpatialGrid([], img).hit({ x: 1, y: 1 })).toBeNull();
    const grid = new SpatialGrid([box('edge', 3990, 2990, 10, 10)], img);
    expect(grid.hit({ x: 4000, y: 3000 })?.id).toBe('edge');
  });
});
