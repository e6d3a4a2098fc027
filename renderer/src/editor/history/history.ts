import type { AnnotationDoc } from '../../../../shared/api/schemas/annotationDoc';
import type { Patch } from '../model/patches';
import { applyPatches, invertPatches, squashPatches } from '../model/patches';

/** Where the history reads and writes the live document. */
export interface DocHost {
  get(): AnnotationDoc;
  set(doc: AnnotationDoc, patches: readonly Patch[]): void;
}

/**
 * Patch-based undo/redo. Each undo step is a list of patches (never a document snapshot).
 *
 * A gesture (drag, resize, draw) opens a mark on pointer-down: the patches of every pointer
 * move are applied live and collected; `commit()` on pointer-up squashes them into one
 * step, `rollback()` (Escape) applies their inverse and leaves no trace. Edits made outside
 * a gesture are one step each, except edits that name themselves (`merge`): consecutive
 * edits with the same name amend one step, so a text field committed as the labeler types
 * is still undone in one go.
 */
export class History {
  private undoStack: Patch[][] = [];
  private redoStack: Patch[][] = [];
  private pending: Patch[] | null = null;
  /** The name of the edit the top undo step belongs to (see `apply`). */
  private topEdit: string | null = null;

  constructor(
    private readonly host: DocHost,
    private readonly limit = 500,
  ) {}

  get inGesture(): boolean {
    return this.pending !== null;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0 || (this.pending?.length ?? 0) > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  get depth(): { undo: number; redo: number } {
    return { undo: this.undoStack.length, redo: this.redoStack.length };
  }

  /**
   * Applies patches now; inside a gesture they join it, otherwise they are one step. With
   * `merge`, they amend the top step when that step was made by the same named edit and
   * nothing was undone since.
   */
  apply(patches: readonly Patch[], merge?: string): void {
    if (patches.length === 0) return;
    this.host.set(applyPatches(this.host.get(), patches), patches);
    if (this.pending) {
      for (const p of patches) this.pending.push(p);
      // Long drags stay small: fold as we go rather than keeping every mouse move.
      if (this.pending.length > 256) this.pending = squashPatches(this.pending);
      return;
    }
    const top = this.undoStack.at(-1);
    if (merge !== undefined && merge === this.topEdit && top && this.redoStack.length === 0) {
      this.undoStack[this.undoStack.length - 1] = squashPatches([...top, ...patches]);
      return;
    }
    this.push(squashPatches(patches));
    this.topEdit = merge ?? null;
  }

  /** Starts a gesture. A gesture left open (a lost pointer-up) is committed first. */
  mark(): void {
    if (this.pending) this.commit();
    this.pending = [];
  }

  /** Ends the gesture as one undo step (none when it changed nothing). */
  commit(): void {
    const pending = this.pending;
    this.pending = null;
    if (pending && pending.length > 0) this.push(squashPatches(pending));
  }

  /** Cancels the gesture: the document returns to its state at `mark()`. */
  rollback(): void {
    const pending = this.pending;
    this.pending = null;
    if (pending && pending.length > 0) {
      const inverse = invertPatches(pending);
      this.host.set(applyPatches(this.host.get(), inverse), inverse);
    }
  }

  undo(): boolean {
    this.topEdit = null;
    if (this.pending) {
      const had = this.pending.length > 0;
      this.rollback();
      if (had) return true;
    }
    const step = this.undoStack.pop();
    if (!step) return false;
    const inverse = invertPatches(step);
    this.host.set(applyPatches(this.host.get(), inverse), inverse);
    this.redoStack.push(step);
    return true;
  }

  redo(): boolean {
    this.topEdit = null;
    if (this.pending) this.commit();
    const step = this.redoStack.pop();
    if (!step) return false;
    this.host.set(applyPatches(this.host.get(), step), step);
    this.undoStack.push(step);
    return true;
  }

  /** Forgets everything (another item was opened). */
  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.pending = null;
    this.topEdit = null;
  }

  private push(step: Patch[]): void {
    this.topEdit = null;
    if (step.length === 0) return;
    this.undoStack.push(step);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack = [];
  }
}
