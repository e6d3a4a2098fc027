import type { ItemStatus } from '../../../shared/api/schemas/annotationDoc';
import type { QueuePage, StatusCounts } from '../../../shared/api/schemas/annotations';
import type { Db } from '../../db/connection';
import type { Actor } from '../identity/actor';
import { requireProfileId } from '../identity/actor';
import { visibleRound } from '../rounds/roundService';

export interface QueueFilter {
  labelerId: number;
  kind?: 'image' | 'audio' | undefined;
  status?: ItemStatus[] | undefined;
  /** A round's items and the labeler's work in that round; all assets and work outside rounds when null. */
  roundId: number | null;
}

/** Asset ids of the open rounds a labeler (the one parameter) labels in. */
const OPEN_ROUND_ITEMS = `SELECT ri.asset_id FROM round_items ri
  JOIN rounds r ON r.id = ri.round_id AND r.status = 'open'
  JOIN round_labelers rl ON rl.round_id = r.id AND rl.labeler_id = ?`;

/** The open rounds `labelerId` labels in, with how many items of each kind filter they hold. */
function openRoundsOf(
  db: Db,
  labelerId: number,
  kind: 'image' | 'audio' | undefined,
): QueuePage['openRounds'] {
  return db
    .prepare(
      `SELECT r.id AS roundId, r.name, COUNT(*) AS items
         FROM rounds r
         JOIN round_labelers rl ON rl.round_id = r.id AND rl.labeler_id = ?
         JOIN round_items ri ON ri.round_id = r.id
         JOIN assets s ON s.id = ri.asset_id
        WHERE r.status = 'open' ${kind ? 'AND s.kind = ?' : ''}
        GROUP BY r.id ORDER BY r.id`,
    )
    .all(labelerId, ...(kind ? [kind] : [])) as QueuePage['openRounds'];
}

/**
 * The one place that decides which assets are in a labeler's queue and with what status.
 * Outside rounds: every asset except the items of open rounds the labeler labels in (those
 * are labeled in their round). `status` 'unlabeled' means no annotation row yet.
 */
function queueSql(
  filter: QueueFilter,
  withStatus: boolean,
): { from: string; where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [filter.labelerId, filter.roundId ?? 0];
  if (filter.kind) {
    where.push('s.kind = ?');
    params.push(filter.kind);
  }
  if (withStatus && filter.status && filter.status.length) {
    where.push(`COALESCE(an.status, 'unlabeled') IN (${filter.status.map(() => '?').join(', ')})`);
    params.push(...filter.status);
  }
  if (filter.roundId !== null) {
    where.push('s.id IN (SELECT asset_id FROM round_items WHERE round_id = ?)');
    params.push(filter.roundId);
  } else {
    // Items of an open round the labeler labels in belong to that round: listed here they
    // invite labeling them outside it by mistake (work the round's agreement never sees).
    where.push(`s.id NOT IN (${OPEN_ROUND_ITEMS})`);
    params.push(filter.labelerId);
  }
  return {
    from: 'assets s LEFT JOIN annotations an ON an.asset_id = s.id AND an.labeler_id = ? AND ifnull(an.round_id, 0) = ?',
    where: where.length ? `WHERE ${where.join(' AND ')}` : '',
    params,
  };
}

export function workQueue(
  db: Db,
  actor: Actor,
  input: {
    status?: ItemStatus[] | undefined;
    kind?: 'image' | 'audio' | undefined;
    roundId?: number | undefined;
    offset: number;
    limit: number;
  },
): QueuePage {
  const roundId = input.roundId ?? null;
  // A labeler sees only the rounds they label in (NOT_FOUND otherwise, as for a missing one).
  if (roundId !== null) visibleRound(db, actor, roundId);
  const filter: QueueFilter = {
    labelerId: requireProfileId(actor),
    kind: input.kind,
    status: input.status,
    roundId,
  };
  const all = queueSql(filter, false);
  const counts: StatusCounts = {
    unlabeled: 0,
    working: 0,
    submitted: 0,
    accepted: 0,
    sent_back: 0,
  };
  const countRows = db
    .prepare(
      `SELECT COALESCE(an.status, 'unlabeled') AS status, COUNT(*) AS n FROM ${all.from} ${all.where} GROUP BY 1`,
    )
    .all(...all.params) as Array<{ status: ItemStatus; n: number }>;
  for (const r of countRows) counts[r.status] = r.n;

  const q = queueSql(filter, true);
  const total = (
    db.prepare(`SELECT COUNT(*) AS n FROM ${q.from} ${q.where}`).get(...q.params) as { n: number }
  ).n;
  const items = db
    .prepare(
      `SELECT s.id AS assetId, s.rel_path AS relPath, s.file_name AS fileName, s.kind, s.width, s.height,
              s.duration_sec AS durationSec, COALESCE(an.status, 'unlabeled') AS status,
              COALESCE(an.box_count, 0) AS boxCount, an.updated_at AS updatedAt
         FROM ${q.from} ${q.where}
        ORDER BY s.rel_path LIMIT ? OFFSET ?`,
    )
    .all(...q.params, input.limit, input.offset) as QueuePage['items'];
  const openRounds = roundId === null ? openRoundsOf(db, filter.labelerId, input.kind) : [];
  return { total, counts, items, openRounds };
}
