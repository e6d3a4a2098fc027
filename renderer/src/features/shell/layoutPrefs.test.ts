import { describe, expect, it } from 'vitest';
import { NAV_AUTO_COLLAPSE_BELOW, navShown, queueShown, readPrefs } from './layoutPrefs';

describe('layout preferences', () => {
  it('collapses the navigation on a narrow Label screen unless the labeler chose otherwise', () => {
    expect(navShown(null, 'label', 1280)).toBe(false);
    expect(navShown(null, 'label', NAV_AUTO_COLLAPSE_BELOW)).toBe(true);
    expect(navShown(null, 'assets', 1280)).toBe(true);
    expect(navShown('shown', 'label', 1280)).toBe(true);
    expect(navShown('hidden', 'assets', 1920)).toBe(false);
  });

  it('shows the item list unless hidden', () => {
    expect(queueShown(null)).toBe(true);
    expect(queueShown('shown')).toBe(true);
    expect(queueShown('hidden')).toBe(false);
  });

  it('reads what was stored, ignoring anything malformed', () => {
    expect(readPrefs('{"nav":"hidden","queue":"shown"}')).toEqual({
      nav: 'hidden',
      queue: 'shown',
    });
    expect(readPrefs('{"nav":"sideways"}')).toEqual({ nav: null, queue: null });
    expect(readPrefs('not json')).toEqual({ nav: null, queue: null });
    expect(readPrefs(null)).toEqual({ nav: null, queue: null });
  });
});
