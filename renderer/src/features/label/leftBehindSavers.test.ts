import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnotationDoc } from '../../../../shared/api/schemas/annotationDoc';
import { emptyDoc } from '../../../../shared/api/schemas/annotationDoc';
import type { SaveFn } from './autosave';
import { Autosaver } from './autosave';
import { LeftBehindSavers } from './leftBehindSavers';
import { SaveRegistry } from './saveRegistry';

const docWith = (tag: string): AnnotationDoc => ({ ...emptyDoc(), tags: [tag] });

interface FlakyServer {
  up: boolean;
  stored: Array<{ tag: string | undefined; baseRevision: number }>;
  revision: number;
  save: SaveFn;
}

/** A server that is unreachable until `up` is set, then stores what arrives. */
function flakyServer(): FlakyServer {
  const server: FlakyServer = {
    up: false,
    stored: [],
    revision: 0,
    save: async (input) => {
      await Promise.resolve();
      if (!server.up) throw new Error('Failed to fetch');
      if (input.baseRevision !== server.revision)
        throw Object.assign(new Error('stale'), { code: 'CONFLICT' });
      server.stored.push({ tag: input.doc.tags[0], baseRevision: input.baseRevision });
      server.revision++;
      return { revision: server.revision, savedAt: new Date().toISOString() };
    },
  };
  return server;
}

function saverFor(server: FlakyServer, registry: SaveRegistry, id = 7) {
  return new Autosaver({
    assetId: 1,
    revision: 0,
    labeler: { id, name: id === 7 ? 'ana' : 'ben' },
    registry,
    save: server.save,
  });
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('LeftBehindSavers', () => {
  it('keeps an item’s unsaved edits retrying after the labeler moves on, and hands them back', async () => {
    const server = flakyServer();
    const registry = new SaveRegistry();
    registry.signedIn = { id: 7, name: 'ana' };
    const left = new LeftBehindSavers();
    const saver = saverFor(server, registry);

    saver.schedule(docWith('edited'));
    await saver.flush(); // Concord is unreachable: the save fails
    left.settle(saver);
    expect(left.count).toBe(1);

    // Coming back to the item takes the same saver (same edits, same base revision).
    expect(left.takeBack(1, 8)).toBeNull(); // not ben's
    const back = left.takeBack(1, 7);
    expect(back).toBe(saver);
    left.settle(back!);

    // Concord is back: the retry lands what was edited, once.
    server.up = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.stored).toEqual([{ tag: 'edited', baseRevision: 0 }]);
    expect(left.count).toBe(0);
    expect(left.takeBack(1, 7)).toBeNull();
  });

  it('disposes a saver whose edits are already saved', async () => {
    const server = flakyServer();
    server.up = true;
    const registry = new SaveRegistry();
    registry.signedIn = { id: 7, name: 'ana' };
    const left = new LeftBehindSavers();
    const saver = saverFor(server, registry);
    saver.schedule(docWith('done'));
    await saver.flush();
    left.settle(saver);
    expect(left.count).toBe(0);
    expect(left.takeBack(1, 7)).toBeNull();
    // A disposed saver ignores later edits.
    saver.schedule(docWith('late'));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(server.stored.map((s) => s.tag)).toEqual(['done']);
  });
});
