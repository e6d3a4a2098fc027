import { AppError } from '../../../shared/api/envelope';
import type { Db } from '../../db/connection';
import type { Actor } from '../identity/actor';

/**
 * THE BLINDNESS RULE (product.md capability 6), in one place.
 *
 * While a round is open, nobody who could be anchored by it may read another person's
 * annotation of one of its items — not the content, not a figure derived from it:
 *
 *   reader            item in no open round     item in an open round
 *   ----------------  ------------------------  ---------------------------------------
 *   the owner         yes                       yes (their own work)
 *   a labeler         yes                       NO  (member of the round or not)
 *   a lead            yes                       yes, unless the lead labels in that round
 *   the CLI owner     yes                       yes (the local owner of the project file)
 *
 * The rule is about the *asset*, not about the annotation's round: a labeler's earlier work
 * on the same image (outside the round, or in a closed round) would anchor the others just
 * as much. Every service that returns annotation content or a figure computed from other
 * people's annotations asks this module first: `canRead` for one annotation,
 * `readableAnnotationsSql` for bulk queries, `assertCanReadAll` for derived figures.
 */

/** An open round that blinds `actor` to other people's work on an asset. */
export interface BlindingRound {
  roundId: number;
  roundName: string;
}

/** SQL condition "round r blinds the actor" (r = rounds row), with its parameters. */
function blindsActorSql(actor: Actor): { sql: string; params: unknown[] } {
  if (actor.role === 'labeler') return { sql: '1', params: [] };
  return {
    sql: 'EXISTS (SELECT 1 FROM round_labelers rl WHERE rl.round_id = r.id AND rl.labeler_id = ?)',
    params: [actor.id],
  };
}

/** The open rounds containing `assetId` that blind `actor` (empty: nothing is hidden). */
export function blindingRounds(db: Db, actor: Actor, assetId: number): BlindingRound[] {
  if (actor.id === null) return [];
  const blinds = blindsActorSql(actor);
  return db
    .prepare(
      `SELECT r.id AS roundId, r.name AS roundName
         FROM round_items ri JOIN rounds r ON r.id = ri.round_id
        WHERE ri.asset_id = ? AND r.status = 'open' AND ${blinds.sql}
        ORDER BY r.id`,
    )
    .all(assetId, ...blinds.params) as BlindingRound[];
}

/** May `actor` read the annotation `ownerId` made of `assetId`? */
export function canRead(db: Db, actor: Actor, ownerId: number, assetId: number): boolean {
  if (actor.id === null || actor.id === ownerId) return true;
  return blindingRounds(db, actor, assetId).length === 0;
}

/** A FORBIDDEN error that names the round and never the other person or their work. */
export function blindError(relPath: string, round: BlindingRound): AppError {
  return new AppError(
    'FORBIDDEN',
    `Other people's annotations of ${relPath} are hidden while round ${round.roundName} is open (blind double-labeling). They become visible when a lead closes the round.`,
  );
}

/** Throws FORBIDDEN unless `actor` may read `ownerId`'s annotation of `assetId`. */
export function assertCanRead(db: Db, actor: Actor, ownerId: number, assetId: number): void {
  if (actor.id === null || actor.id === ownerId) return;
  const rounds = blindingRounds(db, actor, assetId);
  if (rounds.length === 0) return;
  const row = db.prepare('SELECT rel_path AS relPath FROM assets WHERE id = ?').get(assetId) as
    { relPath: string } | undefined;
  throw blindError(row?.relPath ?? `asset ${assetId}`, rounds[0]!);
}

/**
 * For bulk queries over annotations: a WHERE condition keeping only the rows `actor` may
 * read. `alias` is the annotations table's alias in the query (columns asset_id, labeler_id).
 *
 *   const r = readableAnnotationsSql(actor, 'an');
 *   db.prepare(`SELECT ... FROM annotations an WHERE ${r.sql}`).all(...r.params)
 */
export function readableAnnotationsSql(
  actor: Actor,
  alias = 'an',
): { sql: string; params: unknown[] } {
  if (actor.id === null) return { sql: '1', params: [] };
  const blinds = blindsActorSql(actor);
  return {
    sql: `(${alias}.labeler_id = ? OR NOT EXISTS (
            SELECT 1 FROM round_items ri JOIN rounds r ON r.id = ri.round_id
             WHERE ri.asset_id = ${alias}.asset_id AND r.status = 'open' AND ${blinds.sql}))`,
    params: [actor.id, ...blinds.params],
  };
}

/** Every asset in an open round that blinds `actor` (one query, for bulk checks). */
export function blindAssets(db: Db, actor: Actor): Map<number, BlindingRound> {
  if (actor.id === null) return new Map();
  const blinds = blindsActorSql(actor);
  const rows = db
    .prepare(
      `SELECT ri.asset_id AS assetId, r.id AS roundId, r.name AS roundName
         FROM round_items ri JOIN rounds r ON r.id = ri.round_id
        WHERE r.status = 'open' AND ${blinds.sql}
        ORDER BY r.id DESC`,
    )
    .all(...blinds.params) as Array<BlindingRound & { assetId: number }>;
  // Descending round ids: the first (oldest) blinding round of an asset wins, as in blindingRounds.
  return new Map(rows.map((r) => [r.assetId, { roundId: r.roundId, roundName: r.roundName }]));
}

/**
 * For figures derived from several people's annotations (agreement, statistics): refuses
 * the whole computation when any other person's annotation behind it is hidden from
 * `actor`, naming the first open round responsible. A partial figure would still leak.
 */
export function assertCanReadAll(
  db: Db,
  actor: Actor,
  annotations: Iterable<{ ownerId: number; assetId: number }>,
): void {
  if (actor.id === null) return;
  const blind = blindAssets(db, actor);
  if (blind.size === 0) return;
  for (const a of annotations) {
    if (a.ownerId === actor.id) continue;
    const round = blind.get(a.assetId);
    if (!round) continue;
    const row = db.prepare('SELECT rel_path AS relPath FROM assets WHERE id = ?').get(a.assetId) as
      { relPath: string } | undefined;
    throw blindError(row?.relPath ?? `asset ${a.assetId}`, round);
  }
}

/**
 * Whether model suggestions may be shown to `actor` on `assetId`: not in an open round the
 * actor labels in that hides them (the default, to avoid anchoring). The suggestions
 * service and the editor ask this.
 */
export function suggestionsVisible(db: Db, actor: Actor, assetId: number): boolean {
  if (actor.id === null) return true;
  const hidden = db
    .prepare(
      `SELECT 1 FROM round_items ri
         JOIN rounds r ON r.id = ri.round_id
         JOIN round_labelers rl ON rl.round_id = r.id AND rl.labeler_id = ?
        WHERE ri.asset_id = ? AND r.status = 'open' AND r.show_suggestions = 0
        LIMIT 1`,
    )
    .get(actor.id, assetId);
  return hidden === undefined;
}

/**
 * Whether an open round hides its agreement figures from `actor`: agreement compares other
 * people's work, so while the round is open it is for leads who do not label in it.
 */
export function roundBlindsActor(
  db: Db,
  actor: Actor,
  round: { id: number; status: 'open' | 'closed' },
): boolean {
  if (actor.id === null || round.status !== 'open') return false;
  if (actor.role === 'labeler') return true;
  return (
    db
      .prepare('SELECT 1 FROM round_labelers WHERE round_id = ? AND labeler_id = ?')
      .get(round.id, actor.id) !== undefined
  );
}
