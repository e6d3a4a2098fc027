import { describe, expect, it } from 'vitest';
import { describeSampling, describeStrata, parseSize, progressPercent } from './roundFormat';

describe('round wording', () => {
  it('describes a sampling spec in one line', () => {
    expect(
      describeSampling({ size: { count: 10 }, stratify: { by: 'metadata', field: 'line' }, kind: null, seed: 42 }),
    ).toBe('10 items, stratified by line, seed 42');
    expect(describeSampling({ size: { fraction: 0.125 }, stratify: { by: 'none' }, kind: 'image', seed: 1 })).toBe(
      '12.5% of the assets, images only, random, seed 1',
    );
  });

  it('lists strata largest first and folds the tail', () => {
    const strata = ['a', 'b', 'c'].map((s, i) => ({ stratum: s, available: 10 - i, drawn: 3 - i }));
    expect(describeStrata(strata)).toBe('a 3/10 · b 2/9 · c 1/8');
    expect(describeStrata([...strata, { stratum: null, available: 1, drawn: 1 }], 2)).toBe('a 3/10 · b 2/9 · +2 more');
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
