import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './route';

describe('hash routes', () => {
  it('round-trips a screen with its item and round', () => {
    const r = { screen: 'label', asset: 12, round: 3 };
    expect(formatRoute(r)).toBe('#/label?asset=12&round=3');
    expect(parseRoute(formatRoute(r))).toEqual(r);
    expect(formatRoute({ screen: 'assets', asset: null, round: null })).toBe('#/assets');
    expect(parseRoute('#/assets')).toEqual({ screen: 'assets', asset: null, round: null });
    expect(parseRoute('#label?round=7')).toEqual({ screen: 'label', asset: null, round: 7 });
  });

  it('ignores what it cannot trust: empty, odd screens, non-numeric or zero ids', () => {
    expect(parseRoute('')).toBeNull();
    expect(parseRoute('#')).toBeNull();
    expect(parseRoute('#/')).toBeNull();
    expect(parseRoute('#/../etc')).toBeNull();
    expect(parseRoute('#/Label')).toBeNull();
    expect(parseRoute('#/label?asset=abc&round=0')).toEqual({
      screen: 'label',
      asset: null,
      round: null,
    });
    expect(parseRoute('#/label?asset=-4&round=1e3')).toMatchObject({ asset: null, round: null });
  });
});
