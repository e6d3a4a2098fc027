import { describe, expect, it } from 'vitest';
import { parsePeaks, resamplePeaks } from './peaks';

describe('peaks', () => {
  it('reads the services peaks file (interleaved min/max times scale)', () => {
    const p = parsePeaks({
      version: 1,
      sampleRate: 16000,
      channels: 1,
      durationSec: 2,
      samplesPerBucket: 480,
      scale: 1000,
      peaks: [-500, 250, -1000, 1000],
    });
    expect(p).toEqual({ min: [-0.5, -1], max: [0.25, 1], durationSec: 2 });
  });

  it('rejects anything else', () => {
    expect(parsePeaks('nope')).toBeNull();
    expect(parsePeaks({ version: 2, durationSec: 1, scale: 1, peaks: [] })).toBeNull();
    expect(parsePeaks({ version: 1, durationSec: 1, scale: 1000 })).toBeNull();
  });

  it('resamples to a column count keeping extremes', () => {
    const r = resamplePeaks({ min: [-0.1, -0.9, -0.2, -0.3], max: [0.1, 0.2, 0.8, 0.3] }, 2);
    expect(r).toEqual({ min: [-0.9, -0.3], max: [0.2, 0.8] });
  });
});
