import { AppError } from '../../../shared/api/envelope';
import type { AnnotationDoc } from '../../../shared/api/schemas/annotationDoc';
import type { InstructionSpec } from '../../../shared/api/schemas/instructionSpec';
import type {
  WorkCounts,
  WorkItem,
  WorkOverview,
  WorkRow,
  WorkState,
} from '../../../shared/api/schemas/workOverview';
import type { Db } from '../../db/connection';
import { classStyles, tagNames } from '../agreement/agreementData';
import type { Actor } from '../identity/actor';
import { assertRole } from '../identity/actor';
import { getProfileRow } from '../identity/profileRepository';
import { currentVersion, getVersion } from '../instructions/instructionRepository';
import { assertCanRead, readableAnnotationsSql } from '../rounds/blindness';
import { getRound } from '../rounds/roundRepository';
import { assertRoundItem } from '../rounds/roundService';
import { findAnnotation } from './annotationRepository';

export interface OverviewFilter {
  labelerId?: number | undefined;
  status?: WorkState[] | undefined;
  /** A round's work; null for work outside rounds; all work when undefined. */
  roundId?: number | null | undefined;
  offset: number;
  limit: number;
}

const zeroCounts = (): WorkCounts => ({ working: 0, submitted: 0, accepted: 0, sent_back: 0 });

interface Where {
  sql: string;
  params: unknown[];
}

/** The round scope plus what the caller may read (blindness binds leads who label too). */
function scopeWhere(actor: Actor, roundId: number | null | undefined): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (roundId === null) parts.push('an.round_id IS NULL');
  else if (roundId !== undefined) {
    parts.push('an.round_id = ?');
    params.push(roundId);
  }
  const readable = readableAnnotationsSql(actor, 'an');
  parts.push(readable.sql);
  params.push(...readable.params);
  return { sql: parts.join(' AND '), params };
}

/** Work a lead labeling in an open round may not see yet (other people's, on its items). */
function hiddenWork(
  db: Db,
  actor: Actor,
  roundId: number | null | undefined,
): WorkOverview['hidden'] {
  if (actor.id === null) return { items: 0, roundName: null };
  const readable = readableAnnotationsSql(actor, 'an');
  const scope: Where =
    roundId === null
      ? { sql: 'an.round_id IS NULL', params: [] }
      : roundId === undefined
        ? { sql: '1', params: [] }
        : { sql: 'an.round_id = ?', params: [roundId] };
  const n = (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM annotations an WHERE ${scope.sql} AND NOT ${readable.sql}`,
      )
      .get(...scope.params, ...readable.params) as { n: number }
  ).n;
  if (n === 0) return { items: 0, roundName: null };
  const round = db
    .prepare(
      `SELECT r.name FROM rounds r JOIN round_labelers rl ON rl.round_id = r.id AND rl.labeler_id = ?
        WHERE r.status = 'open' ORDER BY r.id LIMIT 1`,
    )
    .get(actor.id) as { name: string } | undefined;
  return { items: n, roundName: round?.name ?? null };
}

/**
 * Everyone's work per state, for the lead's Submissions screen: counts per person (within
 * the round scope only, so the chips keep showing what the other filters would find) and one
 * page of rows matching every filter, oldest submission first.
 */
export function workOverview(db: Db, actor: Actor, filter: OverviewFilter): WorkOverview {
  assertRole(actor, 'lead', "see everyone's work");
  if (filter.roundId !== undefined && filter.roundId !== null) getRound(db, filter.roundId);
  const scope = scopeWhere(actor, filter.roundId);

  const people = new Map<number, { labelerId: number; name: string; counts: WorkCounts }>();
  // Every labeler shows, with zeros when they have no work here yet ("ben: nothing submitted").
  const labelers = db
    .prepare(`SELECT id, name FROM profiles WHERE role = 'labeler' ORDER BY name COLLATE NOCASE`)
    .all() as Array<{ id: number; name: string }>;
  for (const p of labelers)
    people.set(p.id, { labelerId: p.id, name: p.name, counts: zeroCounts() });
  const countRows = db
    .prepare(
      `SELECT an.labeler_id AS labelerId, p.name, an.status, COUNT(*) AS n
         FROM annotations an JOIN profiles p ON p.id = an.labeler_id
        WHERE ${scope.sql}
        GROUP BY an.labeler_id, an.status`,
    )
    .all(...scope.params) as Array<{
    labelerId: number;
    name: string;
    status: WorkState;
    n: number;
  }>;
  const counts = zeroCounts();
  for (const r of countRows) {
    let person = people.get(r.labelerId);
    if (!person) {
      // A lead's own labeling work counts too (leads may label).
      person = { labelerId: r.labelerId, name: r.name, counts: zeroCounts() };
      people.set(r.labelerId, person);
    }
    person.counts[r.status] += r.n;
    counts[r.status] += r.n;
  }

  const where: string[] = [scope.sql];
  const params: unknown[] = [...scope.params];
  if (filter.labelerId !== undefined) {
    where.push('an.labeler_id = ?');
    params.push(filter.labelerId);
  }
  if (filter.status?.length) {
    where.push(`an.status IN (${filter.status.map(() => '?').join(', ')})`);
    params.push(...filter.status);
  }
  const whereSql = where.join(' AND ');
  const total = (
    db.prepare(`SELECT COUNT(*) AS n FROM annotations an WHERE ${whereSql}`).get(...params) as {
      n: number;
    }
  ).n;
  const rows = db
    .prepare(
      `SELECT an.asset_id AS assetId, s.rel_path AS relPath, s.file_name AS fileName, s.kind,
              an.labeler_id AS labelerId, p.name AS labelerName,
              an.round_id AS roundId, r.name AS roundName, r.status AS roundStatus,
              an.status, an.box_count AS boxCount, an.updated_at AS updatedAt,
              an.submitted_at AS submittedAt, an.review_comment AS comment
         FROM annotations an
         JOIN assets s ON s.id = an.asset_id
         JOIN profiles p ON p.id = an.labeler_id
         LEFT JOIN rounds r ON r.id = an.round_id
        WHERE ${whereSql}
        ORDER BY COALESCE(an.submitted_at, an.updated_at), an.id
        LIMIT ? OFFSET ?`,
    )
    .all(...params, filter.limit, filter.offset) as WorkRow[];

  const rounds = db
    .prepare('SELECT id, name, status FROM rounds ORDER BY id')
    .all() as WorkOverview['rounds'];
  return {
    labelers: [...people.values()],
    counts,
    total,
    rows,
    rounds,
    hidden: hiddenWork(db, actor, filter.roundId),
  };
}

/**
 * One person's annotation of one item, read-only, for review. The blindness rule applies as
 * everywhere: a lead who labels in an open round holding the item gets FORBIDDEN.
 */
export function workItem(
  db: Db,
  actor: Actor,
  input: { assetId: number; labelerId: number; roundId?: number | undefined },
): WorkItem {
  assertRole(actor, 'lead', "review other people's work");
  const asset = db
    .prepare(
      `SELECT id, rel_path AS relPath, kind, width, height, duration_sec AS durationSec
         FROM assets WHERE id = ?`,
    )
    .get(input.assetId) as
    Pick<WorkItem, 'relPath' | 'kind' | 'width' | 'height' | 'durationSec'> | undefined;
  if (!asset) throw new AppError('NOT_FOUND', `No asset with id ${input.assetId} in this project`);
  const labeler = getProfileRow(db, input.labelerId);
  const roundId = input.roundId ?? null;
  const round = roundId !== null ? assertRoundItem(db, actor, roundId, input.assetId) : null;
  assertCanRead(db, actor, input.labelerId, input.assetId);
  const row = findAnnotation(db, input.assetId, input.labelerId, roundId);
  if (!row) {
    const where = round ? ` in round ${round.name}` : ' outside rounds';
    throw new AppError('NOT_FOUND', `${labeler.name} has not worked on ${asset.relPath}${where}`);
  }
  const specs: InstructionSpec[] = [];
  if (row.instructionsVersion !== null) specs.push(getVersion(db, row.instructionsVersion).spec);
  specs.push(currentVersion(db).spec);
  return {
    assetId: input.assetId,
    ...asset,
    labelerId: labeler.id,
    labelerName: labeler.name,
    round: round ? { id: round.id, name: round.name, status: round.status } : null,
    status: row.status,
    revision: row.revision,
    instructionsVersion: row.instructionsVersion,
    doc: JSON.parse(row.docJson) as AnnotationDoc,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    comment: row.reviewComment,
    classes: classStyles(specs),
    tags: tagNames(specs),
  };
}
