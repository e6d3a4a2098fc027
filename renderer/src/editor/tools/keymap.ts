import type { InstructionSpec } from '../../../../shared/api/schemas/instructionSpec';

/**
 * Keyboard map of the box editor, modelled on CVAT and Label Studio. Letters and digits are
 * matched by physical key (`code`), so Shift+1 is "shift+1" on every layout; symbols by the
 * character they type ("?", "+").
 *
 * Class hotkeys (1-9, a-z) are pressed bare, tag hotkeys with Shift. Built-in keys win over
 * a class or tag hotkey that collides with them; the cheat sheet lists such collisions.
 */
export type EditorAction =
  | 'draw'
  | 'select'
  | 'delete'
  | 'undo'
  | 'redo'
  | 'fit'
  | 'actualSize'
  | 'zoomIn'
  | 'zoomOut'
  | 'toggleHidden'
  | 'toggleUncertain'
  | 'toggleNoDefects'
  | 'submit'
  | 'copyPrevious'
  | 'next'
  | 'prev'
  | 'nextUnfinished'
  | 'cheatSheet'
  | 'instructions'
  | 'selectAll'
  | 'escape'
  | 'cycleNext'
  | 'cyclePrev'
  | 'nudgeLeft'
  | 'nudgeRight'
  | 'nudgeUp'
  | 'nudgeDown'
  | 'nudgeLeftFar'
  | 'nudgeRightFar'
  | 'nudgeUpFar'
  | 'nudgeDownFar';

export interface Binding {
  action: EditorAction;
  keys: string[];
  label: string;
  group: 'Draw & edit' | 'View' | 'Item' | 'Navigate';
}

export const BINDINGS: readonly Binding[] = [
  { action: 'draw', keys: ['n', 'b'], label: 'Draw boxes (crosshair)', group: 'Draw & edit' },
  { action: 'select', keys: ['v'], label: 'Select / move tool', group: 'Draw & edit' },
  {
    action: 'delete',
    keys: ['delete', 'backspace'],
    label: 'Delete selected boxes',
    group: 'Draw & edit',
  },
  { action: 'undo', keys: ['mod+z'], label: 'Undo', group: 'Draw & edit' },
  { action: 'redo', keys: ['mod+shift+z', 'mod+y'], label: 'Redo', group: 'Draw & edit' },
  {
    action: 'toggleUncertain',
    keys: ['u'],
    label: 'Mark selected boxes uncertain (item, if none)',
    group: 'Draw & edit',
  },
  { action: 'selectAll', keys: ['mod+a'], label: 'Select all boxes', group: 'Draw & edit' },
  { action: 'cycleNext', keys: ['tab'], label: 'Select next box', group: 'Draw & edit' },
  { action: 'cyclePrev', keys: ['shift+tab'], label: 'Select previous box', group: 'Draw & edit' },
  {
    action: 'nudgeLeft',
    keys: ['arrowleft'],
    label: 'Nudge 1 px (Shift: 10 px)',
    group: 'Draw & edit',
  },
  { action: 'nudgeRight', keys: ['arrowright'], label: 'Nudge right', group: 'Draw & edit' },
  { action: 'nudgeUp', keys: ['arrowup'], label: 'Nudge up', group: 'Draw & edit' },
  { action: 'nudgeDown', keys: ['arrowdown'], label: 'Nudge down', group: 'Draw & edit' },
  {
    action: 'nudgeLeftFar',
    keys: ['shift+arrowleft'],
    label: 'Nudge left 10 px',
    group: 'Draw & edit',
  },
  {
    action: 'nudgeRightFar',
    keys: ['shift+arrowright'],
    label: 'Nudge right 10 px',
    group: 'Draw & edit',
  },
  { action: 'nudgeUpFar', keys: ['shift+arrowup'], label: 'Nudge up 10 px', group: 'Draw & edit' },
  {
    action: 'nudgeDownFar',
    keys: ['shift+arrowdown'],
    label: 'Nudge down 10 px',
    group: 'Draw & edit',
  },
  {
    action: 'escape',
    keys: ['escape'],
    label: 'Cancel gesture / leave draw mode / deselect',
    group: 'Draw & edit',
  },
  { action: 'fit', keys: ['f', 'mod+0'], label: 'Fit image', group: 'View' },
  { action: 'actualSize', keys: ['shift+f'], label: 'Actual size (1:1)', group: 'View' },
  { action: 'zoomIn', keys: ['+', '='], label: 'Zoom in (or wheel)', group: 'View' },
  { action: 'zoomOut', keys: ['-'], label: 'Zoom out', group: 'View' },
  { action: 'toggleHidden', keys: ['h'], label: 'Hide / show all boxes', group: 'View' },
  { action: 'instructions', keys: ['i', 'f1'], label: 'Show / hide instructions', group: 'View' },
  { action: 'cheatSheet', keys: ['?'], label: 'This cheat sheet', group: 'View' },
  { action: 'toggleNoDefects', keys: ['0'], label: '"No defects" verdict', group: 'Item' },
  { action: 'copyPrevious', keys: ['c'], label: 'Copy boxes from previous item', group: 'Item' },
  { action: 'submit', keys: ['mod+enter'], label: 'Submit item', group: 'Item' },
  { action: 'next', keys: ['d'], label: 'Next item', group: 'Navigate' },
  { action: 'prev', keys: ['a'], label: 'Previous item', group: 'Navigate' },
  { action: 'nextUnfinished', keys: ['shift+d'], label: 'Next unfinished item', group: 'Navigate' },
];

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
