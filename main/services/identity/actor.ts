import { AppError } from '../../../shared/api/envelope';
import type { Role } from '../../../shared/api/schemas/identity';
import type { Db } from '../../db/connection';
import { findProfileByName, profileRows } from './profileRepository';

/**
 * Who performs a service call. Transports derive it from the signed-in session; the CLI,
 * a trusted local user, names a profile explicitly (`--labeler ana`). `id` is null only for
 * the CLI acting as the project's owner without a profile (e.g. `concord init
 * --instructions`), which may write instructions but never annotations.
 */
export interface Actor {
  id: number | null;
  name: string;
  role: Role;
}

/** The command line as the project's owner, for lead-only writes made from a shell. */
export const cliOwner: Actor = { id: null, name: 'concord CLI', role: 'lead' };

/** Resolves `--labeler NAME` (or `--as NAME`) to an actor, listing the names on a typo. */
export function actorByName(db: Db, name: string): Actor {
  const row = findProfileByName(db, name);
  if (!row) {
    const names = profileRows(db).map((p) => p.name);
    const known = names.length
      ? `; profiles: ${names.join(', ')}`
      : '; this project has no profiles yet';
    throw new AppError('NOT_FOUND', `No profile named "${name}" in this project${known}`);
  }
  return { id: row.id, name: row.name, role: row.role };
}

/** Annotations belong to a person: refuse the profile-less CLI owner with a way out. */
export function requireProfileId(actor: Actor): number {
  if (actor.id === null) {
    throw new AppError(
      'UNAUTHENTICATED',
      'Annotations belong to a profile: name one (e.g. --labeler ana)',
    );
  }
  return actor.id;
}

export function assertRole(actor: Actor, role: Role | undefined, what: string): void {
  if (role === 'lead' && actor.role !== 'lead') {
    throw new AppError(
      'FORBIDDEN',
      `Only a lead can ${what}; you are signed in as ${actor.name} (labeler)`,
    );
  }
}
