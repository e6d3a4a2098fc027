import { describe, expect, it } from 'vitest';
import type { MatchableAsset } from './assetMatcher';
import { AssetMatcher } from './assetMatcher';

const asset = (id: number, relPath: string): MatchableAsset => ({
  id,
  relPath,
  fileName: relPath.slice(relPath.lastIndexOf('/') + 1),
  kind: 'image',
  width: 10,
  height: 10,
  orientation: 1,
  durationSec: null,
});

const assets = [
  asset(1, 'data/line1/img_1.png'),
  asset(2, 'data/line2/img_1.png'),
  asset(3, 'data/line2/img_2.jpg'),
  asset(4, 'exports/data/line2/img_2.jpg'),
  asset(5, 'solo.png'),
];
const projectDir = '/p';
const matcher = (importRoot: string, mode: 'path' | 'stem' = 'path') =>
  new AssetMatcher(assets, { projectDir, importRoot, mode });
const idOf = (r: ReturnType<AssetMatcher<MatchableAsset>['resolve']>) =>
  'asset' in r ? r.asset.id : r.message;

describe('AssetMatcher', () => {
  it('matches by path relative to the import root, the project, or absolute', () => {
    expect(idOf(matcher('/p/data').resolve('line1/img_1.png'))).toBe(1);
    expect(idOf(matcher('/elsewhere').resolve('data/line1/img_1.png'))).toBe(1);
    expect(idOf(matcher('/elsewhere').resolve('/p/data/line2/img_1.png'))).toBe(2);
    expect(idOf(matcher('/p').resolve('.\\data\\line2\\img_1.png'))).toBe(2);
    expect(idOf(matcher('/p/data').resolve('../solo.png'))).toBe(5);
  });

  it('falls back to a unique path suffix, then a unique file name', () => {
    expect(idOf(matcher('/x').resolve('line2/img_1.png'))).toBe(2);
    expect(idOf(matcher('/x').resolve('solo.png'))).toBe(5);
    expect(idOf(matcher('/x').resolve('other/solo.png'))).toBe(5);
  });

  it('reports ambiguity and unknown files with the candidates', () => {
    expect(idOf(matcher('/x').resolve('img_1.png'))).toBe(
      '"img_1.png" matches 2 assets (data/line1/img_1.png, data/line2/img_1.png); give its path relative to the project',
    );
    expect(idOf(matcher('/x').resolve('line2/img_2.jpg'))).toMatch(/matches 2 assets/);
    expect(idOf(matcher('/x').resolve('nope.png'))).toBe(
      'no asset matches "nope.png" in this project (by path or by file name)',
    );
    // Relative to the import root it is one asset, relative to the project another.
    expect(idOf(matcher('/p/exports').resolve('data/line2/img_2.jpg'))).toMatch(
      /is ambiguous: relative to the annotation file it is exports\/data\/line2\/img_2\.jpg, relative to the project it is data\/line2\/img_2\.jpg/,
    );
  });

  it('compares without extensions in stem mode (YOLO label files)', () => {
    expect(idOf(matcher('/p/labels', 'stem').resolve('line1/img_1.txt'))).toBe(1);
    expect(idOf(matcher('/p/labels', 'stem').resolve('solo.txt'))).toBe(5);
    expect(idOf(matcher('/p/labels', 'stem').resolve('img_9.txt'))).toBe(
      'no image named like "img_9.txt" in this project (by path or by file name)',
    );
  });
});
