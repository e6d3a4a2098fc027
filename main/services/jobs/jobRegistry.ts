import { randomUUID } from 'node:crypto';
import type { Job } from '../../../shared/api/schemas/assets';
import { AppError } from '../../../shared/api/envelope';
import type { EventBus } from '../eventBus';

export type JobKind = Job['kind'];

/** What a running job may do: report progress and notice a cancel request. */
export interface JobHandle {
  readonly id: string;
  readonly signal: AbortSignal;
  progress(done: number, total: number, message?: string): void;
}

const PROGRESS_INTERVAL_MS = 100;
const KEEP_FINISHED = 50;

/**
 * Long-running work (import, thumbnails, pre-labeling, export) runs as a job: it starts at
 * once, reports progress as events (throttled), and can be cancelled from any window.
 */
export class JobRegistry {
  private readonly jobs = new Map<
    string,
    { job: Job; controller: AbortController; lastEmit: number }
  >();

  constructor(private readonly bus: EventBus) {}

  start<T>(
    kind: JobKind,
    run: (handle: JobHandle) => Promise<T>,
  ): { jobId: string; done: Promise<Job> } {
    const id = randomUUID();
    const controller = new AbortController();
    const entry = {
      job: { id, kind, status: 'running', done: 0, total: 0, message: '' } as Job,
      controller,
      lastEmit: 0,
    };
    this.jobs.set(id, entry);
    this.forgetOldFinished();
    const handle: JobHandle = {
      id,
      signal: controller.signal,
      progress: (done, total, message) => {
        entry.job = { ...entry.job, done, total, message: message ?? entry.job.message };
        const now = Date.now();
        if (now - entry.lastEmit >= PROGRESS_INTERVAL_MS || done === total) {
          entry.lastEmit = now;
          this.bus.emit('job:updated', entry.job);
        }
      },
    };
    this.bus.emit('job:updated', entry.job);
    const done = (async (): Promise<Job> => {
      try {
        const result = await run(handle);
        entry.job = {
          ...entry.job,
          status: controller.signal.aborted ? 'cancelled' : 'done',
          result,
        };
      } catch (e) {
        const cancelled = controller.signal.aborted;
        entry.job = {
          ...entry.job,
          status: cancelled ? 'cancelled' : 'failed',
          error: cancelled ? 'Cancelled' : e instanceof Error ? e.message : String(e),
        };
        if (!cancelled) console.error(`[concord] job ${kind} failed`, e);
      }
      this.bus.emit('job:updated', entry.job);
      return entry.job;
    })();
    return { jobId: id, done };
  }

  get(id: string): Job {
    const entry = this.jobs.get(id);
    if (!entry) throw new AppError('NOT_FOUND', `No job with id ${id}`);
    return entry.job;
  }

  list(): Job[] {
    return [...this.jobs.values()].map((e) => e.job);
  }

  cancel(id: string): void {
    const entry = this.jobs.get(id);
    if (!entry) throw new AppError('NOT_FOUND', `No job with id ${id}`);
    entry.controller.abort();
  }

  /** Keeps the last few finished jobs for late readers; a long session never piles them up. */
  private forgetOldFinished(): void {
    const finished = [...this.jobs].filter(([, e]) => e.job.status !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      this.jobs.delete(id);
    }
  }

  cancelAll(): void {
    for (const e of this.jobs.values()) e.controller.abort();
  }
}
