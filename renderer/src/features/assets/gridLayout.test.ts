import { describe, expect, it } from 'vitest';
import { GRID_GAP, GRID_PADDING, gridLayout, itemRange } from './gridLayout';

describe('gridLayout', () => {
  it('fits as many columns of at least the minimum width as the width allows', () => {
    const g = gridLayout(1200, 168);
    expect(g.cols).toBe(6);
    expect(g.tileWidth).toBeGreaterThanOrEqual(168);
    expect(g.cols * g.tileWidth + (g.cols - 1) * GRID_GAP).toBeLessThanOrEqual(
      1200 - 2 * GRID_PADDING,
    );
  });

  it('keeps one column when the pane is narrow', () => {
    expect(gridLayout(100).cols).toBe(1);
    expect(gridLayout(0).tileWidth).toBe(1);
  });

  it('maps rows to an item range clipped to the total', () => {
    expect(itemRange(0, 2, 5, 100)).toEqual([0, 15]);
    expect(itemRange(19, 25, 5, 98)).toEqual([95, 98]);
  });
});
