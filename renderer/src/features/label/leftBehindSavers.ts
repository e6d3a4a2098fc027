import type { Autosaver } from './autosave';

/**
 * Savers of items the labeler moved away from while their last save could not land
 * (Concord unreachable). They keep retrying on their own; disposing them would drop the
 * edits. Coming back to such an item takes its saver back, so the edits and the revision
 * they build on stay one line of saves instead of two that conflict.
 */
export class LeftBehindSavers {
  private readonly savers = new Map<number, Autosaver>();

  /** After leaving an item and flushing: dispose what is saved, keep what is not. */
  settle(saver: Autosaver): void {
    if (!saver.pending) {
      saver.dispose();
      return;
    }
    this.savers.get(saver.assetId)?.dispose();
    this.savers.set(saver.assetId, saver);
  }

  /** The item's unsaved saver when it belongs to `labelerId`; null otherwise. */
  takeBack(assetId: number, labelerId: number): Autosaver | null {
    const saver = this.savers.get(assetId);
    if (!saver) return null;
    if (!saver.pending) {
      // It landed in the meantime: nothing to take back.
      saver.dispose();
      this.savers.delete(assetId);
      return null;
    }
    if (saver.labeler.id !== labelerId) return null; // held for its own person
    this.savers.delete(assetId);
    return saver;
  }

  /** Items whose edits are still on their way to disk. */
  get count(): number {
    let n = 0;
    for (const s of this.savers.values()) if (s.pending) n++;
    return n;
  }
}
