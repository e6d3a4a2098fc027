/**
 * Keyboard map of the box editor, modelled on CVAT and Label Studio. Letters and digits are
 * matched by physical key (`code`), so Shift+1 is "shift+1" on every layout; symbols by the
 * character they type ("?", "+").
 *
 * Class hotkeys (1-9, a-z) are pressed bare, tag hotkeys with Shift. The instructions
 * service refuses class and tag hotkeys that collide with a built-in key (see
 * `reservedHotkeys`), so the editor and the instructions agree on which keys are free.
 * This list lives in shared/ because both the editor and that check read it.
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
  | 'nudgeDownFar'
  | 'toggleQueue'
  | 'toggleNav';

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
    // One step per press, innermost first, so a labeler never loses more than they meant:
    // Esc after drawing deselects the new box and keeps the crosshair; the next Esc leaves it.
    label: 'Cancel gesture, then deselect, then leave draw mode',
    group: 'Draw & edit',
  },
  { action: 'fit', keys: ['f', 'mod+0'], label: 'Fit image', group: 'View' },
  { action: 'actualSize', keys: ['shift+f'], label: 'Actual size (1:1)', group: 'View' },
  { action: 'zoomIn', keys: ['+', '='], label: 'Zoom in (or wheel)', group: 'View' },
  { action: 'zoomOut', keys: ['-'], label: 'Zoom out', group: 'View' },
  { action: 'toggleHidden', keys: ['h'], label: 'Hide / show all boxes', group: 'View' },
  { action: 'instructions', keys: ['i', 'f1'], label: 'Show / hide instructions', group: 'View' },
  { action: 'cheatSheet', keys: ['?'], label: 'This cheat sheet', group: 'View' },
  // Symbols, never 0-9/a-z: they cannot collide with a class or tag hotkey.
  { action: 'toggleQueue', keys: ['['], label: 'Show / hide the item list', group: 'View' },
  { action: 'toggleNav', keys: ['\\'], label: 'Show / hide the app navigation', group: 'View' },
  { action: 'toggleNoDefects', keys: ['0'], label: '"No defects" verdict', group: 'Item' },
  { action: 'copyPrevious', keys: ['c'], label: 'Copy boxes from previous item', group: 'Item' },
  { action: 'submit', keys: ['mod+enter'], label: 'Submit item', group: 'Item' },
  { action: 'next', keys: ['d'], label: 'Next item', group: 'Navigate' },
  { action: 'prev', keys: ['a'], label: 'Previous item', group: 'Navigate' },
  { action: 'nextUnfinished', keys: ['shift+d'], label: 'Next unfinished item', group: 'Navigate' },
];

export type HotkeyOwner = 'class' | 'tag';

/**
 * Keys a class (pressed bare) or a tag (pressed with Shift) cannot use because a built-in
 * editor command owns them, with that command's label: e.g. class "d" -> "Next item".
 */
export function reservedHotkeys(owner: HotkeyOwner): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const b of BINDINGS) {
    for (const k of b.keys) {
      const m = owner === 'class' ? /^([0-9a-z])$/.exec(k) : /^shift\+([0-9a-z])$/.exec(k);
      if (m && !out.has(m[1]!)) out.set(m[1]!, b.label);
    }
  }
  return out;
}

/** Every key a class or tag hotkey may be (the instructions' Hotkey rule: 1-9, a-z). */
export const HOTKEY_CHOICES: readonly string[] = [...'123456789abcdefghijklmnopqrstuvwxyz'];

/**
 * What a class hotkey does, for the cheat sheet and the editor's hints. While the crosshair
 * is active the box just drawn stays selected for adjusting, and a labeler who presses the
 * next class's key means the next box: recolouring the new box there was a silent mistake.
 */
export const CLASS_KEY_RULE =
  'While drawing (N): the class of the next box; the box just drawn keeps its class. While selecting (V): re-class the selected boxes.';
