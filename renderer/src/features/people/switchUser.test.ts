import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnotationDoc } from '../../../../shared/api/schemas/annotationDoc';
import { emptyDoc } from '../../../../shared/api/schemas/annotationDoc';
import type { Labeler, SaveFn } from '../label/autosave';
import { Autosaver } from '../label/autosave';
import { SaveRegistry } from '../label/saveRegistry';
import { droppedNotice, switchUser } from './switchUser';

const ana: Labeler = { id: 1, name: 'ana' };
const ben: Labeler = { id: 2, name: 'ben' };
const docWith = (n: number): AnnotationDoc => ({ ...emptyDoc(), tags: [`t${n}`] });
const err = (code: string, message: string) => Object.assign(new Error(message), { code });

/** One tab's view of the server: who is signed in there, and every save it received. */
class FakeServer {
  signedIn: number | null = ana.id;
  down = false;
  log: string[] = [];
  save: SaveFn = (input) =>
    new Promise((resolve, reject) =>
      setTimeout(() => {
        if (this.down) return reject(err('INTERNAL', 'The server is not answering'));
        if (this.signedIn === null)
          return reject(err('UNAUTHENTICATED', 'Nobody is signed in here.'));
        this.log.push(`save ${input.assetId} as ${this.signedIn} edited as ${input.labelerId}`);
        resolve({ revision: input.baseRevision + 1, savedAt: new Date().toISOString() });
      }, 20),
    );
  signOut = () => {
    if (this.down) return Promise.reject(err('INTERNAL', 'The server is not answering'));
    this.log.push('signOut');
    this.signedIn = null;
    return Promise.resolve();
  };
}

function tab() {
  const server = new FakeServer();
  const registry = new SaveRegistry();
  registry.signedIn = ana;
  const saver = (assetId: number, labeler = ana) =>
    new Autosaver({ assetId, revision: 0, labeler, registry, save: server.save });
  return { server, registry, saver };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('switch user', () => {
  it('saves edits still inside the debounce as the current person before signing out', async () => {
    const { server, registry, saver } = tab();
    const a = saver(29);
    a.schedule(docWith(1)); // drawn, and Switch user clicked before the 300 ms debounce
    const done = switchUser(registry, server.signOut);
    await vi.advanceTimersByTimeAsync(100);
    expect(await done).toEqual({ done: true });
    expect(server.log).toEqual(['save 29 as 1 edited as 1', 'signOut']);
    expect(a.pending).toBe(false);
    expect(registry.signedIn).toBeNull();
  });

  it('does not switch when a save fails, and says whose edits on how many items', async () => {
    const { server, registry, saver } = tab();
    server.down = true;
    saver(5).schedule(docWith(1));
    saver(6).schedule(docWith(2));
    const outcome = switchUser(registry, server.signOut);
    await vi.advanceTimersByTimeAsync(100);
    expect(await outcome).toEqual({
      done: false,
      unsaved: [{ labeler: ana, items: 2, message: 'The server is not answering' }],
    });
    expect(server.log).toEqual([]);
    expect(registry.signedIn).toEqual(ana); // still ana's tab: "stay and retry" saves as ana
    server.down = false;
    await vi.advanceTimersByTimeAsync(1100); // the autosaver's own retry
    expect(server.log).toEqual(['save 5 as 1 edited as 1', 'save 6 as 1 edited as 1']);
  });

  it('keeps edits for their person: never retried while signed out or as ben, dropped when ben signs in', async () => {
    const { server, registry, saver } = tab();
    server.signedIn = null; // the server restarted and forgot the tab's sign-in
    const a = saver(29);
    a.schedule(docWith(1));
    await vi.advanceTimersByTimeAsync(400);
    expect(a.status.state).toBe('error');
    const first = switchUser(registry, server.signOut);
    await vi.advanceTimersByTimeAsync(100);
    const outcome = await first;
    expect(outcome.done).toBe(false);
    const kept = switchUser(registry, server.signOut, 'keep');
    await vi.advanceTimersByTimeAsync(10);
    expect(await kept).toEqual({ done: true });
    await vi.advanceTimersByTimeAsync(60_000); // retries would have fired by now
    expect(server.log).toEqual(['signOut']);
    expect(registry.unsaved()).toEqual([
      { labeler: ana, items: 1, message: 'Nobody is signed in here.' },
    ]);
    server.signedIn = ben.id;
    const dropped = registry.signIn(ben);
    await vi.advanceTimersByTimeAsync(100);
    expect(droppedNotice(await dropped)).toBe(
      "ana's unsaved edits on 1 item were discarded: only ana can save them.",
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.log).toEqual(['signOut']); // nothing was ever sent as ben
    expect(registry.unsaved()).toEqual([]);
  });

  it('saves kept edits when their person signs in again', async () => {
    const { server, registry, saver } = tab();
    server.down = true;
    saver(7).schedule(docWith(1));
    const first = switchUser(registry, server.signOut);
    await vi.advanceTimersByTimeAsync(100);
    expect((await first).done).toBe(false);
    server.down = false;
    const kept = switchUser(registry, server.signOut, 'keep');
    await vi.advanceTimersByTimeAsync(10);
    await kept;
    server.signedIn = ana.id;
    const back = registry.signIn(ana);
    await vi.advanceTimersByTimeAsync(100);
    expect(await back).toEqual([]);
    expect(server.log).toEqual(['signOut', 'save 7 as 1 edited as 1']);
  });

  it('discards on request, and stays signed in when signing out itself fails', async () => {
    const { server, registry, saver } = tab();
    server.down = true;
    const a = saver(3);
    a.schedule(docWith(1));
    const failed = switchUser(registry, server.signOut, 'discard').catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(10);
    expect(await failed).toBe('The server is not answering');
    expect(registry.signedIn).toEqual(ana); // still ana, her edit still there
    expect(registry.unsaved()).toEqual([{ labeler: ana, items: 1, message: null }]);
    server.down = false;
    const done = switchUser(registry, server.signOut, 'discard');
    await vi.advanceTimersByTimeAsync(10);
    expect(await done).toEqual({ done: true });
    expect(registry.unsaved()).toEqual([]);
    registry.signIn(ana);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.log).toEqual(['signOut']); // the discarded edit never went out
  });
});
