import { AppError } from '../../../shared/api/envelope';
import type {
  RoundProgress,
  RoundStatus,
  SamplingSpec,
  StratumCount,
} from '../../../shared/api/schemas/rounds';
import type { Db } from '../../db/connection';

/** What sampling_json holds: the spec as drawn (with its seed) and what it gave. */
export interface StoredSampling {
  spec: SamplingSpec;
  strata: StratumCount[];
  candidates: number;
}

export interface RoundRow {
  id: number;
  name: string;
  createdAt: string;
  createdByName: string;
  instructionsVersion: number;
  showSuggestions: boolean;
  status: RoundStatus;
  closedAt: string | null;
  sampling: StoredSampling;
  itemCount: number;
}

interface RawRoundRow extends Omit<RoundRow, 'showSuggestions' | 'sampling'> {
  showSuggestions: number;
  samplingJson: string;
}

const COLUMNS = `r.id, r.name, r.created_at AS createdAt, r.created_by_name AS createdByName,
  r.instructions_version AS instructionsVersion, r.show_suggestions AS showSuggestions, r.status,
  r.closed_at AS closedAt, r.sampling_json AS samplingJson,
  (SELECT COUNT(*) FROM round_items ri WHERE ri.round_id = r.id) AS itemCount`;

function toRow(raw: RawRoundRow): RoundRow {
  const { samplingJson, showSuggestions, ...rest } = raw;
  return {
    ...rest,
    showSuggestions: showSuggestions === 1,
    sampling: JSON.parse(samplingJson) as StoredSampling,
  };
}

export function findRound(db: Db, id: number): RoundRow | null {
  const raw = db.prepare(`SELECT ${COLUMNS} FROM rounds r WHERE r.id = ?`).get(id) as
    RawRoundRow | undefined;
  return raw ? toRow(raw) : null;
}

export function getRound(db: Db, id: number): RoundRow {
  const row = findRound(db, id);
  if (!row) throw new AppError('NOT_FOUND', `No round with id ${id} in this project`);
  return row;
}

/** By name ("r1") as the CLI's `--round` gives it, or by numeric id. */
export function roundByName(db: Db, name: string): RoundRow {
  const raw = db.prepare(`SELECT ${COLUMNS} FROM rounds r WHERE r.name = ?`).get(name) as
    RawRoundRow | undefined;
  if (raw) return toRow(raw);
  if (/^\d+$/.test(name)) {
    const byId = findRound(db, Number(name));
    if (byId) return byId;
  }
  const names = (db.prepare('SELECT name FROM rounds ORDER BY id').pluck().all() as string[]).join(
    ', ',
  );
  throw new AppError(
    'NOT_FOUND',
    `No round named "${name}" in this project; ${names ? `rounds: ${names}` : 'it has no rounds yet'}`,
  );
}

/** Rounds in creation order; only those `memberId` labels in when given. */
export function listRounds(
  db: Db,
  filter: { status?: RoundStatus | undefined; memberId?: number | undefined },
): RoundRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status) {
    where.push('r.status = ?');
    params.push(filter.status);
  }
  if (filter.memberId !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM round_labelers rl WHERE rl.round_id = r.id AND rl.labeler_id = ?)',
    );
    params.push(filter.memberId);
  }
  const raw = db
    .prepare(
      `SELECT ${COLUMNS} FROM rounds r ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.id`,
    )
    .all(...params) as RawRoundRow[];
  return raw.map(toRow);
}

export function roundLabelers(db: Db, roundId: number): Array<{ id: number; name: string }> {
  return db
    .prepare(
      `SELECT p.id, p.name FROM round_labelers rl JOIN profiles p ON p.id = rl.labeler_id
        WHERE rl.round_id = ? ORDER BY p.name COLLATE NOCASE, p.id`,
    )
    .all(roundId) as Array<{ id: number; name: string }>;
}

export function isRoundLabeler(db: Db, roundId: number, labelerId: number): boolean {
  return (
    db
      .prepare('SELECT 1 FROM round_labelers WHERE round_id = ? AND labeler_id = ?')
      .get(roundId, labelerId) !== undefined
  );
}

export function isRoundItem(db: Db, roundId: number, assetId: number): boolean {
  return (
    db
      .prepare('SELECT 1 FROM round_items WHERE round_id = ? AND asset_id = ?')
      .get(roundId, assetId) !== undefined
  );
}

export function roundAssetIds(db: Db, roundId: number): number[] {
  return db
    .prepare('SELECT asset_id FROM round_items WHERE round_id = ? ORDER BY position')
    .pluck()
    .all(roundId) as number[];
}

/** Progress of one labeler in one round, from their annotations made in that round. */
export function roundProgress(db: Db, roundId: number, labelerId: number): RoundProgress {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS total,
              COALESCE(SUM(an.status IN ('submitted', 'accepted')), 0) AS done,
              COALESCE(SUM(an.status IN ('working', 'sent_back')), 0) AS working
         FROM round_items ri
         LEFT JOIN annotations an
           ON an.asset_id = ri.asset_id AND an.labeler_id = ? AND an.round_id = ri.round_id
        WHERE ri.round_id = ?`,
    )
    .get(labelerId, roundId) as RoundProgress;
  return row;
}

/** The next free automatic name: r1, r2, ... */
export function nextRoundName(db: Db): string {
  const names = db
    .prepare("SELECT name FROM rounds WHERE name GLOB 'r[0-9]*'")
    .pluck()
    .all() as string[];
  let max = 0;
  for (const n of names) {
    const m = /^r(\d+)$/.exec(n);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `r${max + 1}`;
}

export interface NewRound {
  name: string;
  createdById: number | null;
  createdByName: string;
  instructionsVersion: number;
  showSuggestions: boolean;
  sampling: StoredSampling;
  labelerIds: number[];
  /** In draw order, with each item's stratum. */
  items: Array<{ assetId: number; stratum: string | null }>;
}

/** Inserts a round with its labelers and items; call inside a transaction. */
export function insertRound(db: Db, r: NewRound): number {
  const info = db
    .prepare(
      `INSERT INTO rounds (name, created_at, created_by, created_by_name, instructions_version, show_suggestions, sampling_json)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.name,
      new Date().toISOString(),
      r.createdById,
      r.createdByName,
      r.instructionsVersion,
      r.showSuggestions ? 1 : 0,
      JSON.stringify(r.sampling),
    );
  const roundId = Number(info.lastInsertRowid);
  const addLabeler = db.prepare('INSERT INTO round_labelers (round_id, labeler_id) VALUES (?, ?)');
  for (const id of r.labelerIds) addLabeler.run(roundId, id);
  const addItem = db.prepare(
    'INSERT INTO round_items (round_id, asset_id, position, stratum) VALUES (?, ?, ?, ?)',
  );
  r.items.forEach((item, i) => addItem.run(roundId, item.assetId, i, item.stratum));
  return roundId;
}

export function markClosed(db: Db, roundId: number, byName: string): void {
  db.prepare(
    "UPDATE rounds SET status = 'closed', closed_at = ?, closed_by_name = ? WHERE id = ? AND status = 'open'",
  ).run(new Date().toISOString(), byName, roundId);
}
