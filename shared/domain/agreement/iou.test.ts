import { describe, expect, it } from 'vitest';
import { boxIoU, intervalIoU, meetsThreshold } from './iou';

const r = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });

describe('boxIoU', () => {
  it('is 1 for identical boxes and 0 for disjoint or merely touching boxes', () => {
    expect(boxIoU(r(10, 20, 30, 40), r(10, 20, 30, 40))).toBe(1);
    expect(boxIoU(r(0, 0, 10, 10), r(20, 20, 5, 5))).toBe(0);
    expect(boxIoU(r(0, 0, 10, 10), r(10, 0, 10, 10))).toBe(0); // shared edge only
  });

  it('computes hand-checked overlaps', () => {
    // Half of a 10x10 box: inter 50, union 100.
    expect(boxIoU(r(0, 0, 10, 10), r(0, 0, 10, 5))).toBe(0.5);
    // Shifted by 5 in x: inter 50, union 150.
    expect(boxIoU(r(0, 0, 10, 10), r(5, 0, 10, 10))).toBeCloseTo(1 / 3, 15);
    // Containment: 4x4 inside 8x8 -> 16 / 64.
    expect(boxIoU(r(0, 0, 8, 8), r(2, 2, 4, 4))).toBe(0.25);
  });

  it('is symmetric', () => {
    const a = r(3.5, 1.25, 10, 7);
    const b = r(6, 2, 9.5, 3);
    expect(boxIoU(a, b)).toBe(boxIoU(b, a));
  });

  it('handles degenerate boxes: identical -> 1, otherwise 0', () => {
    expect(boxIoU(r(5, 5, 0, 0), r(5, 5, 0, 0))).toBe(1);
    expect(boxIoU(r(5, 5, 0, 10), r(5, 5, 0, 10))).toBe(1);
    expect(boxIoU(r(5, 5, 0, 10), r(0, 0, 20, 20))).toBe(0);
  });
});

describe('intervalIoU', () => {
  it('computes temporal overlap', () => {
    expect(intervalIoU(0, 2, 1, 3)).toBeCloseTo(1 / 3, 15);
    expect(intervalIoU(0, 2, 0, 1)).toBe(0.5);
    expect(intervalIoU(0, 1, 1, 2)).toBe(0);
    expect(intervalIoU(1.5, 1.5, 1.5, 1.5)).toBe(1);
  });
});

describe('meetsThreshold', () => {
  it('counts an IoU exactly at the threshold', () => {
    expect(meetsThreshold(0.5, 0.5)).toBe(true);
    expect(meetsThreshold(0.49999999999999994, 0.5)).toBe(true);
    expect(meetsThreshold(0.4999, 0.5)).toBe(false);
  });

  it('never counts an IoU of 0', () => {
    expect(meetsThreshold(0, 1e-13)).toBe(false);
  });

  it('is exact for thresholds like 0.7 with integer boxes (division is correctly rounded)', () => {
    // inter 70, union 100.
    const iou = boxIoU(r(0, 0, 10, 10), r(0, 0, 10, 7));
    expect(iou).toBe(0.7);
    expect(meetsThreshold(iou, 0.7)).toBe(true);
  });
});
