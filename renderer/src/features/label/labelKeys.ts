import type { EditorOwnAction } from '../../editor/editorCommands';
import {
  chooseClass,
  copyFromPrevious,
  runEditorAction,
  toggleItemTag,
} from '../../editor/editorCommands';
import { resolveKey } from '../../editor/tools/keymap';
import { layoutActions } from '../shell/layoutPrefs';
import type { LabelController } from './labelController';

const SCREEN_ACTIONS = new Set([
  'submit',
  'copyPrevious',
  'next',
  'prev',
  'nextUnfinished',
  'cheatSheet',
  'instructions',
  'toggleQueue',
  'toggleNav',
]);

function isTyping(t: EventTarget | null): boolean {
  return (
    t instanceof HTMLElement &&
    (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))
  );
}

/**
 * The Label screen's keyboard: every hotkey of the keymap, wherever the focus is, except
 * while typing in a field (there Escape leaves the field and nothing else is taken).
 */
export function handleLabelKey(ctl: LabelController, e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing) return;
  if (isTyping(e.target)) {
    if (e.key === 'Escape') (e.target as HTMLElement).blur();
    return;
  }
  // Dialogs (cheat sheet) handle their own keys.
  if (e.target instanceof HTMLElement && e.target.closest('[role="dialog"]')) return;
  const cmd = resolveKey(e, ctl.state.spec);
  if (!cmd) return;
  const s = ctl.session;
  e.preventDefault();
  if (cmd.type === 'class') return chooseClass(s, cmd.classId);
  if (cmd.type === 'tag') return toggleItemTag(s, cmd.tagId);
  const action = cmd.action;
  if (!SCREEN_ACTIONS.has(action)) return runEditorAction(s, action as EditorOwnAction);
  switch (action) {
    case 'submit':
      return void ctl.submit();
    case 'copyPrevious':
      if (s.refuseReadOnly()) return;
      return void ctl.previousBoxes().then((boxes) => copyFromPrevious(s, boxes));
    case 'next':
      return void ctl.go(1);
    case 'prev':
      return void ctl.go(-1);
    case 'nextUnfinished':
      return void ctl.nextUnfinished();
    case 'cheatSheet':
      return ctl.toggle('cheatSheet');
    case 'instructions':
      return ctl.toggle('instructions');
    case 'toggleQueue':
      return layoutActions.toggleQueue();
    case 'toggleNav':
      return layoutActions.toggleNavFor('label');
  }
}
