import { describe, expect, it } from 'vitest';
import { parsePeaks, resamplePeaks } from './peaks';

describe('peaks', () => {
  it('reads min/max arrays', () => {
    expect(parsePeaks({ min: [-0.5, -1], max: [0.5, 1], durationSec: 2 })).toEqual({
      min: [-0.5, -1],
      max: [0.5, 1],
      durationSec: 2,
    });
  });

  it('reads audiowaveform-style interleaved integer data', () => {
    const p = parsePeaks({ bits: 8, data: [-127, 127, -64, 64] })!;
    expect(p.min[0]).toBeCloseTo(-1);
    expect(p.max[1]).toBeCloseTo(64 / 127);
  });

  it('reads absolute peaks as a symmetric envelope', () => {
    const p = parsePeaks({ peaks: [0, 0.5, 1] })!;
    expect(p.max).toEqual([0, 0.5, 1]);
    expect(p.min).toEqual([-0, -0.5, -1]);
  });

  it('rejects what it does not understand', () => {
    expect(parsePeaks('nope')).toBeNull();
    expect(parsePeaks({ foo: 1 })).toBeNull();
  });

  it('resamples to a column count keeping extremes', () => {
    const r = resamplePeaks({ min: [-0.1, -0.9, -0.2, -0.3], max: [0.1, 0.2, 0.8, 0.3] }, 2);
    expect(r).toEqual({ min: [-0.9, -0.3], max: [0.2, 0.8] });
  });
});
