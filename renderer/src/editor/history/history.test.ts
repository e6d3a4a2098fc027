import { describe, expect, it } from 'vitest';
import type { AnnotationDoc } from '../../../../shared/api/schemas/annotationDoc';
import { addBoxes, deleteBoxes, setRects } from '../model/docOps';
import type { Patch } from '../model/patches';
import { box, doc } from '../model/testDocs';
import { History } from './history';

function setup(initial: AnnotationDoc = doc([box('a', 0, 0, 10, 10)])) {
  let current = initial;
  const seen: Patch[][] = [];
  const history = new History({
    get: () => current,
    set: (d, p) => {
      current = d;
      seen.push([...p]);
    },
  });
  return { history, get: () => current, seen };
}

const at = (x: number) => new Map([['a', { x, y: 0, w: 10, h: 10 }]]);

describe('History', () => {
  it('makes every edit outside a gesture its own step', () => {
    const { history, get } = setup();
    history.apply(setRects(get(), at(1)));
    history.apply(setRects(get(), at(2)));
    expect(history.depth.undo).toBe(2);
    history.undo();
    expect(get().boxes[0]!.x).toBe(1);
    history.undo();
    expect(get().boxes[0]!.x).toBe(0);
    expect(history.undo()).toBe(false);
    history.redo();
    history.redo();
    expect(get().boxes[0]!.x).toBe(2);
  });

  it('records one step per gesture however many moves it had', () => {
    const { history, get } = setup();
    history.mark();
    for (let x = 1; x <= 1000; x++) history.apply(setRects(get(), at(x)));
    history.commit();
    expect(history.depth.undo).toBe(1);
    expect(get().boxes[0]!.x).toBe(1000);
    history.undo();
    expect(get().boxes[0]!.x).toBe(0);
    history.redo();
    expect(get().boxes[0]!.x).toBe(1000);
  });

  it('rolls a gesture back on Escape and leaves no step', () => {
    const { history, get } = setup();
    history.mark();
    history.apply(addBoxes(get(), [box('n', 5, 5, 0, 0)]));
    history.apply(setRects(get(), new Map([['n', { x: 5, y: 5, w: 30, h: 30 }]])));
    history.apply(setRects(get(), at(50)));
    history.rollback();
    expect(get()).toEqual(doc([box('a', 0, 0, 10, 10)]));
    expect(history.canUndo).toBe(false);
  });

  it('a draw gesture undoes to nothing and redoes to the final box', () => {
    const { history, get } = setup(doc());
    history.mark();
    history.apply(addBoxes(get(), [box('n', 5, 5, 0, 0)]));
    history.apply(setRects(get(), new Map([['n', { x: 5, y: 5, w: 30, h: 20 }]])));
    history.commit();
    history.undo();
    expect(get().boxes).toEqual([]);
    history.redo();
    expect(get().boxes).toEqual([box('n', 5, 5, 30, 20)]);
  });

  it('a gesture that changed nothing adds no step', () => {
    const { history } = setup();
    history.mark();
    history.commit();
    expect(history.canUndo).toBe(false);
  });

  it('a new edit clears the redo stack', () => {
    const { history, get } = setup();
    history.apply(setRects(get(), at(1)));
    history.undo();
    expect(history.canRedo).toBe(true);
    history.apply(deleteBoxes(get(), ['a']));
    expect(history.canRedo).toBe(false);
  });

  it('undo during a gesture cancels the gesture first', () => {
    const { history, get } = setup();
    history.apply(setRects(get(), at(1)));
    history.mark();
    history.apply(setRects(get(), at(9)));
    history.undo();
    expect(get().boxes[0]!.x).toBe(1);
    history.undo();
    expect(get().boxes[0]!.x).toBe(0);
  });

  it('stores patches, not documents: a step of one box among 5,000 holds one box', () => {
    const boxes = Array.from({ length: 5000 }, (_, i) => box(`b${i}`, i % 90, 0));
    const { history, get, seen } = setup(doc(boxes));
    history.mark();
    for (let x = 0; x < 50; x++)
      history.apply(setRects(get(), new Map([['b7', { x, y: 1, w: 10, h: 10 }]])));
    history.commit();
    history.undo();
    expect(seen.at(-1)).toHaveLength(1);
  });

  it('keeps at most `limit` steps', () => {
    let current = doc([box('a')]);
    const history = new History({ get: () => current, set: (d) => (current = d) }, 3);
    for (let x = 1; x <= 5; x++) history.apply(setRects(current, at(x)));
    expect(history.depth.undo).toBe(3);
  });

  it('amends one step while the same named edit goes on, and starts a new one after', () => {
    const { history, get } = setup();
    history.apply(setRects(get(), at(1)), 'field-1');
    history.apply(setRects(get(), at(2)), 'field-1');
    history.apply(setRects(get(), at(3)), 'field-1');
    expect(history.depth.undo).toBe(1);
    history.apply(setRects(get(), at(4)), 'field-2');
    history.apply(setRects(get(), at(5)));
    history.apply(setRects(get(), at(6)), 'field-2');
    expect(history.depth.undo).toBe(4);
    history.undo();
    history.undo();
    history.undo();
    expect(get().boxes[0]!.x).toBe(3);
    // After an undo the same name no longer amends (the step it named is gone from the top).
    history.apply(setRects(get(), at(7)), 'field-1');
    expect(history.depth).toEqual({ undo: 2, redo: 0 });
    history.undo();
    expect(get().boxes[0]!.x).toBe(3);
    history.undo();
    expect(get().boxes[0]!.x).toBe(0);
  });
});
