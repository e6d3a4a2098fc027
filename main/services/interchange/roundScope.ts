import { AppError } from '../../../shared/api/envelope';
import type { Db } from '../../db/connection';
import { findProfileByName } from '../identity/profileRepository';
import type { RoundRow } from '../rounds/roundRepository';
import { getRound, roundAssetIds, roundLabelers } from '../rounds/roundRepository';

/**
 * The round an annotation import or export works in (`--round r1`). Work in a round is a
 * labeler's separate annotation of the round's items (the one agreement compares), so it is
 * moved in and out on its own, never mixed with their work outside rounds.
 */
export interface RoundScope {
  round: RoundRow;
  labelerId: number;
  /** The round's items: an import may only touch these. */
  assetIds: Set<number>;
}

/** The round, checked for `labelerName`: they must label in it. */
export function roundScope(db: Db, roundId: number, labelerName: string): RoundScope {
  const round = getRound(db, roundId);
  const labelers = roundLabelers(db, round.id);
  const person = findProfileByName(db, labelerName);
  const member = person ? labelers.find((l) => l.id === person.id) : undefined;
  if (!member) {
    throw new AppError(
      'INVALID_INPUT',
      `${person?.name ?? labelerName} does not label in round ${round.name}; its labelers: ${labelers.map((l) => l.name).join(', ')}`,
    );
  }
  return { round, labelerId: member.id, assetIds: new Set(roundAssetIds(db, round.id)) };
}

/** An import into a round: the round must still be open (closed rounds are frozen). */
export function importRoundScope(db: Db, roundId: number, labelerName: string): RoundScope {
  const scope = roundScope(db, roundId, labelerName);
  const { round } = scope;
  if (round.status === 'closed') {
    throw new AppError(
      'FORBIDDEN',
      `Round ${round.name} is closed (frozen on ${round.closedAt?.slice(0, 10) ?? 'an earlier day'}); its labels can no longer change, so nothing was imported. Import without --round, or into an open round.`,
    );
  }
  return scope;
}
