import type { AnnotationDoc, Box } from '../../../../shared/api/schemas/annotationDoc';
import type { InstructionSpec } from '../../../../shared/api/schemas/instructionSpec';
import type { Handle, Point, Rect, Size } from '../model/geometry';
import {
  clampGroupDelta,
  clampPoint,
  handleAt,
  handleCursor,
  normalizeRect,
  resizeRect,
  roundRect,
} from '../model/geometry';
import { addBoxes, newBox, setRects } from '../model/docOps';
import type { Patch } from '../model/patches';

/**
 * The canvas's pointer state machine (after tldraw's SelectTool):
 *
 *   idle --down--> pointing --moved past threshold--> drawing | translating | resizing | brushing
 *   idle --down (space / middle button)--> panning
 *   any --up--> idle (gesture committed)      any --cancel (Escape)--> idle (gesture rolled back)
 *
 * A gesture is one undo step: the history is marked when the drag really starts and
 * committed on pointer-up. Moves and resizes are always computed from the snapshot taken at
 * the start of the gesture, never incrementally.
 */

export type ToolMode = 'select' | 'draw';

export interface PointerInput {
  /** Image pixels (not clamped). */
  image: Point;
  /** Canvas pixels, for thresholds and panning. */
  screen: Point;
  /** 0 = primary, 1 = middle. */
  button: number;
  shift: boolean;
  mod: boolean;
}

export interface ToolHost {
  doc(): AnnotationDoc;
  spec(): InstructionSpec | null;
  selection(): ReadonlySet<string>;
  setSelection(ids: readonly string[]): void;
  history: {
    mark(): void;
    commit(): void;
    rollback(): void;
    apply(patches: readonly Patch[]): void;
  };
  image(): Size;
  /** Screen pixels per image pixel. */
  scale(): number;
  mode(): ToolMode;
  spaceHeld(): boolean;
  readOnly(): boolean;
  activeClassId(): string | null;
  hit(p: Point, tolerance: number): Box | null;
  boxesIn(r: Rect): string[];
  newId(): string;
  panBy(dx: number, dy: number): void;
  /** Something the user should know (e.g. "choose a class first"). */
  notify(message: string): void;
}

type PointTarget =
  | { kind: 'box'; id: string; wasSelected: boolean }
  | { kind: 'handle'; id: string; handle: Handle }
  | { kind: 'canvas' };

export type ToolState =
  | { name: 'idle' }
  | { name: 'pointing'; origin: PointerInput; target: PointTarget }
  | { name: 'drawing'; origin: Point; id: string }
  | { name: 'translating'; origin: Point; starts: Map<string, Rect> }
  | { name: 'resizing'; origin: Point; id: string; handle: Handle; start: Rect }
  | { name: 'brushing'; origin: Point; current: Point; base: string[] }
  | { name: 'panning'; last: Point };

/** Screen pixels a pointer must travel before a press becomes a drag. */
export const DRAG_THRESHOLD = 3;
/** Grab radius of resize handles, in screen pixels. */
export const HANDLE_GRAB = 7;
/** A drawn box smaller than this on screen (either side) was a click, not a box. */
export const MIN_DRAWN = 4;

export class PointerTool {
  state: ToolState = { name: 'idle' };

  constructor(private readonly host: ToolHost) {}

  get busy(): boolean {
    return this.state.name !== 'idle';
  }

  /** The rubber band, in image pixels, while brushing. */
  get brush(): Rect | null {
    return this.state.name === 'brushing'
      ? normalizeRect(this.state.origin, this.state.current)
      : null;
  }

  down(e: PointerInput): void {
    const h = this.host;
    if (this.state.name !== 'idle') this.cancel();
    if (e.button === 1 || (e.button === 0 && h.spaceHeld())) {
      this.state = { name: 'panning', last: e.screen };
      return;
    }
    if (e.button !== 0) return;
    const tol = HANDLE_GRAB / h.scale();
    const handle = h.readOnly() ? null : this.handleUnder(e.image, tol);
    if (handle) {
      this.state = { name: 'pointing', origin: e, target: { kind: 'handle', ...handle } };
      return;
    }
    if (h.mode() === 'draw' && !h.readOnly()) {
      this.state = { name: 'pointing', origin: e, target: { kind: 'canvas' } };
      return;
    }
    const box = h.hit(e.image, 2 / h.scale());
    if (box) {
      const sel = h.selection();
      const wasSelected = sel.has(box.id);
      if (!wasSelected && !e.shift) h.setSelection([box.id]);
      this.state = {
        name: 'pointing',
        origin: e,
        target: { kind: 'box', id: box.id, wasSelected },
      };
      return;
    }
    this.state = { name: 'pointing', origin: e, target: { kind: 'canvas' } };
  }

  move(e: PointerInput): void {
    const s = this.state;
    const h = this.host;
    switch (s.name) {
      case 'idle':
        return;
      case 'panning':
        h.panBy(e.screen.x - s.last.x, e.screen.y - s.last.y);
        this.state = { name: 'panning', last: e.screen };
        return;
      case 'pointing': {
        const d = Math.hypot(e.screen.x - s.origin.screen.x, e.screen.y - s.origin.screen.y);
        if (d < DRAG_THRESHOLD) return;
        this.startDrag(s.origin, s.target);
        this.move(e);
        return;
      }
      case 'drawing': {
        const a = clampPoint(s.origin, h.image());
        const b = clampPoint(e.image, h.image());
        h.history.apply(setRects(h.doc(), new Map([[s.id, roundRect(normalizeRect(a, b))]])));
        return;
      }
      case 'translating': {
        const starts = [...s.starts.values()];
        const d = clampGroupDelta(
          starts,
          e.image.x - s.origin.x,
          e.image.y - s.origin.y,
          h.image(),
        );
        const rects = new Map<string, Rect>();
        for (const [id, r] of s.starts)
          rects.set(id, roundRect({ x: r.x + d.x, y: r.y + d.y, w: r.w, h: r.h }));
        h.history.apply(setRects(h.doc(), rects));
        return;
      }
      case 'resizing': {
        const r = resizeRect(
          s.start,
          s.handle,
          e.image.x - s.origin.x,
          e.image.y - s.origin.y,
          h.image(),
          1,
        );
        h.history.apply(setRects(h.doc(), new Map([[s.id, r]])));
        return;
      }
      case 'brushing':
        this.state = { ...s, current: e.image };
        return;
    }
  }

  up(e: PointerInput): void {
    const s = this.state;
    const h = this.host;
    this.state = { name: 'idle' };
    switch (s.name) {
      case 'pointing':
        // A click without a drag.
        if (s.target.kind === 'box') {
          const id = s.target.id;
          if (e.shift) {
            const sel = new Set(h.selection());
            if (sel.has(id)) sel.delete(id);
            else sel.add(id);
            h.setSelection([...sel]);
          } else {
            h.setSelection([id]);
          }
        } else if (s.target.kind === 'canvas' && !e.shift) {
          h.setSelection([]);
        }
        return;
      case 'drawing': {
        const box = h.doc().boxes.find((b) => b.id === s.id);
        const sc = h.scale();
        if (!box || box.w * sc < MIN_DRAWN || box.h * sc < MIN_DRAWN || box.w < 1 || box.h < 1) {
          h.history.rollback();
          return;
        }
        h.history.commit();
        h.setSelection([s.id]);
        return;
      }
      case 'translating':
      case 'resizing':
        h.history.commit();
        return;
      case 'brushing': {
        const r = normalizeRect(s.origin, e.image);
        const ids = h.boxesIn(r);
        h.setSelection(e.shift ? [...new Set([...s.base, ...ids])] : ids);
        return;
      }
      case 'panning':
      case 'idle':
        return;
    }
  }

  /** Escape or a lost pointer: undo the gesture in progress. True when there was one. */
  cancel(): boolean {
    const s = this.state;
    this.state = { name: 'idle' };
    switch (s.name) {
      case 'drawing':
      case 'translating':
      case 'resizing':
        this.host.history.rollback();
        return true;
      case 'brushing':
        this.host.setSelection(s.base);
        return true;
      case 'pointing':
      case 'panning':
        return true;
      case 'idle':
        return false;
    }
  }

  /** CSS cursor for the pointer at `p` (hover) or for the gesture in progress. */
  cursor(p: Point | null): string {
    const s = this.state;
    const h = this.host;
    if (s.name === 'panning') return 'grabbing';
    if (s.name === 'resizing') return handleCursor(s.handle);
    if (s.name === 'translating') return 'move';
    if (s.name === 'drawing') return 'crosshair';
    if (h.spaceHeld()) return 'grab';
    if (!p) return 'default';
    if (!h.readOnly()) {
      const handle = this.handleUnder(p, HANDLE_GRAB / h.scale());
      if (handle) return handleCursor(handle.handle);
      if (h.mode() === 'draw') return 'crosshair';
    }
    return h.hit(p, 2 / h.scale()) ? (h.readOnly() ? 'pointer' : 'move') : 'default';
  }

  /** Handles are shown, and grabbable, only when exactly one box is selected. */
  private handleUnder(p: Point, tol: number): { id: string; handle: Handle } | null {
    const sel = this.host.selection();
    if (sel.size !== 1) return null;
    const [id] = sel;
    const box = this.host.doc().boxes.find((b) => b.id === id);
    if (!box) return null;
    const handle = handleAt(p, box, tol);
    return handle ? { id: box.id, handle } : null;
  }

  private startDrag(origin: PointerInput, target: PointTarget): void {
    const h = this.host;
    if (target.kind === 'handle') {
      const box = h.doc().boxes.find((b) => b.id === target.id);
      if (!box) return this.reset();
      h.history.mark();
      this.state = {
        name: 'resizing',
        origin: origin.image,
        id: box.id,
        handle: target.handle,
        start: { x: box.x, y: box.y, w: box.w, h: box.h },
      };
      return;
    }
    if (target.kind === 'canvas') {
      if (h.mode() === 'draw' && !h.readOnly()) {
        const classId = h.activeClassId();
        if (!classId) {
          h.notify('Choose a class first (press its hotkey, e.g. 1), then draw.');
          return this.reset();
        }
        const id = h.newId();
        const p = clampPoint(origin.image, h.image());
        h.history.mark();
        h.history.apply(
          addBoxes(h.doc(), [newBox(id, classId, { x: p.x, y: p.y, w: 0, h: 0 })], h.spec()),
        );
        h.setSelection([id]);
        this.state = { name: 'drawing', origin: p, id };
        return;
      }
      this.state = {
        name: 'brushing',
        origin: origin.image,
        current: origin.image,
        base: origin.shift ? [...h.selection()] : [],
      };
      return;
    }
    // A box: drag the whole selection (a shift-press on an unselected box adds it first).
    if (h.readOnly()) return this.reset();
    if (origin.shift && !target.wasSelected) h.setSelection([...h.selection(), target.id]);
    const ids = h.selection();
    const starts = new Map<string, Rect>();
    for (const b of h.doc().boxes)
      if (ids.has(b.id)) starts.set(b.id, { x: b.x, y: b.y, w: b.w, h: b.h });
    if (starts.size === 0) return this.reset();
    h.history.mark();
    this.state = { name: 'translating', origin: origin.image, starts };
  }

  private reset(): void {
    this.state = { name: 'idle' };
  }
}
