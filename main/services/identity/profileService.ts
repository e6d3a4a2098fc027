import { AppError } from '../../../shared/api/envelope';
import type { Profile, Role } from '../../../shared/api/schemas/identity';
import { MIN_LABELER_SECRET, MIN_LEAD_SECRET } from '../../../shared/api/schemas/identity';
import type { Db } from '../../db/connection';
import type { Actor } from './actor';
import { assertRole } from './actor';
import {
  getProfileRow,
  insertProfile,
  leadCount,
  toProfile,
  touchSignIn,
  updateProfileRow,
} from './profileRepository';
import { hashSecret, verifySecret } from './secretHash';
import type { SessionRegistry } from './sessionRegistry';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Checks a new secret against the role's rules; returns its hash (null = no secret). */
async function secretFor(
  role: Role,
  name: string,
  secret: string | null | undefined,
): Promise<string | null> {
  if (secret === undefined || secret === null || secret === '') {
    if (role === 'lead') {
      throw new AppError(
        'INVALID_INPUT',
        `A lead needs a passphrase (at least ${MIN_LEAD_SECRET} characters) for ${name}`,
      );
    }
    return null;
  }
  const min = role === 'lead' ? MIN_LEAD_SECRET : MIN_LABELER_SECRET;
  if ([...secret].length < min) {
    const what = role === 'lead' ? 'passphrase' : 'PIN';
    throw new AppError(
      'INVALID_INPUT',
      `The ${what} for ${name} must have at least ${min} characters`,
    );
  }
  return hashSecret(secret);
}

export interface CreateProfileInput {
  name: string;
  role: Role;
  secret?: string | undefined;
}

/**
 * Creates a profile. A lead does this; the one exception is a project without a lead,
 * whose first profile anyone may create and which must be a lead (it owns the project).
 */
export async function createProfile(
  db: Db,
  actor: Actor | null,
  input: CreateProfileInput,
): Promise<Profile> {
  const bootstrapping = leadCount(db) === 0;
  if (bootstrapping) {
    if (input.role !== 'lead') {
      throw new AppError(
        'INVALID_INPUT',
        'This project has no lead yet: the first profile must be a lead',
      );
    }
  } else {
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in as a lead to add people');
    assertRole(actor, 'lead', 'add people');
  }
  const secretHash = await secretFor(input.role, input.name.trim(), input.secret);
  // Re-check after the (async) hash: two first-lead forms submitted at once must not both win.
  return db.transaction(() => {
    if (bootstrapping && leadCount(db) > 0) {
      throw new AppError(
        'CONFLICT',
        'Someone just created the lead of this project; sign in as them',
      );
    }
    return insertProfile(db, { name: input.name, role: input.role, secretHash });
  })();
}

export interface UpdateProfileInput {
  id: number;
  name?: string | undefined;
  role?: Role | undefined;
  secret?: string | null | undefined;
}

/**
 * A labeler of an open round keeps their PIN: without it anyone could sign in as them and
 * see their work, and the round would no longer be blind.
 */
function assertPinNotNeeded(db: Db, profileId: number, name: string): void {
  const open = db
    .prepare(
      `SELECT r.name FROM rounds r JOIN round_labelers rl ON rl.round_id = r.id
        WHERE rl.labeler_id = ? AND r.status = 'open' ORDER BY r.id`,
    )
    .pluck()
    .all(profileId) as string[];
  if (open.length === 0) return;
  throw new AppError(
    'CONFLICT',
    `${name} labels in open round${open.length === 1 ? '' : 's'} ${open.join(', ')}; blind rounds need a PIN for every labeler so nobody can sign in as someone else. Set a new PIN instead, or remove it after the round is closed.`,
  );
}

export async function updateProfile(
  db: Db,
  actor: Actor,
  input: UpdateProfileInput,
): Promise<Profile> {
  assertRole(actor, 'lead', 'change profiles');
  const row = getProfileRow(db, input.id);
  const role = input.role ?? row.role;
  const name = input.name?.trim() ?? row.name;
  let secretHash: string | null | undefined;
  if (input.secret !== undefined) secretHash = await secretFor(role, name, input.secret);
  else if (role === 'lead' && row.secretHash === null) {
    throw new AppError(
      'INVALID_INPUT',
      `A lead needs a passphrase: set one for ${name} to make them a lead`,
    );
  }
  if (secretHash === null) assertPinNotNeeded(db, row.id, name);
  return updateProfileRow(db, input.id, { name: input.name, role: input.role, secretHash });
}

/**
 * Checks the secret and binds the profile to the session. Wrong secrets cost a growing
 * delay and lock the profile for a while after a few attempts, so a PIN cannot be guessed
 * by a script hammering the loopback port.
 */
export async function signIn(
  db: Db,
  sessions: SessionRegistry,
  sessionKey: string,
  profileId: number,
  secret: string | undefined,
): Promise<Profile> {
  getProfileRow(db, profileId); // an unknown profile is refused at once
  // One attempt at a time per profile, the failure delay included: parallel guesses queue
  // up behind each other and meet the lock once `maxFailures` of them were wrong.
  return sessions.oneAttemptAtATime(profileId, async () => {
    const row = getProfileRow(db, profileId);
    sessions.assertNotLocked(row.id, row.name);
    if (row.secretHash !== null) {
      const what = row.role === 'lead' ? 'passphrase' : 'PIN';
      if (!secret) throw new AppError('UNAUTHENTICATED', `Enter ${row.name}'s ${what} to sign in`);
      if (!(await verifySecret(secret, row.secretHash))) {
        await sleep(sessions.recordFailure(row.id));
        throw new AppError('UNAUTHENTICATED', `Wrong ${what} for ${row.name}`);
      }
    }
    sessions.recordSuccess(row.id);
    sessions.signIn(sessionKey, row.id);
    touchSignIn(db, row.id);
    return toProfile(getProfileRow(db, row.id));
  });
}
