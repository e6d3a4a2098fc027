import type { SaveRegistry, UnsavedWork } from '../label/saveRegistry';

/**
 * What to do with edits that could not be saved before switching: drop them, or keep them
 * in this tab for the person who made them (saved when they sign in here again, dropped if
 * somebody else does).
 */
export type UnsavedChoice = 'discard' | 'keep';

export type SwitchOutcome = { done: true } | { done: false; unsaved: UnsavedWork[] };

/**
 * Switch user without handing anyone else the current person's edits. First every pending
 * save goes out under the person still signed in (the editor's debounce may not have run
 * yet); only when nothing is left, or the caller chose what to do with what is left, is the
 * session signed out. From then on no autosaver of this tab sends anything until somebody
 * signs in, and then only that person's own edits.
 */
export async function switchUser(
  registry: SaveRegistry,
  signOut: () => Promise<void>,
  choice?: UnsavedChoice,
): Promise<SwitchOutcome> {
  if (choice === undefined) {
    const unsaved = await registry.flushAll();
    if (unsaved.length > 0) return { done: false, unsaved };
  }
  const previous = registry.signedIn;
  registry.signOut();
  try {
    await signOut();
  } catch (e) {
    // Still signed in (e.g. the server is down): the edits are still there, saving as before.
    registry.signedIn = previous;
    throw e;
  }
  if (choice === 'discard') registry.discard();
  return { done: true };
}

/** After someone signed in: what was dropped from the tab, as one sentence (or null). */
export function droppedNotice(dropped: UnsavedWork[]): string | null {
  if (dropped.length === 0) return null;
  return dropped
    .map(
      (w) =>
        `${w.labeler.name}'s unsaved edits on ${w.items} item${w.items === 1 ? ' were' : 's were'} discarded: only ${w.labeler.name} can save them.`,
    )
    .join(' ');
}
