import path from 'node:path';
import { toStoredRelPath } from '../project/projectPaths';

/** What matching and checking need to know about an asset. */
export interface MatchableAsset {
  id: number;
  relPath: string;
  fileName: string;
  kind: 'image' | 'audio';
  width: number | null;
  height: number | null;
  orientation: number | null;
  durationSec: number | null;
}

export type MatchResult<A> = { asset: A } | { message: string };

const MAX_NAMED = 3;

function stripExtension(p: string): string {
  const slash = p.lastIndexOf('/');
  const dot = p.lastIndexOf('.');
  return dot > slash + 1 ? p.slice(0, dot) : p;
}

const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const isAbsolute = (p: string) => p.startsWith('/') || /^[A-Za-z]:\//.test(p);

function listNames(assets: MatchableAsset[]): string {
  const named = assets.slice(0, MAX_NAMED).map((a) => a.relPath);
  const more = assets.length > MAX_NAMED ? ` and ${assets.length - MAX_NAMED} more` : '';
  return `${named.join(', ')}${more}`;
}

/**
 * Finds the asset an imported item belongs to. In order:
 *   1. its path, relative to the import root (the folder of the annotation file) or to the
 *      project folder, or absolute;
 *   2. the only asset whose path ends with it (`line2/a.png` finds `data/line2/a.png`);
 *   3. the only asset with its file name.
 * `stem` mode compares paths without extensions: YOLO's `labels/a.txt` belongs to `a.jpg`.
 */
export class AssetMatcher<A extends MatchableAsset> {
  private readonly byKey = new Map<string, A>();
  private readonly byBase = new Map<string, A[]>();

  constructor(
    assets: A[],
    private readonly options: { projectDir: string; importRoot: string; mode: 'path' | 'stem' },
  ) {
    for (const a of assets) {
      const key = this.key(a.relPath);
      this.byKey.set(key, a);
      const base = baseName(key);
      const list = this.byBase.get(base);
      if (list) list.push(a);
      else this.byBase.set(base, [a]);
    }
  }

  private key(p: string): string {
    return this.options.mode === 'stem' ? stripExtension(p) : p;
  }

  resolve(file: string): MatchResult<A> {
    const normalized = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
    const f = this.key(normalized);
    const { projectDir, importRoot } = this.options;
    const direct = new Set<A>();
    const tryRel = (rel: string) => {
      const hit = this.byKey.get(this.key(rel));
      if (hit) direct.add(hit);
    };
    if (isAbsolute(normalized)) tryRel(toStoredRelPath(projectDir, normalized));
    else {
      tryRel(toStoredRelPath(projectDir, path.resolve(importRoot, normalized)));
      tryRel(normalized);
    }
    if (direct.size === 1) return { asset: [...direct][0]! };
    if (direct.size > 1) {
      return {
        message: `"${file}" is ambiguous: relative to the annotation file it is ${listNames([...direct].slice(0, 1))}, relative to the project it is ${listNames([...direct].slice(1))}`,
      };
    }
    const sameName = this.byBase.get(baseName(f)) ?? [];
    if (f.includes('/')) {
      const suffixed = sameName.filter((a) => this.key(a.relPath).endsWith(`/${f}`));
      if (suffixed.length === 1) return { asset: suffixed[0]! };
      if (suffixed.length > 1) return { message: this.ambiguous(file, suffixed) };
    }
    if (sameName.length === 1) return { asset: sameName[0]! };
    if (sameName.length > 1) return { message: this.ambiguous(file, sameName) };
    const what = this.options.mode === 'stem' ? 'image named like' : 'asset matches';
    return { message: `no ${what} "${file}" in this project (by path or by file name)` };
  }

  private ambiguous(file: string, assets: A[]): string {
    return `"${file}" matches ${assets.length} assets (${listNames(assets)}); give its path relative to the project`;
  }
}
