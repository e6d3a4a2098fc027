import { describe, expect, it } from 'vitest';
import type { AnnotationDoc } from '../../../shared/api/schemas/annotationDoc';
import {
  chooseClass,
  copyFromPrevious,
  deleteSelected,
  runEditorAction,
  setMode,
  toggleItemTag,
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
  it('a class hotkey recolours the selection and becomes the class for new boxes', () => {
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

  it('Escape cancels the gesture first, then leaves draw mode, then deselects', () => {
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
    runEditorAction(s, 'escape');
    expect(s.state.mode).toBe('select');
    runEditorAction(s, 'escape');
    expect(s.selection.size).toBe(0);
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
