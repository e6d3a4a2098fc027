import { describe, expect, it } from 'vitest';
import type { AnnotationDoc } from '../../../../shared/api/schemas/annotationDoc';
import { EditorSession } from '../editorSession';
import { box, doc, spec } from '../model/testDocs';

/** A session showing a 1000x800 image at scale 1 (screen == image pixels). */
function setup(d: AnnotationDoc = doc([box('a', 100, 100, 200, 100)]), readOnly = false) {
  const s = new EditorSession();
  s.setViewport({ width: 1000, height: 800 });
  s.load({ assetId: 1, doc: d, image: { width: 1000, height: 800 }, readOnly, spec });
  s.setView({ scale: 1, x: 0, y: 0 });
  const saved: AnnotationDoc[] = [];
  s.onDocChange((doc) => saved.push(doc));
  const ev = (x: number, y: number, o: { button?: number; shift?: boolean } = {}) =>
    s.pointerInput(
      { x, y },
      { button: o.button ?? 0, shiftKey: o.shift ?? false, ctrlKey: false, metaKey: false },
    );
  const drag = (from: [number, number], ...path: Array<[number, number]>) => {
    s.pointerDown(ev(...from));
    for (const p of path) s.pointerMove(ev(...p));
    s.pointerUp(ev(...(path.at(-1) ?? from)));
  };
  return { s, ev, drag, saved };
}

describe('PointerTool', () => {
  it('draws a box in draw mode with the active class, as one undo step', () => {
    const { s, drag, saved } = setup(doc());
    s.store.setState({ mode: 'draw', activeClassId: 'dent' });
    drag([10, 20], [30, 40], [60, 90]);
    expect(s.doc.boxes).toHaveLength(1);
    expect(s.doc.boxes[0]).toMatchObject({ classId: 'dent', x: 10, y: 20, w: 50, h: 70 });
    expect([...s.selection]).toEqual([s.doc.boxes[0]!.id]);
    expect(saved).toHaveLength(1);
    expect(s.history.depth.undo).toBe(1);
    s.history.undo();
    expect(s.doc.boxes).toHaveLength(0);
  });

  it('draws from right to left and clamps to the image', () => {
    const { s, drag } = setup(doc());
    s.store.setState({ mode: 'draw' });
    drag([950, 700], [1200, 900], [990, 790], [1100, 850]);
    expect(s.doc.boxes[0]).toMatchObject({ x: 950, y: 700, w: 50, h: 100 });
  });

  it('treats a tiny draw as a click and records nothing', () => {
    const { s, drag, saved } = setup(doc());
    s.store.setState({ mode: 'draw' });
    drag([10, 10], [12, 14]);
    drag([10, 10], [13, 50]);
    expect(s.doc.boxes).toHaveLength(0);
    expect(saved).toHaveLength(0);
    expect(s.history.canUndo).toBe(false);
  });

  it('moves a box by dragging it, clamped to the image', () => {
    const { s, drag } = setup();
    drag([150, 150], [170, 160], [2000, 2000]);
    expect(s.doc.boxes[0]).toMatchObject({ x: 800, y: 700, w: 200, h: 100 });
    expect(s.history.depth.undo).toBe(1);
  });

  it('resizes the selected box from a handle, flipping past the opposite edge', () => {
    const { s, drag } = setup();
    s.setSelection(['a']);
    drag([300, 200], [320, 210], [50, 60]); // se handle dragged above-left of nw
    expect(s.doc.boxes[0]).toMatchObject({ x: 50, y: 60, w: 50, h: 40 });
  });

  it('Escape during a drag rolls it back', () => {
    const { s, ev, saved } = setup();
    s.pointerDown(ev(150, 150));
    s.pointerMove(ev(250, 250));
    expect(s.doc.boxes[0]!.x).toBe(200);
    expect(s.cancelGesture()).toBe(true);
    expect(s.doc.boxes[0]).toMatchObject({ x: 100, y: 100 });
    s.pointerUp(ev(250, 250));
    expect(s.doc.boxes[0]).toMatchObject({ x: 100, y: 100 });
    expect(saved).toHaveLength(0);
    expect(s.history.canUndo).toBe(false);
  });

  it('selects with click, toggles with shift-click, clears on empty click', () => {
    const { s, drag } = setup(doc([box('a', 0, 0, 50, 50), box('b', 100, 100, 50, 50)]));
    drag([10, 10]);
    expect([...s.selection]).toEqual(['a']);
    s.pointerDown(
      s.pointerInput(
        { x: 120, y: 120 },
        { button: 0, shiftKey: true, ctrlKey: false, metaKey: false },
      ),
    );
    s.pointerUp(
      s.pointerInput(
        { x: 120, y: 120 },
        { button: 0, shiftKey: true, ctrlKey: false, metaKey: false },
      ),
    );
    expect([...s.selection].sort()).toEqual(['a', 'b']);
    drag([500, 500]);
    expect(s.selection.size).toBe(0);
  });

  it('rubber-band selects intersecting boxes', () => {
    const { s, drag } = setup(
      doc([box('a', 0, 0, 50, 50), box('b', 100, 100, 50, 50), box('c', 400, 400, 10, 10)]),
    );
    drag([500, 500], [300, 300], [60, 60]);
    expect([...s.selection].sort()).toEqual(['b', 'c']);
  });

  it('moves a multi-selection together', () => {
    const { s, drag } = setup(doc([box('a', 0, 0, 50, 50), box('b', 100, 100, 50, 50)]));
    s.setSelection(['a', 'b']);
    drag([120, 120], [130, 125], [140, 130]);
    expect(s.doc.boxes.map((b) => [b.x, b.y])).toEqual([
      [20, 10],
      [120, 110],
    ]);
    s.history.undo();
    expect(s.doc.boxes.map((b) => [b.x, b.y])).toEqual([
      [0, 0],
      [100, 100],
    ]);
  });

  it('picks the smallest box under the pointer', () => {
    const { s, drag } = setup(doc([box('big', 0, 0, 500, 500), box('small', 100, 100, 20, 20)]));
    drag([110, 110]);
    expect([...s.selection]).toEqual(['small']);
  });

  it('pans with the middle button and with space held, without editing', () => {
    const { s, drag } = setup();
    drag([150, 150], [200, 170]);
    s.history.undo();
    s.pointerDown(
      s.pointerInput(
        { x: 150, y: 150 },
        { button: 1, shiftKey: false, ctrlKey: false, metaKey: false },
      ),
    );
    s.pointerMove(
      s.pointerInput(
        { x: 180, y: 190 },
        { button: 1, shiftKey: false, ctrlKey: false, metaKey: false },
      ),
    );
    s.pointerUp(
      s.pointerInput(
        { x: 180, y: 190 },
        { button: 1, shiftKey: false, ctrlKey: false, metaKey: false },
      ),
    );
    expect(s.view).toMatchObject({ x: 30, y: 40 });
    s.spaceHeld = true;
    drag([150, 150], [160, 150]);
    expect(s.view).toMatchObject({ x: 40, y: 40 });
    expect(s.doc.boxes[0]).toMatchObject({ x: 100, y: 100 });
  });

  it('does not edit a read-only item', () => {
    const { s, drag, saved } = setup(undefined, true);
    drag([150, 150], [300, 300]);
    s.store.setState({ mode: 'draw' });
    drag([500, 500], [600, 600]);
    expect(s.doc.boxes).toEqual([box('a', 100, 100, 200, 100)]);
    expect(saved).toHaveLength(0);
  });

  it('shows the right cursors', () => {
    const { s } = setup();
    expect(s.tool.cursor({ x: 150, y: 150 })).toBe('move');
    s.setSelection(['a']);
    expect(s.tool.cursor({ x: 300, y: 200 })).toBe('nwse-resize');
    expect(s.tool.cursor({ x: 600, y: 600 })).toBe('default');
    s.store.setState({ mode: 'draw' });
    expect(s.tool.cursor({ x: 600, y: 600 })).toBe('crosshair');
  });
});
