import type { InstructionSpec } from '../../../../shared/api/schemas/instructionSpec';
import type { EditorAction } from '../../../../shared/domain/editorKeys';
import { BINDINGS } from '../../../../shared/domain/editorKeys';

/**
 * Keyboard map of the box editor. The bindings themselves live in
 * shared/domain/editorKeys.ts, so the instructions service can refuse class and tag hotkeys
 * that collide with them. Built-in keys still win over a colliding hotkey saved before that
 * rule existed; the cheat sheet lists such collisions.
 */
export type { Binding, EditorAction } from '../../../../shared/domain/editorKeys';
export { BINDINGS } from '../../../../shared/domain/editorKeys';

/** Space (hold to pan) is handled by the canvas, not as a command. */
export const PAN_KEY_LABEL = 'Space + drag, or middle button: pan';

const builtIn = new Map<string, EditorAction>();
for (const b of BINDINGS) for (const k of b.keys) builtIn.set(k, b.action);

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** "mod+shift+z", "shift+1", "?", "delete": the canonical name of a key press. */
export function comboOf(e: KeyLike): string {
  let name: string;
  let symbol = false;
  const letter = /^Key([A-Z])$/.exec(e.code);
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(e.code);
  if (letter) name = letter[1]!.toLowerCase();
  else if (digit) name = digit[1]!;
  else if (e.code === 'NumpadAdd') [name, symbol] = ['+', true];
  else if (e.code === 'NumpadSubtract') [name, symbol] = ['-', true];
  else if (e.key === ' ') name = 'space';
  else if (e.key.length === 1) [name, symbol] = [e.key.toLowerCase(), true];
  else name = e.key.toLowerCase();
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('mod');
  if (e.altKey) parts.push('alt');
  // A symbol already says whether Shift was held ("?" vs "/").
  if (e.shiftKey && !symbol) parts.push('shift');
  parts.push(name);
  return parts.join('+');
}

export type KeyCommand =
  | { type: 'action'; action: EditorAction }
  | { type: 'class'; classId: string }
  | { type: 'tag'; tagId: string };

export function resolveKey(e: KeyLike, spec: InstructionSpec | null): KeyCommand | null {
  const combo = comboOf(e);
  const action = builtIn.get(combo);
  if (action) return { type: 'action', action };
  for (const c of spec?.classes ?? [])
    if (c.hotkey && c.hotkey === combo) return { type: 'class', classId: c.id };
  for (const t of spec?.tags ?? [])
    if (t.hotkey && `shift+${t.hotkey}` === combo) return { type: 'tag', tagId: t.id };
  return null;
}

/** Class and tag hotkeys that a built-in key shadows, for the cheat sheet and the class picker. */
export function hotkeyConflicts(spec: InstructionSpec | null): string[] {
  const out: string[] = [];
  for (const c of spec?.classes ?? []) {
    const a = c.hotkey ? builtIn.get(c.hotkey) : undefined;
    if (a && c.hotkey)
      out.push(
        `Class "${c.name}": key ${c.hotkey.toUpperCase()} is taken by "${labelOf(a)}"; use the class list.`,
      );
  }
  for (const t of spec?.tags ?? []) {
    const a = t.hotkey ? builtIn.get(`shift+${t.hotkey}`) : undefined;
    if (a && t.hotkey)
      out.push(
        `Tag "${t.name}": Shift+${t.hotkey.toUpperCase()} is taken by "${labelOf(a)}"; click the tag.`,
      );
  }
  return out;
}

function labelOf(a: EditorAction): string {
  return BINDINGS.find((b) => b.action === a)?.label ?? a;
}

/** "mod+shift+z" -> "Ctrl+Shift+Z" (or "⌘⇧Z" style on a Mac). */
export function displayCombo(combo: string, mac = false): string {
  if (combo === '+') return '+';
  return combo
    .split('+')
    .map((p) => {
      if (p === 'mod') return mac ? '⌘' : 'Ctrl';
      if (p === 'shift') return mac ? '⇧' : 'Shift';
      if (p === 'alt') return mac ? '⌥' : 'Alt';
      if (p === 'arrowleft') return '←';
      if (p === 'arrowright') return '→';
      if (p === 'arrowup') return '↑';
      if (p === 'arrowdown') return '↓';
      if (p === 'delete') return 'Del';
      if (p === 'backspace') return 'Backspace';
      if (p === 'escape') return 'Esc';
      if (p === 'enter') return 'Enter';
      if (p === 'tab') return 'Tab';
      return p.toUpperCase();
    })
    .join(mac ? '' : '+');
}
