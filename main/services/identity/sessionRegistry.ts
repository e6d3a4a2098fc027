import { AppError } from '../../../shared/api/envelope';
import type { Role } from '../../../shared/api/schemas/identity';
import type { CallContext } from '../../transport/dispatch';
import type { ProjectHost } from '../project/projectHost';
import type { Actor } from './actor';
import { assertRole } from './actor';
import { findProfileRow } from './profileRepository';

export interface SignInThrottle {
  /** Added wait per consecutive wrong secret (grows linearly, capped at 8 steps). */
  failureDelayMs: number;
  /** After this many wrong secrets in a row the profile is locked for `lockMs`. */
  maxFailures: number;
  lockMs: number;
}

export const defaultThrottle: SignInThrottle = {
  failureDelayMs: 300,
  maxFailures: 5,
  lockMs: 30_000,
};

/**
 * A session with no call for this long no longer counts as someone working (see
 * `othersSignedIn`): a browser tab closed without "Switch user" never says goodbye, and
 * must not keep blocking the project's close forever. Open tabs call at least once a
 * minute (the renderer's session heartbeat), so 15 minutes is far from a live tab; the
 * idle session itself stays signed in and becomes active again with its next call.
 */
export const SESSION_IDLE_MS = 15 * 60_000;

/**
 * Maps a transport session (a browser tab's random key, an Electron window) to the profile
 * signed in there. Sessions belong to the open project: closing it signs everybody out.
 * Profiles are looked up on every call, so a role change applies at once.
 */
export class SessionRegistry {
  /** Session key -> signed-in profile, and when that session last made a call. */
  private readonly sessions = new Map<string, { profileId: number; lastSeen: number }>();
  private readonly failures = new Map<number, { count: number; lockedUntil: number }>();
  /** Per profile: the end of the last sign-in attempt queued (it never rejects). */
  private readonly attempts = new Map<number, Promise<void>>();

  constructor(
    private readonly host: ProjectHost,
    public throttle: SignInThrottle = defaultThrottle,
    /** Milliseconds now; tests replace it with a clock they can move. */
    public now: () => number = Date.now,
  ) {
    host.onClose(() => this.clear());
  }

  signIn(sessionKey: string, profileId: number): void {
    this.sessions.set(sessionKey, { profileId, lastSeen: this.now() });
  }

  signOut(sessionKey: string): void {
    this.sessions.delete(sessionKey);
  }

  clear(): void {
    this.sessions.clear();
    this.failures.clear();
  }

  profileId(sessionKey: string): number | null {
    return this.sessions.get(sessionKey)?.profileId ?? null;
  }

  /**
   * The signed-in actor of this call, or null (no project or nobody signed in). Every
   * service call asks this (through `requireActor` or `session:current`), so it is also
   * where a session's activity is recorded.
   */
  current(ctx: CallContext): Actor | null {
    const project = this.host.current;
    const session = this.sessions.get(ctx.sessionKey);
    if (!project || session === undefined) return null;
    session.lastSeen = this.now();
    const row = findProfileRow(project.db, session.profileId);
    if (!row) {
      this.sessions.delete(ctx.sessionKey);
      return null;
    }
    return { id: row.id, name: row.name, role: row.role };
  }

  /**
   * The people signed in to the open project on sessions other than the caller's, once
   * each, by name. The caller's own profile is left out even when it is signed in on
   * another session too: that is the same person in another tab (or a tab they closed),
   * not somebody whose work would be cut off. Sessions idle for more than SESSION_IDLE_MS
   * (a tab closed without signing out) are left out too.
   */
  othersSignedIn(ctx: CallContext): Actor[] {
    const project = this.host.current;
    if (!project) return [];
    const ownId = this.sessions.get(ctx.sessionKey)?.profileId;
    const others = new Map<number, Actor>();
    const activeSince = this.now() - SESSION_IDLE_MS;
    for (const [key, { profileId: id, lastSeen }] of [...this.sessions]) {
      if (key === ctx.sessionKey || id === ownId || others.has(id)) continue;
      if (lastSeen < activeSince) continue;
      const row = findProfileRow(project.db, id);
      if (!row) {
        this.sessions.delete(key);
        continue;
      }
      others.set(id, { id: row.id, name: row.name, role: row.role });
    }
    return [...others.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * The caller as an actor, or an error telling them what to do: every service that
   * touches instructions or annotations starts with this.
   */
  requireActor(ctx: CallContext, role?: Role, what = 'do this'): Actor {
    this.host.require();
    const actor = this.current(ctx);
    if (!actor)
      throw new AppError(
        'UNAUTHENTICATED',
        'Nobody is signed in here. Choose who is working first.',
      );
    assertRole(actor, role, what);
    return actor;
  }

  /**
   * Runs one profile's sign-in attempts one after another. Checking the lock, verifying
   * the secret (asynchronous scrypt) and counting a failure must not interleave: otherwise
   * guesses sent all at once each pass the lock check before any of them is counted, and a
   * script evaluates hundreds of PINs instead of `maxFailures` per lock window.
   */
  oneAttemptAtATime<T>(profileId: number, attempt: () => Promise<T>): Promise<T> {
    const previous = this.attempts.get(profileId) ?? Promise.resolve();
    const result = previous.then(attempt);
    const done = result.then(
      () => undefined,
      () => undefined,
    );
    this.attempts.set(profileId, done);
    void done.then(() => {
      if (this.attempts.get(profileId) === done) this.attempts.delete(profileId);
    });
    return result;
  }

  /** Refuses a locked profile before its secret is even checked. */
  assertNotLocked(profileId: number, name: string): void {
    const f = this.failures.get(profileId);
    if (f && f.lockedUntil > Date.now()) {
      const seconds = Math.ceil((f.lockedUntil - Date.now()) / 1000);
      throw new AppError(
        'UNAUTHENTICATED',
        `Too many wrong attempts for ${name}. Wait ${seconds} s and try again.`,
      );
    }
  }

  /** Records a wrong secret; returns how long to wait before answering. */
  recordFailure(profileId: number): number {
    const f = this.failures.get(profileId) ?? { count: 0, lockedUntil: 0 };
    f.count += 1;
    if (f.count >= this.throttle.maxFailures) {
      f.lockedUntil = Date.now() + this.throttle.lockMs;
      f.count = 0;
    }
    this.failures.set(profileId, f);
    return this.throttle.failureDelayMs * Math.min(Math.max(f.count, 1), 8);
  }

  recordSuccess(profileId: number): void {
    this.failures.delete(profileId);
  }
}

/** The guard every handler calls: `requireActor(ctx, 'lead', 'edit the instructions')`. */
export type RequireActor = (ctx: CallContext, role?: Role, what?: string) => Actor;

export function requireActorWith(sessions: SessionRegistry): RequireActor {
  return (ctx, role, what) => sessions.requireActor(ctx, role, what);
}
