// Typed client for a small pool of media workers. Every call carries a sequence id and a
// timeout; a worker that crashes or hangs is replaced. The calls it held become suspects and
// are retried one at a time on an otherwise idle worker: the file that kills a worker while
// alone there is the culprit and fails; its innocent neighbours succeed.
//
// sharp is loaded in the main thread too: libvips must stay loaded while workers that use it
// come and go, or glibc unloads it under a running worker (sharp's documented advice).
import 'sharp';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MediaOpName, MediaOps, MediaRequest, MediaResponse } from './mediaProtocol';

export interface CallOptions {
  timeoutMs?: number;
  /** 'low' work (background thumbnails) only runs where it cannot delay 'high' work. */
  priority?: 'high' | 'low';
  signal?: AbortSignal;
}

export interface PoolOptions {
  script: string;
  size: number;
  /** Calls in flight per worker: enough to overlap file reads with sharp's thread pool. */
  maxInFlight: number;
  timeoutMs: number;
}

interface Job {
  id: number;
  request: MediaRequest;
  priority: 'high' | 'low';
  timeoutMs: number;
  attempts: number;
  /** Was in a worker that crashed: runs alone from now on, and fails if it crashes again. */
  suspect: boolean;
  settled: boolean;
  timer?: NodeJS.Timeout;
  cleanup?: () => void;
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker | null;
  inFlight: Map<number, Job>;
}

export class MediaPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly bySignal = new WeakMap<AbortSignal, Set<Job>>();

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: options.size }, () => ({
      worker: null,
      inFlight: new Map(),
    }));
  }

  call<K extends MediaOpName>(
    op: K,
    input: MediaOps[K]['input'],
    options: CallOptions = {},
  ): Promise<MediaOps[K]['output']> {
    return new Promise<MediaOps[K]['output']>((resolve, reject) => {
      if (this.closed) return reject(new Error('the media worker pool is closed'));
      const { signal } = options;
      if (signal?.aborted) return reject(new Error('cancelled'));
      const id = this.nextId++;
      const job: Job = {
        id,
        request: { id, op, input } as MediaRequest,
        priority: options.priority ?? 'high',
        timeoutMs: options.timeoutMs ?? this.options.timeoutMs,
        attempts: 0,
        suspect: false,
        settled: false,
        // The worker answers with the output type of `op` (see media.ts); the wire is untyped.
        resolve: (v) => resolve(v as MediaOps[K]['output']),
        reject,
      };
      if (signal) this.watch(signal, job);
      this.queue.push(job);
      this.pump();
    });
  }

  /** One abort listener per signal, however many calls share it (an import makes thousands). */
  private watch(signal: AbortSignal, job: Job): void {
    let jobs = this.bySignal.get(signal);
    if (!jobs) {
      const set = new Set<Job>();
      jobs = set;
      this.bySignal.set(signal, set);
      signal.addEventListener(
        'abort',
        () => [...set].forEach((j) => this.settle(j, new Error('cancelled'))),
        { once: true },
      );
    }
    jobs.add(job);
    job.cleanup = () => jobs.delete(job);
  }

  /** Calls queued or running, for tests and diagnostics. */
  get pending(): number {
    return this.queue.length + this.slots.reduce((n, s) => n + s.inFlight.size, 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0))
      this.settle(job, new Error('the media worker pool is closed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        const w = slot.worker;
        slot.worker = null;
        for (const job of slot.inFlight.values())
          this.settle(job, new Error('the media worker pool is closed'));
        slot.inFlight.clear();
        if (w) await w.terminate();
      }),
    );
  }

  private settle(job: Job, error: Error | null, value?: unknown): void {
    if (job.settled) return;
    job.settled = true;
    if (job.timer) clearTimeout(job.timer);
    job.cleanup?.();
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    if (error) job.reject(error);
    else job.resolve(value);
  }

  private pump(): void {
    for (;;) {
      const index = this.nextIndex();
      if (index < 0) return;
      const job = this.queue[index]!;
      const slot = this.freeSlot(job);
      if (!slot) return;
      this.queue.splice(index, 1);
      this.dispatch(slot, job);
    }
  }

  /** High-priority jobs first, in arrival order; low ones only when no high one waits. */
  private nextIndex(): number {
    const high = this.queue.findIndex((j) => j.priority === 'high');
    return high >= 0 ? high : this.queue.length > 0 ? 0 : -1;
  }

  private freeSlot(job: Job): Slot | null {
    let best: Slot | null = null;
    for (const s of this.slots) {
      const held = [...s.inFlight.values()];
      if (job.suspect ? held.length > 0 : held.some((j) => j.suspect)) continue;
      if (held.length >= this.options.maxInFlight) continue;
      if (job.priority === 'low' && held.some((j) => j.priority === 'low')) continue;
      if (!best || s.inFlight.size < best.inFlight.size) best = s;
    }
    return best;
  }

  private dispatch(slot: Slot, job: Job): void {
    const worker = slot.worker ?? this.spawn(slot);
    slot.inFlight.set(job.id, job);
    job.attempts++;
    job.timer = setTimeout(() => this.onTimeout(slot, job), job.timeoutMs);
    worker.ref();
    worker.postMessage(job.request);
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(this.options.script);
    slot.worker = worker;
    worker.on('message', (res: MediaResponse) => {
      if (slot.worker !== worker) return;
      const job = slot.inFlight.get(res.id);
      if (!job) return;
      slot.inFlight.delete(res.id);
      // An idle worker must not keep a CLI process alive; a busy one must.
      if (slot.inFlight.size === 0) worker.unref();
      if (res.ok) this.settle(job, null, res.value);
      else this.settle(job, new Error(res.error));
      this.pump();
    });
    worker.on('error', (e) => this.onCrash(slot, worker, e.message));
    worker.on('exit', (code) => this.onCrash(slot, worker, `exited with code ${code}`));
    return worker;
  }

  private onCrash(slot: Slot, worker: Worker, reason: string): void {
    if (slot.worker !== worker) return;
    slot.worker = null;
    const held = [...slot.inFlight.values()];
    slot.inFlight.clear();
    for (const job of held) {
      if (job.timer) clearTimeout(job.timer);
      if (job.settled) continue;
      if (job.suspect || job.attempts >= 3 || this.closed) {
        this.settle(job, new Error(`the media worker crashed (${reason})`));
      } else {
        job.suspect = true;
        this.queue.unshift(job);
      }
    }
    if (!this.closed) this.pump();
  }

  private onTimeout(slot: Slot, job: Job): void {
    const worker = slot.worker;
    this.settle(job, new Error(`timed out after ${Math.round(job.timeoutMs / 1000)} s`));
    slot.inFlight.delete(job.id);
    if (!worker) return;
    // The worker may be stuck in native code: replace it; its other calls are retried.
    this.onCrash(slot, worker, 'restarted after a timeout');
    void worker.terminate();
  }
}

/** The bundled worker: beside the bundled main (dist/main/workers) or built from the repo. */
export function mediaWorkerPath(): string {
  // In a packaged app the worker is unpacked from the asar (electron-builder.yml asarUnpack):
  // worker threads start from real files on disk.
  const asar = `${path.sep}app.asar${path.sep}`;
  const unpacked = path
    .resolve(__dirname, 'workers', 'media.cjs')
    .replace(asar, `${path.sep}app.asar.unpacked${path.sep}`);
  const candidates = [
    unpacked,
    path.resolve(__dirname, 'workers', 'media.cjs'),
    path.resolve(__dirname, '..', 'main', 'workers', 'media.cjs'),
    path.resolve(__dirname, '..', '..', 'dist', 'main', 'workers', 'media.cjs'),
    path.resolve(process.cwd(), 'dist', 'main', 'workers', 'media.cjs'),
  ];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found)
    throw new Error(`media worker not built (looked for ${candidates[0]}); run "npm run build"`);
  return found;
}

let shared: MediaPool | null = null;

/** The process-wide pool: two workers (the target machine has two cores). */
export function mediaPool(): MediaPool {
  shared ??= new MediaPool({
    script: mediaWorkerPath(),
    size: 2,
    maxInFlight: 6,
    timeoutMs: 120_000,
  });
  return shared;
}

export async function closeMediaPool(): Promise<void> {
  const p = shared;
  shared = null;
  await p?.close();
}
