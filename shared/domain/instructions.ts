import type { InstructionSpec } from '../api/schemas/instructionSpec';

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
 * Rules zod cannot express on one field: unique ids, names and hotkeys, one "no defects"
 * tag. Returns one readable problem per line (empty when the spec is fine).
 */
export function specProblems(spec: InstructionSpec): string[] {
  const problems: string[] = [];
  const seen = (what: string) => {
    const set = new Map<string, number>();
    return (key: string, index: number, label: string) => {
      const prev = set.get(key);
      if (prev !== undefined)
        problems.push(
          `${what} ${index + 1} (${label}): ${key} is already used by ${what} ${prev + 1}`,
        );
      else set.set(key, index);
    };
  };
  const classIds = seen('class');
  const classNames = seen('class');
  spec.classes.forEach((c, i) => {
    classIds(c.id, i, c.name);
    classNames(c.name.trim().toLowerCase(), i, c.name);
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
  const tagIds = seen('tag');
  const tagNames = seen('tag');
  spec.tags.forEach((t, i) => {
    tagIds(t.id, i, t.name);
    tagNames(t.name.trim().toLowerCase(), i, t.name);
  });
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
  return problems;
}
