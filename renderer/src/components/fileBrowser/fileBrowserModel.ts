import type { DirEntry } from '../../../../shared/api/schemas/project';
import { extensionOf } from '../../lib/pathCrumbs';

/** What a chooser picks: one folder, files, or any mix of files and folders. */
export type ChooseKind = 'folder' | 'file' | 'any';

export interface ChooserRules {
  choose: ChooseKind;
  /** Lowercase extensions without the dot; other files are shown but cannot be picked. */
  extensions?: readonly string[];
}

export function isSelectable(entry: DirEntry, rules: ChooserRules): boolean {
  if (entry.kind === 'dir') return rules.choose !== 'file';
  if (rules.choose === 'folder') return false;
  return !rules.extensions || rules.extensions.includes(extensionOf(entry.name));
}

/** Shift-click: every selectable entry between the anchor and the target, inclusive. */
export function rangeSelection(
  entries: DirEntry[],
  anchor: number,
  target: number,
  rules: ChooserRules,
): DirEntry[] {
  const [from, to] = anchor <= target ? [anchor, target] : [target, anchor];
  return entries.slice(from, to + 1).filter((e) => isSelectable(e, rules));
}

/** A selection that survives moving between folders, keyed by path. */
export type Selection = ReadonlyMap<string, DirEntry>;

export function selectionOf(entries: DirEntry[]): Map<string, DirEntry> {
  return new Map(entries.map((e) => [e.path, e]));
}

/** Type-ahead: the next entry after `from` whose name starts with `prefix` (wrapping). */
export function typeAheadIndex(entries: DirEntry[], from: number, prefix: string): number {
  const p = prefix.toLowerCase();
  for (let step = 1; step <= entries.length; step++) {
    const i = (from + step) % entries.length;
    if (entries[i]!.name.toLowerCase().startsWith(p)) return i;
  }
  return from;
}

/** What the confirm button will hand back, given the selection and the folder on screen. */
export function chosenEntries(
  selected: Selection,
  currentDir: DirEntry,
  rules: ChooserRules,
): DirEntry[] {
  if (selected.size > 0) return [...selected.values()];
  return rules.choose === 'folder' ? [currentDir] : [];
}
