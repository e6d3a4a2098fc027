import { describe, expect, it } from 'vitest';
import type { DirEntry } from '../../../../shared/api/schemas/project';
import {
  chosenEntries,
  isSelectable,
  rangeSelection,
  selectionOf,
  typeAheadIndex,
} from './fileBrowserModel';

const entries: DirEntry[] = [
  { name: 'images', path: '/d/images', kind: 'dir', bytes: null },
  { name: 'audio', path: '/d/audio', kind: 'dir', bytes: null },
  { name: 'a.png', path: '/d/a.png', kind: 'file', bytes: 10 },
  { name: 'notes.txt', path: '/d/notes.txt', kind: 'file', bytes: 3 },
  { name: 'b.JPG', path: '/d/b.JPG', kind: 'file', bytes: 12 },
];

describe('file browser model', () => {
  it('decides what can be picked', () => {
    expect(isSelectable(entries[0]!, { choose: 'folder' })).toBe(true);
    expect(isSelectable(entries[2]!, { choose: 'folder' })).toBe(false);
    expect(isSelectable(entries[0]!, { choose: 'file' })).toBe(false);
    expect(isSelectable(entries[3]!, { choose: 'any', extensions: ['png', 'jpg'] })).toBe(false);
    expect(isSelectable(entries[4]!, { choose: 'any', extensions: ['png', 'jpg'] })).toBe(true);
  });

  it('selects a range of pickable entries only', () => {
    const picked = rangeSelection(entries, 4, 1, { choose: 'file', extensions: ['png', 'jpg'] });
    expect(picked.map((e) => e.path)).toEqual(['/d/a.png', '/d/b.JPG']);
  });

  it('jumps by typed prefix and wraps', () => {
    expect(typeAheadIndex(entries, 0, 'a')).toBe(1);
    expect(typeAheadIndex(entries, 1, 'a')).toBe(2);
    expect(typeAheadIndex(entries, 2, 'i')).toBe(0);
    expect(typeAheadIndex(entries, 2, 'zz')).toBe(2);
  });

  it('falls back to the current folder when choosing a folder with nothing selected', () => {
    const here: DirEntry = { name: 'd', path: '/d', kind: 'dir', bytes: null };
    expect(chosenEntries(new Map(), here, { choose: 'folder' })).toEqual([here]);
    expect(chosenEntries(new Map(), here, { choose: 'file' })).toEqual([]);
    expect(chosenEntries(selectionOf([entries[2]!]), here, { choose: 'file' })).toEqual([
      entries[2],
    ]);
  });
});
