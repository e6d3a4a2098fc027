import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnotationDoc } from '../../../../shared/api/schemas/annotationDoc';
import { emptyDoc } from '../../../../shared/api/schemas/annotationDoc';
import type { SaveFn, SaveState } from './autosave';
import { Autosaver } from './autosave';
import { SaveRegistry } from './saveRegistry';

const docWith = (n: number): AnnotationDoc => ({ ...emptyDoc(), tags: [`t${n}`] });

class FakeServer {
  revision = 0;
  calls: Array<{ doc: AnnotationDoc; baseRevision: number }> = [];
  failNext: { code: string; message: string } | null = null;
  latency = 50;
  save: SaveFn = (input) =>
    new Promise((resolve, reject) => {
      this.calls.push({ doc: input.doc, baseRevision: input.baseRevision });
      setTimeout(() => {
        if (this.failNext) {
          const f = this.failNext;
          this.failNext = null;
          return reject(Object.assign(new Error(f.message), { code: f.code }));
        }
        if (input.baseRevision !== this.revision) {
          return reject(Object.assign(new Error('stale'), { code: 'CONFLICT' }));
        }
        this.revision++;
        resolve({ revision: this.revision, savedAt: new Date().toISOString() });
      }, this.latency);
    });
}

function setup() {
  const server = new FakeServer();
  const states: SaveState[] = [];
  const registry = new SaveRegistry();
  registry.signedIn = { id: 7, name: 'ana' };
  const saver = new Autosaver({
    assetId: 1,
    revision: 0,
    labeler: { id: 7, name: 'ana' },
    registry,
    save: server.save,
    onStatus: (s) => states.push(s.state),
  });
  return { server, saver, states };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Autosaver', () => {
  it('saves a burst of edits once, 300 ms after the last one', async () => {
    const { server, saver } = setup();
    saver.schedule(docWith(1));
    await vi.advanceTimersByTimeAsync(100);
    saver.schedule(docWith(2));
    await vi.advanceTimersByTimeAsync(299);
    expect(server.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60);
    expect(server.calls.map((c) => c.doc.tags)).toEqual([['t2']]);
    await vi.advanceTimersByTimeAsync(50);
    expect(saver.status.state).toBe('saved');
    expect(saver.revision).toBe(1);
  });

  it('never waits more than one second while edits keep coming', async () => {
    const { server, saver } = setup();
    for (let i = 0; i < 20; i++) {
      saver.schedule(docWith(i));
      await vi.advanceTimersByTimeAsync(100);
    }
    // 2 s of continuous edits: at least one save started by t = 1 s, the next one a second later.
    expect(server.calls.length).toBeGreaterThanOrEqual(2);
    expect(server.calls[0]!.doc.tags).toEqual(['t9']);
  });

  it('sends edits made during a save right after it, on the new revision', async () => {
    const { server, saver } = setup();
    saver.schedule(docWith(1));
    await vi.advanceTimersByTimeAsync(310);
    saver.schedule(docWith(2));
    await vi.advanceTimersByTimeAsync(350);
    expect(server.calls.map((c) => c.baseRevision)).toEqual([0, 1]);
    await saver.flush();
    expect(server.revision).toBe(2);
    expect(saver.pending).toBe(false);
  });

  it('flush saves at once and waits for it', async () => {
    const { server, saver } = setup();
    saver.schedule(docWith(1));
    const done = saver.flush();
    await vi.advanceTimersByTimeAsync(60);
    await done;
    expect(server.calls).toHaveLength(1);
    expect(saver.status.state).toBe('saved');
  });

  it('stops on a stale-revision conflict and can keep the local copy on top', async () => {
    const { server, saver, states } = setup();
    server.revision = 5; // someone else saved meanwhile
    saver.schedule(docWith(1));
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.status.state).toBe('conflict');
    saver.schedule(docWith(2));
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.calls).toHaveLength(1);
    saver.resumeOnTopOf(5, docWith(2));
    await vi.advanceTimersByTimeAsync(100);
    expect(server.revision).toBe(6);
    expect(states.at(-1)).toBe('saved');
  });

  it('retries transport errors with back-off and keeps the edits', async () => {
    const { server, saver } = setup();
    server.failNext = { code: 'INTERNAL', message: 'Concord is not reachable' };
    saver.schedule(docWith(1));
    await vi.advanceTimersByTimeAsync(360);
    expect(saver.status).toMatchObject({ state: 'error', message: 'Concord is not reachable' });
    await vi.advanceTimersByTimeAsync(1100);
    expect(saver.status.state).toBe('saved');
    expect(server.calls.map((c) => c.doc.tags)).toEqual([['t1'], ['t1']]);
  });

  it('goes read-only when the item was submitted elsewhere', async () => {
    const { server, saver } = setup();
    server.failNext = { code: 'FORBIDDEN', message: 'submitted' };
    saver.schedule(docWith(1));
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.status.state).toBe('readonly');
  });
});
