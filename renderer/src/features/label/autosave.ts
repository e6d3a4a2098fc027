import type { AnnotationDoc } from '../../../../shared/api/schemas/annotationDoc';
import type { SaveRegistry } from './saveRegistry';
import { tabSaves } from './saveRegistry';

/**
 * Saves one item's document without a save button: a burst of edits is saved 300 ms after
 * it ends, and never later than one second after the first unsaved edit (so a labeler
 * working without pause still loses at most a second). One save at a time; edits made
 * while it runs follow it, on top of the revision it returned.
 *
 *   idle --edit--> dirty --300 ms / 1 s cap / flush--> saving --ok--> saved
 *                                                            --CONFLICT--> conflict (stops)
 *                                                            --FORBIDDEN--> readonly (stops)
 *                                                            --other--> error (retries)
 */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict' | 'readonly';

export interface SaveStatus {
  state: SaveState;
  savedAt: string | null;
  message: string | null;
}

/** The person a document is edited as: it is saved as them or not at all. */
export interface Labeler {
  id: number;
  name: string;
}

export type SaveFn = (input: {
  assetId: number;
  doc: AnnotationDoc;
  baseRevision: number;
  /** The server refuses the save when someone else is signed in by now. */
  labelerId: number;
}) => Promise<{ revision: number; savedAt: string }>;

export interface AutosaveOptions {
  assetId: number;
  revision: number;
  /** Who edits: saves go out only while this person is signed in here (see SaveRegistry). */
  labeler: Labeler;
  save: SaveFn;
  /** The tab's registry; tests pass their own. */
  registry?: SaveRegistry;
  onStatus?: (s: SaveStatus) => void;
  /** After every successful save (the item cache keeps the newest copy). */
  onSaved?: (doc: AnnotationDoc, revision: number) => void;
  debounceMs?: number;
  maxWaitMs?: number;
}

function codeOf(e: unknown): string | null {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string'
    ? e.code
    : null;
}

export class Autosaver {
  private latest: AnnotationDoc | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstDirtyAt = 0;
  private inFlight: Promise<void> | null = null;
  private retryMs = 1000;
  private stopped = false;
  private readonly registry: SaveRegistry;
  revision: number;
  status: SaveStatus = { state: 'saved', savedAt: null, message: null };

  constructor(private readonly opts: AutosaveOptions) {
    this.revision = opts.revision;
    this.registry = opts.registry ?? tabSaves;
  }

  get assetId(): number {
    return this.opts.assetId;
  }

  get labeler(): Labeler {
    return this.opts.labeler;
  }

  /** Someone else (or nobody) is signed in here: keep the edits, send nothing. */
  get held(): boolean {
    return this.registry.signedIn?.id !== this.opts.labeler.id;
  }

  /** True while something is not yet on disk. */
  get pending(): boolean {
    return this.latest !== null || this.inFlight !== null;
  }

  /** Records an edit; it is saved after the debounce (or the one-second cap). */
  schedule(doc: AnnotationDoc): void {
    if (this.stopped) return;
    this.registry.track(this);
    const now = Date.now();
    // The one-second cap counts from the first edit that no save has picked up yet.
    if (this.latest === null) this.firstDirtyAt = now;
    this.latest = doc;
    if (this.status.state !== 'error') this.setStatus('dirty');
    const debounce = this.opts.debounceMs ?? 300;
    const cap = this.opts.maxWaitMs ?? 1000;
    const wait = Math.max(0, Math.min(debounce, this.firstDirtyAt + cap - now));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), wait);
  }

  /** Saves now and resolves once everything scheduled so far is saved (or has failed). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    // Loop: a save may finish with newer edits waiting behind it.
    for (let i = 0; i < 10 && !this.stopped && (this.latest || this.inFlight); i++) {
      if (this.held && !this.inFlight) return;
      if (this.inFlight) await this.inFlight;
      else await this.run();
      if (this.status.state === 'error') return;
    }
  }

  /** Stops saving (after a conflict is resolved by reloading, or the item is closed). */
  dispose(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.registry.untrack(this);
  }

  /** Its person signed in again: save what was kept, now. */
  resume(): Promise<void> {
    return this.flush();
  }

  /** After a conflict: keep mine by saving on top of the revision now stored. */
  resumeOnTopOf(revision: number, doc: AnnotationDoc): void {
    this.stopped = false;
    this.registry.track(this);
    this.revision = revision;
    this.latest = doc;
    this.firstDirtyAt = Date.now();
    void this.run();
  }

  private run(): Promise<void> {
    this.timer = null;
    if (this.inFlight || this.stopped || !this.latest) return this.inFlight ?? Promise.resolve();
    // Never retried under another identity: held edits wait for their person (resume).
    if (this.held) return Promise.resolve();
    const doc = this.latest;
    this.latest = null;
    this.setStatus('saving');
    const job = this.opts
      .save({
        assetId: this.opts.assetId,
        doc,
        baseRevision: this.revision,
        labelerId: this.opts.labeler.id,
      })
      .then(
        (r) => {
          this.revision = r.revision;
          this.retryMs = 1000;
          this.opts.onSaved?.(doc, r.revision);
          this.status = { state: 'saved', savedAt: r.savedAt, message: null };
          if (this.latest) this.setStatus('dirty');
          else this.opts.onStatus?.(this.status);
        },
        (e: unknown) => {
          const code = codeOf(e);
          const message = e instanceof Error ? e.message : String(e);
          // Keep the unsaved document unless something newer is already waiting.
          this.latest ??= doc;
          if (code === 'CONFLICT') {
            this.stopped = true;
            this.setStatus('conflict', message);
          } else if (code === 'FORBIDDEN') {
            this.stopped = true;
            this.setStatus('readonly', message);
          } else if (code === 'INVALID_INPUT') {
            // The document itself is refused (e.g. a class the new instructions removed):
            // retrying the same bytes cannot help; the next edit tries again.
            this.setStatus('error', message);
          } else {
            this.setStatus('error', message);
            const retry = this.retryMs;
            this.retryMs = Math.min(this.retryMs * 2, 30_000);
            if (this.timer) clearTimeout(this.timer);
            this.timer = setTimeout(() => void this.run(), retry);
          }
        },
      )
      .finally(() => {
        this.inFlight = null;
        if (!this.latest) this.registry.untrack(this);
        // Edits made during the save go out right away (they are already past the debounce).
        if (this.latest && !this.stopped && !this.timer)
          this.timer = setTimeout(() => void this.run(), 0);
      });
    this.inFlight = job;
    return job;
  }

  private setStatus(state: SaveState, message: string | null = null): void {
    this.status = { state, savedAt: this.status.savedAt, message };
    this.opts.onStatus?.(this.status);
  }
}

/**
 * Saves when the page goes away: hidden (tab switch, minimise), pagehide and beforeunload.
 * In a browser tab a request may not outlive the page, so closing it while a save is
 * pending asks to stay (`askBeforeLeaving`); Electron would cancel the close silently
 * instead, so the caller asks only on the loopback (browser) transport.
 */
export function flushOnPageLeave(
  flush: () => void,
  pending: () => boolean,
  askBeforeLeaving: boolean,
): () => void {
  const onHide = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  const beforeUnload = (e: BeforeUnloadEvent) => {
    flush();
    if (askBeforeLeaving && pending()) e.preventDefault();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('beforeunload', beforeUnload);
  return () => {
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('beforeunload', beforeUnload);
  };
}
