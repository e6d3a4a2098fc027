import { describe, expect, it } from 'vitest';
import {
  describeDrawn,
  describeSampling,
  describeStrata,
  parseSize,
  progressPercent,
} from './roundFormat';

describe('round wording', () => {
  it('describes a sampling spec in one line', () => {
    expect(
      describeSampling({
        size: { count: 10 },
        stratify: { by: 'metadata', field: 'line' },
        kind: null,
        seed: 42,
      }),
    ).toBe('10 items, stratified by line, seed 42');
    expect(
      describeSampling({
        size: { fraction: 0.125 },
        stratify: { by: 'none' },
        kind: 'image',
        seed: 1,
      }),
    ).toBe('12.5% of the assets, images only, random, seed 1');
  });

  it('describes what a round drew', () => {
    const s = {
      size: { fraction: 0.5 },
      stratify: { by: 'none' as const },
      kind: 'image' as const,
      seed: 3,
    };
    expect(describeDrawn(s, 4, 8)).toBe('4 of 8 images (50%), random, seed 3');
  });

  it('lists strata largest first and folds the tail', () => {
    const strata = ['a', 'b', 'c'].map((s, i) => ({ stratum: s, available: 10 - i, drawn: 3 - i }));
    expect(describeStrata(strata)).toBe('a: 3 of 10 · b: 2 of 9 · c: 1 of 8');
    expect(describeStrata(strata, 'line', 2)).toBe('line a: 3 of 10 · line b: 2 of 9 · +1 more');
    expect(describeStrata([{ stratum: null, available: 1, drawn: 1 }], 'line')).toBe(
      '(none): 1 of 1',
    );
  });

  it('parses the size field', () => {
    expect(parseSize('count', '12')).toEqual({ size: { count: 12 } });
    expect(parseSize('count', '1.5')).toHaveProperty('error');
    expect(parseSize('fraction', '25')).toEqual({ size: { fraction: 0.25 } });
    expect(parseSize('fraction', '0')).toHaveProperty('error');
    expect(parseSize('fraction', '')).toHaveProperty('error');
  });

  it('computes progress percentages', () => {
    expect(progressPercent({ done: 1, working: 0, total: 3 })).toBe(33);
    expect(progressPercent(null)).toBe(0);
  });
});
