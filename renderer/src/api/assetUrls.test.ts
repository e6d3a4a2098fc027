import { afterEach, describe, expect, it } from 'vitest';
import { assetScopeKey, assetUrls, setAssetScope, withParam } from './assetUrls';

afterEach(() => setAssetScope(null));

describe('asset URLs', () => {
  it('name the open project, for every variant and tile, on both transports', () => {
    const http = assetUrls('/files/asset');
    const ipc = assetUrls('concord-asset://asset');
    expect(http.assetUrl(1, 'thumb')).toBe('/files/asset/1/thumb');
    setAssetScope('u-1.abc');
    expect(http.assetUrl(1, 'thumb')).toBe('/files/asset/1/thumb?p=u-1.abc');
    expect(http.tileUrl(3, 2, 1, 0)).toBe('/files/asset/3/tile/2/1/0?p=u-1.abc');
    expect(ipc.assetUrl(7, 'display')).toBe('concord-asset://asset/7/display?p=u-1.abc');
    setAssetScope('other');
    expect(http.assetUrl(1, 'thumb')).toBe('/files/asset/1/thumb?p=other');
  });

  it('tells project files apart by uid and by place, and is stable for one file', () => {
    const a = { uid: '0b9c', path: '/p/a.concord' };
    expect(assetScopeKey(a)).toBe(assetScopeKey({ ...a }));
    expect(assetScopeKey(a)).not.toBe(assetScopeKey({ ...a, uid: '77aa' }));
    // A copy of the file keeps the uid but lives elsewhere.
    expect(assetScopeKey(a)).not.toBe(assetScopeKey({ ...a, path: '/p/copy.concord' }));
  });

  it('adds a parameter whether or not the URL has a query already', () => {
    expect(withParam('/files/asset/1/thumb', 'r', 2)).toBe('/files/asset/1/thumb?r=2');
    expect(withParam('/files/asset/1/thumb?p=k', 'r', 2)).toBe('/files/asset/1/thumb?p=k&r=2');
  });
});
