import { describe, expect, it } from 'vitest';
import { formatAssetSize, formatBytes, formatCount, formatDuration } from './format';

describe('format', () => {
  it('formats byte sizes', () => {
    expect(formatBytes(12)).toBe('12 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
  });

  it('formats durations', () => {
    expect(formatDuration(7.4)).toBe('0:07');
    expect(formatDuration(205)).toBe('3:25');
    expect(formatDuration(3729)).toBe('1:02:09');
    expect(formatDuration(1.25, true)).toBe('0:01.2');
    expect(formatDuration(Number.NaN)).toBe('–:––');
  });

  it('formats asset sizes by kind', () => {
    expect(formatAssetSize({ kind: 'image', width: 640, height: 480, durationSec: null })).toBe(
      '640 × 480',
    );
    expect(formatAssetSize({ kind: 'audio', width: null, height: null, durationSec: 65 })).toBe(
      '1:05',
    );
    expect(formatAssetSize({ kind: 'image', width: null, height: null, durationSec: null })).toBe(
      '',
    );
  });

  it('pluralizes counts', () => {
    expect(formatCount(1, 'asset')).toBe('1 asset');
    expect(formatCount(10000, 'asset')).toBe('10,000 assets');
  });
});
