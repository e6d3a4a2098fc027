import type { Box } from '../../../shared/api/schemas/annotationDoc';
import type { EditorSession } from './editorSession';
import {
  copyBoxesFrom,
  deleteBoxes,
  setAttribute,
  setClass,
  setItemUncertain,
  setNoDefects,
  setRects,
  toggleTag,
  toggleUncertain,
} from './model/docOps';
import { clampGroupDelta, roundRect } from './model/geometry';
import type { Rect } from './model/geometry';
import { newBoxId } from './model/ids';
import type { EditorAction } from './tools/keymap';
import { actualSize, centerOn, zoomAt } from './tools/view';

/**
 * Editor commands shared by hotkeys, toolbar buttons and panels. Each edit goes through
 * `session.apply`, so it is one undo step, refused on read-only items, and autosaved.
 */

/** Actions the editor handles itself; the rest (next item, submit, ...) belong to the screen. */
export type EditorOwnAction = Exclude<
  EditorAction,
  | 'submit'
  | 'copyPrevious'
  | 'next'
  | 'prev'
  | 'nextUnfinished'
  | 'cheatSheet'
  | 'instructions'
  | 'toggleQueue'
  | 'toggleNav'
>;

export function setMode(s: EditorSession, mode: 'select' | 'draw'): void {
  if (mode === 'draw' && s.refuseReadOnly()) return;
  if (mode === 'draw' && !s.state.activeClassId)
    return s.notify('The instructions have no classes yet: a lead adds them first.');
  // Drawing into hidden boxes would draw blind: show them again.
  s.store.setState(mode === 'draw' ? { mode, hidden: false } : { mode });
  s.emitCanvas();
}

/**
 * A class hotkey (or a click in the class list). While drawing it only chooses the class of
 * the next box: the box just drawn stays selected for adjusting and keeps its class (see
 * CLASS_KEY_RULE). While selecting it re-classes the selection and becomes the class for
 * new boxes.
 */
export function chooseClass(s: EditorSession, classId: string): void {
  if (s.state.mode === 'draw') {
    s.store.setState({ activeClassId: classId });
    if (s.selection.size > 0) {
      const name = s.spec?.classes.find((c) => c.id === classId)?.name ?? classId;
      s.notify(
        `Next box: ${name}. The selected box keeps its class (V, then the key, changes it).`,
      );
    }
    return s.emitCanvas();
  }
  // On a read-only item a class key would recolour the selection: refuse it whole.
  if (s.selection.size > 0 && s.refuseReadOnly()) return;
  s.store.setState({ activeClassId: classId });
  if (s.selection.size > 0) s.apply(setClass(s.doc, s.selection, classId));
  s.emitCanvas();
}

/** The box panel's class field: always re-classes the selection, whatever the tool. */
export function setSelectionClass(s: EditorSession, classId: string): void {
  if (s.selection.size === 0 || s.refuseReadOnly()) return;
  s.apply(setClass(s.doc, s.selection, classId));
  s.emitCanvas();
}

export function deleteSelected(s: EditorSession): void {
  if (s.selection.size === 0) return;
  s.apply(deleteBoxes(s.doc, s.selection));
}

export function setSelectedAttribute(
  s: EditorSession,
  name: string,
  value: string | boolean | undefined,
): void {
  s.apply(setAttribute(s.doc, s.selection, name, value));
}

/**
 * A text attribute being typed: committed as the labeler types (so autosave stores it
 * within a second), yet one undo step per field edit. `edit` names the edit (the field and
 * the focus that started it); commits with the same name amend one history step.
 */
export function typeTextAttribute(
  s: EditorSession,
  ids: ReadonlySet<string>,
  name: string,
  value: string,
  edit: string,
): void {
  if (s.state.readOnly) return;
  s.apply(setAttribute(s.doc, ids, name, value === '' ? undefined : value), edit);
}

export function toggleUncertainFlag(s: EditorSession): void {
  if (s.selection.size > 0) s.apply(toggleUncertain(s.doc, s.selection));
  else s.apply(setItemUncertain(s.doc, !s.doc.uncertain));
}

export function toggleItemTag(s: EditorSession, tagId: string): void {
  if (s.refuseReadOnly()) return;
  const patches = toggleTag(s.doc, tagId, s.spec);
  if (patches.length === 0)
    return s.notify('Delete the boxes first: an item with boxes cannot be "no defects".');
  s.apply(patches);
}

export function toggleNoDefects(s: EditorSession): void {
  if (s.refuseReadOnly()) return;
  const value = !s.doc.noDefects;
  const patches = setNoDefects(s.doc, value, s.spec);
  if (value && patches.length === 0)
    return s.notify('Delete the boxes first: an item with boxes cannot be "no defects".');
  s.apply(patches);
}

export function copyFromPrevious(s: EditorSession, boxes: readonly Box[] | null): void {
  if (s.refuseReadOnly()) return;
  if (!boxes || boxes.length === 0) return s.notify('The previous item has no boxes to copy.');
  const patches = copyBoxesFrom(s.doc, boxes, s.state.image, newBoxId, s.spec);
  if (patches.length === 0) return s.notify('These boxes are already here.');
  if (s.apply(patches)) {
    const added = patches.flatMap((p) => (p.t === 'add' ? [p.box.id] : []));
    s.setSelection(added);
    s.notify(`Copied ${added.length} box${added.length === 1 ? '' : 'es'} from the previous item.`);
  }
}

function nudge(s: EditorSession, dx: number, dy: number): void {
  const boxes = s.selectedBoxes();
  if (boxes.length === 0) return;
  const d = clampGroupDelta(boxes, dx, dy, s.state.image);
  const rects = new Map<string, Rect>(
    boxes.map((b) => [b.id, roundRect({ x: b.x + d.x, y: b.y + d.y, w: b.w, h: b.h })]),
  );
  s.apply(setRects(s.doc, rects));
}

/** Tab / Shift+Tab: walk the selection through the boxes and bring it into view. */
function cycle(s: EditorSession, step: 1 | -1): void {
  const boxes = s.doc.boxes;
  if (boxes.length === 0) return;
  const [current] = s.selection;
  const at = current ? boxes.findIndex((b) => b.id === current) : -1;
  const next = boxes[(at + step + boxes.length) % boxes.length]!;
  s.setSelection([next.id]);
  revealBox(s, next);
}

/** Scrolls the canvas so the box is visible (box list -> canvas sync). */
export function revealBox(s: EditorSession, box: Rect): void {
  const v = s.view;
  const x0 = box.x * v.scale + v.x;
  const y0 = box.y * v.scale + v.y;
  const inside =
    x0 >= 0 &&
    y0 >= 0 &&
    x0 + box.w * v.scale <= s.viewport.width &&
    y0 + box.h * v.scale <= s.viewport.height;
  if (!inside) s.setView(centerOn(v, box, s.viewport));
}

export function zoomBy(s: EditorSession, factor: number): void {
  s.setView(zoomAt(s.view, factor, { x: s.viewport.width / 2, y: s.viewport.height / 2 }));
}

export function runEditorAction(s: EditorSession, action: EditorOwnAction): void {
  switch (action) {
    case 'draw':
      return setMode(s, 'draw');
    case 'select':
      return setMode(s, 'select');
    case 'delete':
      return deleteSelected(s);
    case 'undo':
      return void s.undo();
    case 'redo':
      return void s.redo();
    case 'fit':
      return s.fit();
    case 'actualSize':
      return s.setView(actualSize(s.view, s.viewport));
    case 'zoomIn':
      return zoomBy(s, 1.25);
    case 'zoomOut':
      return zoomBy(s, 0.8);
    case 'toggleHidden':
      s.store.setState({ hidden: !s.state.hidden });
      return s.emitCanvas();
    case 'toggleUncertain':
      return toggleUncertainFlag(s);
    case 'toggleNoDefects':
      return toggleNoDefects(s);
    case 'selectAll':
      return s.setSelection(s.doc.boxes.map((b) => b.id));
    case 'escape':
      // Innermost first, one step per press: the gesture, then the selection (the box just
      // drawn; the crosshair stays), then draw mode.
      if (s.cancelGesture()) return;
      if (s.selection.size > 0) return s.setSelection([]);
      if (s.state.mode === 'draw') return setMode(s, 'select');
      return;
    case 'cycleNext':
      return cycle(s, 1);
    case 'cyclePrev':
      return cycle(s, -1);
    case 'nudgeLeft':
      return nudge(s, -1, 0);
    case 'nudgeRight':
      return nudge(s, 1, 0);
    case 'nudgeUp':
      return nudge(s, 0, -1);
    case 'nudgeDown':
      return nudge(s, 0, 1);
    case 'nudgeLeftFar':
      return nudge(s, -10, 0);
    case 'nudgeRightFar':
      return nudge(s, 10, 0);
    case 'nudgeUpFar':
      return nudge(s, 0, -10);
    case 'nudgeDownFar':
      return nudge(s, 0, 10);
  }
}
