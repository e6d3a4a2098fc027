import { describe, expect, it } from 'vitest';
import type { AnnotationDoc } from '../../../shared/api/schemas/annotationDoc';
import {
  chooseClass,
  copyFromPrevious,
  deleteSelected,
  runEditorAction,
  setMode,
  setSelectionClass,
  toggleItemTag,
  typeTextAttribute,
  toggleNoDefects,
  toggleUncertainFlag,
} from './editorCommands';
import { EditorSession } from './editorSession';
import { box, doc, spec } from './model/testDocs';

function setup(
  d: AnnotationDoc = doc([box('a', 10, 10, 20, 20), box('b', 50, 50, 20, 20)]),
  readOnly = false,
) {
  const s = new EditorSession();
  s.setViewport({ width: 800, height: 600 });
  s.load({ assetId: 1, doc: d, image: { width: 100, height: 100 }, readOnly, spec });
  const saved: AnnotationDoc[] = [];
  s.onDocChange((x) => saved.push(x));
  return { s, saved };
}

describe('editor commands', () => {
  it('with the select tool, a class hotkey recolours the selection and becomes the class for new boxes', () => {
    const { s, saved } = setup();
    s.setSelection(['b']);
    chooseClass(s, 'dent');
    expect(s.doc.boxes.map((b) => b.classId)).toEqual(['scratch', 'dent']);
    expect(s.state.activeClassId).toBe('dent');
    expect(saved).toHaveLength(1);
    s.setSelection([]);
    chooseClass(s, 'rust');
    expect(saved).toHaveLength(1);
  });

  it('deletes the selection as one undo step', () => {
    const { s } = setup();
    runEditorAction(s, 'selectAll');
    deleteSelected(s);
    expect(s.doc.boxes).toEqual([]);
    expect(s.selection.size).toBe(0);
    runEditorAction(s, 'undo');
    expect(s.doc.boxes.map((b) => b.id)).toEqual(['a', 'b']);
  });

  it('nudges the selection, clamped to the image, and Tab walks the boxes', () => {
    const { s } = setup();
    runEditorAction(s, 'cycleNext');
    expect([...s.selection]).toEqual(['a']);
    runEditorAction(s, 'nudgeLeftFar');
    runEditorAction(s, 'nudgeLeftFar');
    expect(s.doc.boxes[0]).toMatchObject({ x: 0, y: 10 });
    runEditorAction(s, 'nudgeDown');
    expect(s.doc.boxes[0]).toMatchObject({ x: 0, y: 11 });
    runEditorAction(s, 'cyclePrev');
    expect([...s.selection]).toEqual(['b']);
  });

  it('U flags the selected boxes, or the item when nothing is selected', () => {
    const { s } = setup();
    toggleUncertainFlag(s);
    expect(s.doc.uncertain).toBe(true);
    s.setSelection(['a']);
    toggleUncertainFlag(s);
    expect(s.doc.boxes[0]!.uncertain).toBe(true);
  });

  it('refuses "no defects" on an item with boxes, and says why', () => {
    const { s } = setup();
    toggleNoDefects(s);
    expect(s.doc.noDefects).toBe(false);
    expect(s.state.message?.text).toMatch(/Delete the boxes first/);
    const empty = setup(doc());
    toggleNoDefects(empty.s);
    expect(empty.s.doc).toMatchObject({ noDefects: true, tags: ['ok'] });
  });

  it('copies the previous boxes once and selects the copies', () => {
    const { s } = setup(doc());
    copyFromPrevious(s, [box('p', 5, 5, 10, 10, 'dent')]);
    expect(s.doc.boxes).toHaveLength(1);
    expect(s.doc.boxes[0]!.id).not.toBe('p');
    expect([...s.selection]).toEqual([s.doc.boxes[0]!.id]);
    copyFromPrevious(s, [box('p', 5, 5, 10, 10, 'dent')]);
    expect(s.doc.boxes).toHaveLength(1);
    expect(s.state.message?.text).toMatch(/already here/);
  });

  it('while drawing, a class hotkey picks the next box class and leaves the box just drawn alone', () => {
    const { s, saved } = setup(doc([]));
    const ev = (x: number, y: number) =>
      s.pointerInput({ x, y }, { button: 0, shiftKey: false, ctrlKey: false, metaKey: false });
    s.setView({ scale: 4, x: 0, y: 0 });
    chooseClass(s, 'scratch');
    setMode(s, 'draw');
    s.pointerDown(ev(40, 40));
    s.pointerMove(ev(120, 120));
    s.pointerUp(ev(120, 120));
    expect(s.doc.boxes).toHaveLength(1);
    const first = s.doc.boxes[0]!.id;
    // The new box stays selected for adjusting...
    expect([...s.selection]).toEqual([first]);
    // ...and "2" means the next box, not this one (the audit's silent re-class).
    chooseClass(s, 'dent');
    expect(s.doc.boxes[0]!.classId).toBe('scratch');
    expect(s.state.activeClassId).toBe('dent');
    expect(s.state.message?.text).toContain('Next box: dent');
    s.pointerDown(ev(200, 200));
    s.pointerMove(ev(280, 280));
    s.pointerUp(ev(280, 280));
    expect(s.doc.boxes.map((b) => b.classId)).toEqual(['scratch', 'dent']);
    expect(saved).toHaveLength(2);
    // With the select tool the key re-classes the selection again.
    setMode(s, 'select');
    s.setSelection([first]);
    chooseClass(s, 'rust');
    expect(s.doc.boxes.map((b) => b.classId)).toEqual(['rust', 'dent']);
  });

  it('the box panel class field re-classes the selection whatever the tool', () => {
    const { s } = setup();
    setMode(s, 'draw');
    s.setSelection(['a']);
    setSelectionClass(s, 'dent');
    expect(s.doc.boxes.map((b) => b.classId)).toEqual(['dent', 'scratch']);
    expect(s.state.activeClassId).toBe('scratch');
  });

  it('a text attribute typed in several commits is one undo step per field edit', () => {
    const { s, saved } = setup();
    const ids = new Set(['a']);
    typeTextAttribute(s, ids, 'note', 'hair', 'edit-1');
    typeTextAttribute(s, ids, 'note', 'hairline', 'edit-1');
    typeTextAttribute(s, ids, 'note', 'hairline crack', 'edit-1');
    // Each commit reached the document (and autosave) at once...
    expect(saved).toHaveLength(3);
    expect(s.doc.boxes[0]!.attributes).toEqual({ note: 'hairline crack' });
    // ...and a second focus of the field is its own step.
    typeTextAttribute(s, ids, 'note', 'deep crack', 'edit-2');
    runEditorAction(s, 'undo');
    expect(s.doc.boxes[0]!.attributes).toEqual({ note: 'hairline crack' });
    runEditorAction(s, 'undo');
    expect(s.doc.boxes[0]!.attributes).toEqual({});
    expect(s.state.canUndo).toBe(false);
    runEditorAction(s, 'redo');
    expect(s.doc.boxes[0]!.attributes).toEqual({ note: 'hairline crack' });
    // Emptying the field removes the attribute.
    typeTextAttribute(s, ids, 'note', '', 'edit-3');
    expect(s.doc.boxes[0]!.attributes).toEqual({});
  });

  it('the session commits typed fields on request (before the item changes)', () => {
    const { s } = setup();
    let typed = 'pending text';
    const off = s.onFlushFields(() => typeTextAttribute(s, new Set(['b']), 'note', typed, 'e'));
    s.flushFields();
    expect(s.doc.boxes[1]!.attributes).toEqual({ note: 'pending text' });
    off();
    typed = 'not any more';
    s.flushFields();
    expect(s.doc.boxes[1]!.attributes).toEqual({ note: 'pending text' });
  });

  it('Escape cancels the gesture first, then deselects, then leaves draw mode', () => {
    const { s } = setup();
    setMode(s, 'draw');
    s.setSelection(['a']);
    const ev = (x: number, y: number) =>
      s.pointerInput({ x, y }, { button: 0, shiftKey: false, ctrlKey: false, metaKey: false });
    s.setView({ scale: 4, x: 0, y: 0 });
    s.pointerDown(ev(300, 300));
    s.pointerMove(ev(360, 360));
    expect(s.doc.boxes).toHaveLength(3);
    runEditorAction(s, 'escape');
    expect(s.doc.boxes).toHaveLength(2);
    expect(s.state.mode).toBe('draw');
    // As after a finished draw: the new box is selected, the crosshair still on.
    s.setSelection(['a']);
    runEditorAction(s, 'escape');
    expect(s.selection.size).toBe(0);
    expect(s.state.mode).toBe('draw');
    runEditorAction(s, 'escape');
    expect(s.state.mode).toBe('select');
    runEditorAction(s, 'escape');
    expect(s.state.mode).toBe('select');
  });

  it('changes nothing on a read-only item', () => {
    const { s, saved } = setup(undefined, true);
    runEditorAction(s, 'selectAll');
    deleteSelected(s);
    chooseClass(s, 'dent');
    setMode(s, 'draw');
    expect(s.doc.boxes).toHaveLength(2);
    expect(s.state.mode).toBe('select');
    expect(saved).toHaveLength(0);
  });

  it('once submitted, undo, redo and every other edit are refused and nothing is saved', () => {
    const { s, saved } = setup(doc());
    toggleNoDefects(s); // the verdict and its "ok" tag: one undo step
    setMode(s, 'draw');
    runEditorAction(s, 'undo');
    runEditorAction(s, 'redo');
    expect(s.state).toMatchObject({ canUndo: true, canRedo: false });
    expect(saved).toHaveLength(3);
    const stored = s.doc;
    expect(stored).toMatchObject({ noDefects: true, tags: ['ok'] });

    s.setReadOnly(true); // what submitting does
    expect(s.state).toMatchObject({ readOnly: true, mode: 'select', canUndo: false });
    runEditorAction(s, 'undo');
    expect(s.doc).toBe(stored);
    expect(s.state.message?.text).toMatch(/read-only/);
    runEditorAction(s, 'redo');
    toggleNoDefects(s);
    toggleItemTag(s, 'ok');
    toggleUncertainFlag(s);
    copyFromPrevious(s, [box('p', 5, 5, 10, 10, 'dent')]);
    setMode(s, 'draw');
    expect(s.state.mode).toBe('select');
    expect(s.doc).toBe(stored);
    expect(s.state.doc).toBe(stored);
    expect(saved).toHaveLength(3);
  });

  it('a read-only item opened fresh has nothing to undo, and drawing on it adds nothing', () => {
    const { s, saved } = setup(undefined, true);
    const ev = (x: number, y: number) =>
      s.pointerInput({ x, y }, { button: 0, shiftKey: false, ctrlKey: false, metaKey: false });
    s.setView({ scale: 4, x: 0, y: 0 });
    s.pointerDown(ev(300, 300));
    s.pointerMove(ev(360, 360));
    s.pointerUp(ev(360, 360));
    expect(s.doc.boxes).toHaveLength(2);
    expect(s.undo()).toBe(false);
    expect(s.redo()).toBe(false);
    expect(saved).toHaveLength(0);
  });
});
