import type { InstructionSpec } from '../api/schemas/instructionSpec';
import type { HotkeyOwner } from './editorKeys';
import { HOTKEY_CHOICES, reservedHotkeys } from './editorKeys';

/**
 * Pure rules about labeling instructions, shared by the services (which enforce them) and
 * the Instructions screen (which shows them while the lead types).
 */

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A stable random id such as `cls_k3j9x0a2mq`; names may change, ids never do. */
export function newId(prefix: 'cls' | 'tag', length = 10): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ID_ALPHABET[b % ID_ALPHABET.length];
  return `${prefix}_${out}`;
}

/** Distinct colours for new classes (Sasha Trubetskoy's list, the usual labeling palette). */
export const CLASS_PALETTE = [
  '#e6194b',
  '#3cb44b',
  '#ffe119',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#42d4f4',
  '#f032e6',
  '#bfef45',
  '#fabed4',
  '#469990',
  '#dcbeff',
  '#9a6324',
  '#800000',
  '#aaffc3',
  '#808000',
  '#000075',
  '#a9a9a9',
] as const;

export function nextPaletteColor(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return (
    CLASS_PALETTE.find((c) => !taken.has(c)) ?? CLASS_PALETTE[used.length % CLASS_PALETTE.length]!
  );
}

/**
 * Version 1 of every new project: no classes yet (the lead writes them), the three usual
 * item verdicts, and plain transcript conventions.
 */
export function defaultInstructionSpec(name: string): InstructionSpec {
  return {
    name,
    classes: [],
    tags: [
      {
        id: 'tag_ok',
        name: 'ok',
        noDefects: true,
        hotkey: null,
        description: 'The item shows no defect. Choosing it is the explicit "no defects" verdict.',
      },
      {
        id: 'tag_defective',
        name: 'defective',
        noDefects: false,
        hotkey: null,
        description: 'The item shows at least one defect; draw a box around each.',
      },
      {
        id: 'tag_uncertain',
        name: 'uncertain',
        noDefects: false,
        hotkey: null,
        description: 'You cannot decide whether the item is defective; the lead will look at it.',
      },
    ],
    transcript: {
      lowercase: true,
      stripPunctuation: true,
      fillers: ['um', 'uh', 'er'],
      dropFillers: false,
      numbers: 'as-typed',
      notes: '',
    },
  };
}

/**
 * Hotkeys still free for a class (pressed bare) or a tag (pressed with Shift): not taken by
 * the editor's own keys nor by another class or tag of `spec` (except `except`, by id).
 */
export function freeHotkeys(spec: InstructionSpec, owner: HotkeyOwner, except?: string): string[] {
  const reserved = reservedHotkeys(owner);
  const used = new Set<string>();
  for (const c of spec.classes) if (c.hotkey && c.id !== except) used.add(c.hotkey);
  for (const t of spec.tags) if (t.hotkey && t.id !== except) used.add(t.hotkey);
  return HOTKEY_CHOICES.filter((k) => !reserved.has(k) && !used.has(k));
}

/**
 * Rules zod cannot express on one field: unique ids, names and hotkeys, hotkeys the editor
 * does not already use, one "no defects" tag. Returns one readable problem per entry (empty
 * when the spec is fine). Classes and tags are named by name, never by their internal id.
 */
export function specProblems(spec: InstructionSpec): string[] {
  const problems: string[] = [];
  const unique = (what: 'class' | 'tag', items: ReadonlyArray<{ id: string; name: string }>) => {
    const byName = new Map<string, number>();
    const byId = new Map<string, number>();
    items.forEach((item, i) => {
      const key = item.name.trim().toLowerCase();
      const sameName = byName.get(key);
      if (sameName !== undefined) {
        problems.push(
          `${what} ${i + 1} ("${item.name}"): the name is already used by ${what} ${sameName + 1} ("${items[sameName]!.name}")`,
        );
      } else byName.set(key, i);
      const sameId = byId.get(item.id);
      // Two entries with one id are two names for one thing (e.g. a file that lists a
      // renamed class twice); a duplicate name already says so.
      if (sameId !== undefined && sameName === undefined) {
        problems.push(
          `${what} ${i + 1} ("${item.name}") and ${what} ${sameId + 1} ("${items[sameId]!.name}") are the same ${what} (same id); keep one of them`,
        );
      } else if (sameId === undefined) byId.set(item.id, i);
    });
  };
  unique('class', spec.classes);
  spec.classes.forEach((c) => {
    const attrNames = new Set<string>();
    for (const a of c.attributes) {
      const key = a.name.trim().toLowerCase();
      if (attrNames.has(key))
        problems.push(`class "${c.name}": attribute "${a.name}" appears twice`);
      attrNames.add(key);
      if (a.type === 'enum' && new Set(a.options).size !== a.options.length) {
        problems.push(`class "${c.name}": attribute "${a.name}" lists an option twice`);
      }
    }
  });
  unique('tag', spec.tags);
  const noDefects = spec.tags.filter((t) => t.noDefects);
  if (noDefects.length > 1) {
    problems.push(
      `only one tag can be the "no defects" verdict; ${noDefects.map((t) => `"${t.name}"`).join(' and ')} both are`,
    );
  }
  const hotkeys = new Map<string, string>();
  const claim = (hotkey: string | null, owner: string) => {
    if (!hotkey) return;
    const prev = hotkeys.get(hotkey);
    if (prev) problems.push(`hotkey "${hotkey}" is used by both ${prev} and ${owner}`);
    else hotkeys.set(hotkey, owner);
  };
  for (const c of spec.classes) claim(c.hotkey, `class "${c.name}"`);
  for (const t of spec.tags) claim(t.hotkey, `tag "${t.name}"`);
  // Built-in editor keys win over a class or tag hotkey, so a colliding hotkey would
  // silently never work while labeling.
  const reserved = { class: reservedHotkeys('class'), tag: reservedHotkeys('tag') };
  const free = (owner: HotkeyOwner) => {
    const keys = freeHotkeys(spec, owner);
    return keys.length ? `free keys: ${keys.join(' ')}` : 'no key is free; use none';
  };
  for (const c of spec.classes) {
    const taken = c.hotkey ? reserved.class.get(c.hotkey) : undefined;
    if (c.hotkey && taken)
      problems.push(
        `class "${c.name}": hotkey "${c.hotkey}" is the editor's key for "${taken}"; choose another (${free('class')})`,
      );
  }
  for (const t of spec.tags) {
    const taken = t.hotkey ? reserved.tag.get(t.hotkey) : undefined;
    if (t.hotkey && taken)
      problems.push(
        `tag "${t.name}": hotkey "${t.hotkey}" (pressed with Shift) is the editor's Shift+${t.hotkey.toUpperCase()} for "${taken}"; choose another (${free('tag')})`,
      );
  }
  return problems;
}
