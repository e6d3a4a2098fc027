import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { AnnotationDoc, Box } from '../../../shared/api/schemas/annotationDoc';
import { emptyDoc } from '../../../shared/api/schemas/annotationDoc';
import type { InstructionSpec } from '../../../shared/api/schemas/instructionSpec';
import { History } from './history/history';
import type { Point, Rect, Size } from './model/geometry';
import { newBoxId } from './model/ids';
import type { Patch } from './model/patches';
import { squashPatches } from './model/patches';
import { SpatialGrid } from './model/spatialGrid';
import type { PointerInput, ToolHost, ToolMode } from './tools/pointerTool';
import { PointerTool } from './tools/pointerTool';
import type { View } from './tools/view';
import { fitView, panBy, screenToImage } from './tools/view';

/**
 * What React panels render. It changes when an edit settles (a gesture ends, a key is
 * pressed), never on every pointer move: the canvas reads the live state from the session
 * directly and redraws imperatively.
 */
export interface EditorState {
  assetId: number | null;
  doc: AnnotationDoc;
  selection: ReadonlySet<string>;
  mode: ToolMode;
  hidden: boolean;
  activeClassId: string | null;
  readOnly: boolean;
  image: Size;
  canUndo: boolean;
  canRedo: boolean;
  /** Zoom in percent, for the toolbar. */
  zoom: number;
  /** A short message for the user (why a key did nothing, ...). */
  message: { text: string; at: number } | null;
}

export type CanvasListener = () => void;
export type DocListener = (doc: AnnotationDoc, patches: readonly Patch[]) => void;

const EMPTY: ReadonlySet<string> = new Set();

export const READ_ONLY_MESSAGE = 'This item is submitted and read-only.';

export class EditorSession {
  readonly store: StoreApi<EditorState>;
  readonly history: History;
  readonly tool: PointerTool;
  spec: InstructionSpec | null = null;
  /** Live document: ahead of `store.doc` while a gesture is in progress. */
  private live: AnnotationDoc = emptyDoc();
  private liveSelection: ReadonlySet<string> = EMPTY;
  private grid: SpatialGrid | null = null;
  private canvasListeners = new Set<CanvasListener>();
  private docListeners = new Set<DocListener>();
  /** Fields holding typed text not yet in the document (see `flushFields`). */
  private fieldFlushers = new Set<() => void>();
  /** Patches applied since the last settle, handed to doc listeners together. */
  private pendingPatches: Patch[] = [];
  view: View = { scale: 1, x: 0, y: 0 };
  viewport: Size = { width: 1, height: 1 };
  spaceHeld = false;
  /** Last pointer position in image pixels (crosshair), null when outside the canvas. */
  pointer: Point | null = null;

  constructor() {
    this.store = createStore<EditorState>(() => ({
      assetId: null,
      doc: this.live,
      selection: EMPTY,
      mode: 'select',
      hidden: false,
      activeClassId: null,
      readOnly: false,
      image: { width: 1, height: 1 },
      canUndo: false,
      canRedo: false,
      zoom: 100,
      message: null,
    }));
    this.history = new History({
      get: () => this.live,
      set: (doc, patches) => this.setLive(doc, patches),
    });
    this.tool = new PointerTool(this.toolHost());
  }

  get doc(): AnnotationDoc {
    return this.live;
  }

  get selection(): ReadonlySet<string> {
    return this.liveSelection;
  }

  get state(): EditorState {
    return this.store.getState();
  }

  /** Opens an item: a fresh history, nothing selected, the image fitted. */
  load(opts: {
    assetId: number;
    doc: AnnotationDoc;
    image: Size;
    readOnly: boolean;
    spec: InstructionSpec | null;
  }): void {
    this.tool.cancel();
    this.history.clear();
    this.spec = opts.spec;
    this.live = opts.doc;
    this.liveSelection = EMPTY;
    this.grid = null;
    const classes = opts.spec?.classes ?? [];
    const active = this.state.activeClassId;
    this.store.setState({
      assetId: opts.assetId,
      doc: opts.doc,
      selection: EMPTY,
      image: opts.image,
      readOnly: opts.readOnly,
      // Keep the class the labeler was using on the previous item.
      activeClassId:
        active && classes.some((c) => c.id === active) ? active : (classes[0]?.id ?? null),
      mode: opts.readOnly ? 'select' : this.state.mode,
      canUndo: false,
      canRedo: false,
    });
    this.fit();
    this.emitCanvas();
  }

  /** Replaces the document from outside (e.g. the server's copy after a conflict). */
  replaceDoc(doc: AnnotationDoc, readOnly = this.state.readOnly): void {
    this.tool.cancel();
    this.history.clear();
    this.live = doc;
    this.grid = null;
    const ids = new Set(doc.boxes.map((b) => b.id));
    this.liveSelection = new Set([...this.liveSelection].filter((id) => ids.has(id)));
    this.store.setState({
      doc,
      readOnly,
      selection: this.liveSelection,
      canUndo: false,
      canRedo: false,
    });
    this.emitCanvas();
  }

  onCanvasChange(l: CanvasListener): () => void {
    this.canvasListeners.add(l);
    return () => this.canvasListeners.delete(l);
  }

  /** Called with every settled document change (what autosave persists). */
  onDocChange(l: DocListener): () => void {
    this.docListeners.add(l);
    return () => this.docListeners.delete(l);
  }

  /**
   * A text field that commits as the labeler types registers here while it is mounted, so
   * whoever is about to take the document away (next item, submit, page hide) can commit
   * the last keystrokes first: toolbar buttons keep the focus, so no blur would do it.
   */
  onFlushFields(flush: () => void): () => void {
    this.fieldFlushers.add(flush);
    return () => this.fieldFlushers.delete(flush);
  }

  /** Commits what is typed in the fields into the document now. */
  flushFields(): void {
    for (const f of [...this.fieldFlushers]) f();
  }

  emitCanvas(): void {
    for (const l of this.canvasListeners) l();
  }

  notify(text: string): void {
    this.store.setState({ message: { text, at: Date.now() } });
  }

  /** True (after telling the user why) when the open item may not be changed. */
  refuseReadOnly(): boolean {
    if (!this.state.readOnly) return false;
    this.notify(READ_ONLY_MESSAGE);
    return true;
  }

  /**
   * Applies an edit as one undo step; refused (with a message) on a read-only item. Edits
   * naming the same `merge` in a row share one step (see History.apply).
   */
  apply(patches: readonly Patch[], merge?: string): boolean {
    if (this.refuseReadOnly()) return false;
    this.history.apply(patches, merge);
    this.settle();
    return patches.length > 0;
  }

  /**
   * Undo and redo are edits too: on a read-only (submitted) item they would make the screen
   * differ from what is stored, and autosave could not store it. So they are refused there.
   */
  undo(): boolean {
    if (this.refuseReadOnly()) return false;
    const done = this.history.undo();
    if (done) this.settle();
    this.emitCanvas();
    return done;
  }

  redo(): boolean {
    if (this.refuseReadOnly()) return false;
    const done = this.history.redo();
    if (done) this.settle();
    this.emitCanvas();
    return done;
  }

  /**
   * The item became read-only (submitted here, or the server says so) or editable again.
   * A read-only item drops its history: the steps before submitting are not undoable.
   */
  setReadOnly(readOnly: boolean): void {
    if (readOnly) {
      this.cancelGesture();
      this.history.clear();
    }
    this.store.setState({
      readOnly,
      mode: readOnly ? 'select' : this.state.mode,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
    });
    this.emitCanvas();
  }

  setSelection(ids: Iterable<string>): void {
    const next = new Set(ids);
    const cur = this.liveSelection;
    if (next.size === cur.size && [...next].every((id) => cur.has(id))) return;
    this.liveSelection = next;
    this.store.setState({ selection: next });
    this.emitCanvas();
  }

  selectedBoxes(): Box[] {
    const sel = this.liveSelection;
    return sel.size === 0 ? [] : this.live.boxes.filter((b) => sel.has(b.id));
  }

  hitGrid(): SpatialGrid {
    if (!this.grid || this.grid.boxes !== this.live.boxes)
      this.grid = new SpatialGrid(this.live.boxes, this.state.image);
    return this.grid;
  }

  // --- view -----------------------------------------------------------------------------

  setView(v: View): void {
    this.view = v;
    const zoom = Math.round(v.scale * 1000) / 10;
    if (zoom !== this.state.zoom) this.store.setState({ zoom });
    this.emitCanvas();
  }

  /**
   * The canvas was resized (window, a panel opened). A fitted image stays fitted; otherwise
   * the image point at the centre stays at the centre.
   */
  setViewport(size: Size): void {
    const old = this.viewport;
    const fitted = fitView(this.state.image, old);
    const wasFit =
      old.width <= 1 ||
      (Math.abs(fitted.scale - this.view.scale) < 1e-6 * fitted.scale &&
        Math.abs(fitted.x - this.view.x) < 1 &&
        Math.abs(fitted.y - this.view.y) < 1);
    this.viewport = size;
    if (wasFit) return this.fit();
    this.setView(panBy(this.view, (size.width - old.width) / 2, (size.height - old.height) / 2));
  }

  fit(): void {
    this.setView(fitView(this.state.image, this.viewport));
  }

  // --- pointer ----------------------------------------------------------------------------

  pointerInput(
    screen: Point,
    e: { button: number; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean },
  ): PointerInput {
    return {
      screen,
      image: screenToImage(this.view, screen),
      button: e.button,
      shift: e.shiftKey,
      mod: e.ctrlKey || e.metaKey,
    };
  }

  pointerDown(p: PointerInput): void {
    this.tool.down(p);
    this.emitCanvas();
  }

  pointerMove(p: PointerInput): void {
    this.pointer = p.image;
    this.tool.move(p);
    this.emitCanvas();
  }

  pointerUp(p: PointerInput): void {
    this.tool.up(p);
    this.settle();
    this.emitCanvas();
  }

  /** Escape: cancel the gesture in progress. True when there was one. */
  cancelGesture(): boolean {
    const had = this.tool.cancel();
    if (had) {
      this.settle();
      this.emitCanvas();
    }
    return had;
  }

  // --- internals --------------------------------------------------------------------------

  private setLive(doc: AnnotationDoc, patches: readonly Patch[]): void {
    this.live = doc;
    // A deleted box cannot stay selected.
    if (patches.some((p) => p.t === 'remove') && this.liveSelection.size > 0) {
      const ids = new Set(doc.boxes.map((b) => b.id));
      const kept = [...this.liveSelection].filter((id) => ids.has(id));
      if (kept.length !== this.liveSelection.size) this.liveSelection = new Set(kept);
    }
    this.pendingPatches.push(...patches);
    this.emitCanvas();
  }

  /** Publishes the live document to React and autosave once no gesture is in progress. */
  settle(): void {
    if (this.history.inGesture) return;
    const patches = squashPatches(this.pendingPatches);
    this.pendingPatches = [];
    const s = this.state;
    // A gesture rolled back (or undone to where it started) is no change at all: keep the
    // settled document object so nothing re-renders and nothing is saved.
    if (patches.length === 0 && s.doc !== this.live) this.live = s.doc;
    const changed = s.doc !== this.live;
    this.store.setState({
      doc: this.live,
      selection: this.liveSelection,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
    });
    if (changed) for (const l of this.docListeners) l(this.live, patches);
  }

  private toolHost(): ToolHost {
    return {
      doc: () => this.live,
      spec: () => this.spec,
      selection: () => this.liveSelection,
      setSelection: (ids) => this.setSelection(ids),
      history: this.history,
      image: () => this.state.image,
      scale: () => this.view.scale,
      mode: () => this.state.mode,
      spaceHeld: () => this.spaceHeld,
      readOnly: () => this.state.readOnly,
      activeClassId: () => this.state.activeClassId,
      hit: (p, tol) => (this.state.hidden ? null : this.hitGrid().hit(p, tol)),
      boxesIn: (r: Rect) => (this.state.hidden ? [] : this.hitGrid().query(r)),
      newId: newBoxId,
      panBy: (dx, dy) => this.setView(panBy(this.view, dx, dy)),
      notify: (m) => this.notify(m),
    };
  }
}
