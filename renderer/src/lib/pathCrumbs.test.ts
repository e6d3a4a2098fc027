import { describe, expect, it } from 'vitest';
import { baseName, extensionOf, fileNameFor, joinPath, parentPath, pathCrumbs } from './pathCrumbs';

describe('pathCrumbs', () => {
  it('splits POSIX paths from the root', () => {
    expect(pathCrumbs('/home/ana/data', '/')).toEqual([
      { label: '/', path: '/' },
      { label: 'home', path: '/home' },
      { label: 'ana', path: '/home/ana' },
      { label: 'data', path: '/home/ana/data' },
    ]);
    expect(pathCrumbs('/', '/')).toEqual([{ label: '/', path: '/' }]);
  });

  it('splits Windows paths from the drive', () => {
    expect(pathCrumbs('C:\\Users\\ana', '\\')).toEqual([
      { label: 'C:\\', path: 'C:\\' },
      { label: 'Users', path: 'C:\\Users' },
      { label: 'ana', path: 'C:\\Users\\ana' },
    ]);
  });

  it('joins and finds parents with the given separator', () => {
    expect(joinPath('/home/ana', 'x.png', '/')).toBe('/home/ana/x.png');
    expect(joinPath('/', 'tmp', '/')).toBe('/tmp');
    expect(joinPath('C:\\', 'data', '\\')).toBe('C:\\data');
    expect(parentPath('/home/ana', '/')).toBe('/home');
    expect(parentPath('/', '/')).toBeNull();
    expect(parentPath('C:\\Users', '\\')).toBe('C:\\');
  });

  it('names and extensions', () => {
    expect(baseName('/a/b/photo.JPG')).toBe('photo.JPG');
    expect(extensionOf('photo.JPG')).toBe('jpg');
    expect(extensionOf('.hidden')).toBe('');
    expect(fileNameFor('  Line 2 / camera A ')).toBe('Line 2 - camera A');
    expect(fileNameFor('...')).toBe('project');
  });
});
