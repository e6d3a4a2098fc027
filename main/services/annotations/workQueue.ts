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

/**
 * The one place that decides which assets are in a labeler's queue and with what status.
 * Every asset is in it for now; `status` 'unlabeled' means no annotation row yet.
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
  return { total, counts, items };
}
