import { describe, expect, it } from 'vitest';
import {
  cardColumns,
  coincidentOffsets,
  leftOutText,
  fmt,
  fmtCi,
  fmtCount,
  countOf,
  heatColor,
  qualityColor,
  scaleLinear,
  shorten,
} from './chartMath';

describe('chart math', () => {
  it('scales linearly and survives an empty domain', () => {
    const x = scaleLinear(0, 1, 10, 110);
    expect(x(0)).toBe(10);
    expect(x(0.5)).toBe(60);
    expect(scaleLinear(2, 2, 5, 9)(2)).toBe(5);
  });

  it('lays the headline cards out in one row or two balanced ones, never one alone', () => {
    expect([4, 5, 6, 7, 8].map(cardColumns)).toEqual([4, 5, 3, 4, 4]);
    for (let n = 1; n <= 12; n++) {
      const cols = cardColumns(n);
      const last = n % cols || cols;
      expect(n === 1 || last >= 2 || n <= cols).toBe(true);
    }
  });

  it('formats figures, intervals and counts', () => {
    expect(fmt(0.4137)).toBe('0.41');
    expect(fmt(null)).toBe('n/a');
    expect(fmtCi([0.2, 0.61])).toBe('0.20–0.61');
    expect(fmtCi(null)).toBe('');
    expect(fmtCount(12)).toBe('12');
    expect(fmtCount(12.25)).toBe('12.3');
    expect(countOf(1, 'matched pair')).toBe('1 matched pair');
    expect(countOf(2, 'matched pair')).toBe('2 matched pairs');
    expect(countOf(0, 'box', 'boxes')).toBe('0 boxes');
  });

  it('colours quality bands and heat cells', () => {
    expect(qualityColor(0.41)).toBe('#d64550');
    expect(qualityColor(0.7)).toBe('#e09a2d');
    expect(qualityColor(0.9)).toBe('#2f9e62');
    expect(qualityColor(null)).toBe('#c3c8d1');
    expect(heatColor(0, 10, true)).toBe('#f7f8fa');
    expect(heatColor(10, 10, true)).toBe('rgb(47, 158, 98)');
    // A single conflict among many agreements is still tinted.
    expect(heatColor(1, 400, false)).not.toBe('#f7f8fa');
  });

  it('shortens long labels', () => {
    expect(shorten('foreign particle', 8)).toBe('foreign…');
    expect(shorten('dent', 8)).toBe('dent');
  });

  it('spreads markers that would hide each other, leaves the others in place', () => {
    // overall at 100, spot and inclusion both at 200, pit at 100.5, scratch alone at 150.
    expect(coincidentOffsets([100, 200, 200, 100.5, 150], 4, 8)).toEqual([-4, -4, 4, 4, 0]);
    expect(coincidentOffsets([null, 10, null])).toEqual([0, 0, 0]);
    expect(coincidentOffsets([5, 5, 5], 4, 6)).toEqual([-6, 0, 6]);
  });

  it('says how many items were left out', () => {
    expect(leftOutText({ items: 1 })).toBe('1 item left out');
    expect(leftOutText({ items: 3 })).toBe('3 items left out');
  });
});
