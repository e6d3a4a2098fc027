import { describe, expect, it } from 'vitest';
import { spec } from '../model/testDocs';
import type { KeyLike } from './keymap';
import { comboOf, displayCombo, hotkeyConflicts, resolveKey } from './keymap';

function key(k: string, code: string, mods: Partial<KeyLike> = {}): KeyLike {
  return { key: k, code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

describe('keymap', () => {
  it('names key presses by physical key for letters and digits', () => {
    expect(comboOf(key('z', 'KeyZ', { ctrlKey: true, shiftKey: true }))).toBe('mod+shift+z');
    expect(comboOf(key('Z', 'KeyZ', { metaKey: true }))).toBe('mod+z');
    expect(comboOf(key('!', 'Digit1', { shiftKey: true }))).toBe('shift+1');
    expect(comboOf(key('?', 'Slash', { shiftKey: true }))).toBe('?');
    expect(comboOf(key('Delete', 'Delete'))).toBe('delete');
    expect(comboOf(key('+', 'NumpadAdd'))).toBe('+');
    expect(comboOf(key('Enter', 'Enter', { ctrlKey: true }))).toBe('mod+enter');
  });

  it('resolves built-in actions, class hotkeys bare and tag hotkeys with Shift', () => {
    expect(resolveKey(key('n', 'KeyN'), spec)).toEqual({ type: 'action', action: 'draw' });
    expect(resolveKey(key('z', 'KeyZ', { ctrlKey: true }), spec)).toEqual({
      type: 'action',
      action: 'undo',
    });
    expect(resolveKey(key('Z', 'KeyZ', { ctrlKey: true, shiftKey: true }), spec)).toEqual({
      type: 'action',
      action: 'redo',
    });
    expect(resolveKey(key('2', 'Digit2'), spec)).toEqual({ type: 'class', classId: 'dent' });
    expect(resolveKey(key('X', 'KeyX', { shiftKey: true }), spec)).toEqual({
      type: 'tag',
      tagId: 'defective',
    });
    expect(resolveKey(key('0', 'Digit0'), spec)).toEqual({
      type: 'action',
      action: 'toggleNoDefects',
    });
    expect(resolveKey(key('q', 'KeyQ'), spec)).toBeNull();
    // The panel keys are symbols, so no class or tag hotkey (1-9, a-z) can take them.
    expect(resolveKey(key('[', 'BracketLeft'), spec)).toEqual({
      type: 'action',
      action: 'toggleQueue',
    });
    expect(resolveKey(key('\\', 'Backslash'), spec)).toEqual({
      type: 'action',
      action: 'toggleNav',
    });
  });

  it('lets built-in keys win and reports the collision', () => {
    expect(resolveKey(key('d', 'KeyD'), spec)).toEqual({ type: 'action', action: 'next' });
    expect(hotkeyConflicts(spec)).toEqual([
      expect.stringContaining('Class "rust": key D is taken by "Next item"'),
    ]);
  });

  it('displays combos', () => {
    expect(displayCombo('mod+shift+z')).toBe('Ctrl+Shift+Z');
    expect(displayCombo('+')).toBe('+');
    expect(displayCombo('delete')).toBe('Del');
  });
});
