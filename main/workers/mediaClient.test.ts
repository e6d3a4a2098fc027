import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MediaPool } from './mediaClient';
import type { ProbeResult } from './mediaProtocol';

// A stand-in worker that speaks the same protocol and misbehaves on request: the pool's
// retry, timeout and restart logic is tested against real threads, not mocks.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-pool-'));
const script = path.join(dir, 'fake-media.cjs');
fs.writeFileSync(
  script,
  `const { parentPort, threadId } = require('node:worker_threads');
   parentPort.on('message', ({ id, input }) => {
     const answer = () => parentPort.postMessage({ id, ok: true, value: { ok: false, error: input.path + '@' + threadId } });
     if (input.path === 'crash') process.exit(3);
     if (input.path === 'hang') return;
     if (input.path === 'throw') return parentPort.postMessage({ id, ok: false, error: 'boom' });
     if (input.path.startsWith('slow')) return setTimeout(answer, 150);
     answer();
   });`,
);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let pool: MediaPool;
afterEach(() => pool?.close());

const probe = (p: string, options = {}) =>
  pool.call('probe', { path: p, expected: 'png', maxPixels: 1 }, options) as Promise<ProbeResult>;
const text = (r: ProbeResult) => (r.ok ? 'ok' : r.error);

describe('MediaPool', () => {
  it('matches answers to calls by sequence id across workers', async () => {
    pool = new MediaPool({ script, size: 2, maxInFlight: 4, timeoutMs: 5000 });
    const names = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? `slow-${i}` : `f${i}`));
    const answers = await Promise.all(names.map((n) => probe(n)));
    expect(answers.map((a) => text(a).split('@')[0])).toEqual(names);
    expect(new Set(answers.map((a) => text(a).split('@')[1])).size).toBe(2); // both workers used
  });

  it('rejects with the worker error message', async () => {
    pool = new MediaPool({ script, size: 1, maxInFlight: 2, timeoutMs: 5000 });
    await expect(probe('throw')).rejects.toThrow('boom');
  });

  it('restarts a crashed worker: the crashing call fails after one retry, its neighbours succeed', async () => {
    pool = new MediaPool({ script, size: 1, maxInFlight: 4, timeoutMs: 5000 });
    const neighbours = [probe('slow-a'), probe('slow-b')];
    const crash = probe('crash');
    await expect(crash).rejects.toThrow(/media worker crashed \(exited with code 3\)/);
    expect((await Promise.all(neighbours)).map((a) => text(a).split('@')[0])).toEqual([
      'slow-a',
      'slow-b',
    ]);
    expect(text(await probe('after'))).toMatch(/^after@/);
  });

  it('times out a hung call and replaces the worker', async () => {
    pool = new MediaPool({ script, size: 1, maxInFlight: 2, timeoutMs: 5000 });
    await expect(probe('hang', { timeoutMs: 200 })).rejects.toThrow('timed out');
    expect(text(await probe('next'))).toMatch(/^next@/);
    expect(pool.pending).toBe(0);
  });

  it('cancels queued calls when their signal aborts', async () => {
    pool = new MediaPool({ script, size: 1, maxInFlight: 1, timeoutMs: 5000 });
    const controller = new AbortController();
    const calls = Array.from({ length: 20 }, (_, i) =>
      probe(`slow-${i}`, { signal: controller.signal }),
    );
    controller.abort();
    const settled = await Promise.allSettled(calls);
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
    await expect(probe('x', { signal: controller.signal })).rejects.toThrow('cancelled');
  });

  it('fails clearly when the worker script cannot start', async () => {
    pool = new MediaPool({
      script: path.join(dir, 'missing.cjs'),
      size: 1,
      maxInFlight: 1,
      timeoutMs: 5000,
    });
    await expect(probe('x')).rejects.toThrow(/media worker crashed/);
  });
});
