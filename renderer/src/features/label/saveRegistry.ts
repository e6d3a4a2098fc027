import type { Autosaver, Labeler } from './autosave';

/** One person's edits that are not saved yet. */
export interface UnsavedWork {
  labeler: Labeler;
  /** Items with unsaved edits. */
  items: number;
  /** Why the last save failed, if it did. */
  message: string | null;
}

/**
 * The tab's autosavers with edits not yet saved, and who is signed in here. Autosavers
 * outlive their screen (an item left behind, the editor closed by Switch user), so the
 * sign-in flow asks this registry rather than the editor:
 *
 * - Switch user flushes everything first, under the person who is still signed in;
 * - while nobody (or somebody else) is signed in, an autosaver sends nothing (`held`);
 * - when someone signs in, their kept edits are saved and other people's are dropped.
 *
 * The server refuses a save edited as someone else anyway (`labelerId`); this keeps the
 * tab from trying.
 */
export class SaveRegistry {
  signedIn: Labeler | null = null;
  private readonly savers = new Set<Autosaver>();

  track(saver: Autosaver): void {
    this.savers.add(saver);
  }

  untrack(saver: Autosaver): void {
    this.savers.delete(saver);
  }

  pending(): Autosaver[] {
    return [...this.savers].filter((s) => s.pending);
  }

  /** Unsaved edits, per person. */
  unsaved(): UnsavedWork[] {
    const byPerson = new Map<number, UnsavedWork>();
    for (const s of this.pending()) {
      const work = byPerson.get(s.labeler.id) ?? { labeler: s.labeler, items: 0, message: null };
      work.items += 1;
      if (s.status.state === 'error' || s.status.state === 'conflict')
        work.message ??= s.status.message;
      byPerson.set(s.labeler.id, work);
    }
    return [...byPerson.values()];
  }

  /** Saves everything now; resolves with what is still unsaved (e.g. the server is down). */
  async flushAll(): Promise<UnsavedWork[]> {
    await Promise.all(this.pending().map((s) => s.flush()));
    return this.unsaved();
  }

  /** From now on nothing is sent until somebody signs in (the edits are kept). */
  signOut(): void {
    this.signedIn = null;
  }

  /** Drops unsaved edits (of everybody, or of everybody but `keep`); returns what was dropped. */
  discard(keep?: number): UnsavedWork[] {
    const dropped = this.unsaved().filter((w) => w.labeler.id !== keep);
    for (const s of [...this.savers]) if (s.labeler.id !== keep) s.dispose();
    return dropped;
  }

  /**
   * Somebody signed in here: their kept edits are saved now (waiting at most `waitMs`, so
   * a server that is down does not hold up the sign-in; they are retried after that), and
   * other people's are dropped, never saved as this person. Returns what was dropped.
   */
  async signIn(labeler: Labeler, waitMs = 5000): Promise<UnsavedWork[]> {
    this.signedIn = labeler;
    const dropped = this.discard(labeler.id);
    const resumed = Promise.all(this.pending().map((s) => s.resume()));
    await Promise.race([resumed, new Promise((resolve) => setTimeout(resolve, waitMs))]);
    return dropped;
  }
}

/** The registry of this tab (or Electron window): one person is signed in per tab. */
export const tabSaves = new SaveRegistry();

/** "ana has unsaved edits on 2 items" */
export function describeUnsaved(work: UnsavedWork): string {
  return `${work.labeler.name} has unsaved edits on ${work.items} item${work.items === 1 ? '' : 's'}`;
}
