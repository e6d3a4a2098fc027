import { describe, expect, it } from 'vitest';
import { parseTilePath, parseTileUrl } from './tileRoute';

describe('tile URLs', () => {
  it('accept the project key the renderer appends (the route ignores it)', () => {
    const ref = { id: 3, level: 2, col: 1, row: 0 };
    expect(parseTileUrl('concord-asset://asset/3/tile/2/1/0')).toEqual(ref);
    expect(parseTileUrl('concord-asset://asset/3/tile/2/1/0?p=0b9c.1x2')).toEqual(ref);
    // The HTTP server matches the parsed pathname, never the query.
    expect(
      parseTilePath(new URL('http://127.0.0.1/files/asset/3/tile/2/1/0?p=k').pathname),
    ).toEqual(ref);
  });

  it('refuse anything but numbers', () => {
    expect(parseTileUrl('concord-asset://asset/3/tile/2/1/../0')).toBeNull();
    expect(parseTilePath('/files/asset/3/tile/2/1/0/extra')).toBeNull();
    expect(parseTilePath('/files/asset/x/tile/2/1/0')).toBeNull();
  });
});
