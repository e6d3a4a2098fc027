import type { AnnotationDoc, ItemStatus } from '../../../shared/api/schemas/annotationDoc';
import type { AnnotationRevision, RevisionAction } from '../../../shared/api/schemas/annotations';
import type { Db } from '../../db/connection';
import type { Actor } from '../identity/actor';
import type { DocDelta } from './docDelta';
import { applyDelta, diffDocs } from './docDelta';

export type StoredStatus = Exclude<ItemStatus, 'unlabeled'>;

export interface AnnotationRow {
  id: number;
  assetId: number;
  labelerId: number;
  /** The round this work belongs to; null for work outside rounds. */
  roundId: number | null;
  status: StoredStatus;
  revision: number;
  instructionsVersion: number | null;
  docJson: string;
  boxCount: number;
  updatedAt: string;
  submittedAt: string | null;
  reviewComment: string | null;
}

const COLUMNS = `id, asset_id AS assetId, labeler_id AS labelerId, round_id AS roundId, status, revision,
  instructions_version AS instructionsVersion, doc_json AS docJson, box_count AS boxCount,
  updated_at AS updatedAt, submitted_at AS submittedAt, review_comment AS reviewComment`;

/** A labeler's annotation of an asset outside rounds (roundId null) or in one round. */
export function findAnnotation(
  db: Db,
  assetId: number,
  labelerId: number,
  roundId: number | null = null,
): AnnotationRow | null {
  // ifnull(round_id, 0) is the unique key's expression, so this is an index lookup.
  return (
    (db
      .prepare(
        `SELECT ${COLUMNS} FROM annotations WHERE asset_id = ? AND labeler_id = ? AND ifnull(round_id, 0) = ?`,
      )
      .get(assetId, labelerId, roundId ?? 0) as AnnotationRow | undefined) ?? null
  );
}

export function annotationById(db: Db, id: number): AnnotationRow {
  return db.prepare(`SELECT ${COLUMNS} FROM annotations WHERE id = ?`).get(id) as AnnotationRow;
}

/**
 * Rebuild cost stays bounded: a full snapshot is written when the deltas since the last
 * one would outweigh the document itself, or after this many revisions.
 */
const MAX_DELTAS_BETWEEN_SNAPSHOTS = 200;

function chooseStorage(
  db: Db,
  annotationId: number,
  fullBytes: number,
  deltaBytes: number,
): 'full' | 'delta' {
  const recent = db
    .prepare(
      `SELECT storage, length(doc_json) AS bytes FROM annotation_revisions
        WHERE annotation_id = ? ORDER BY revision DESC LIMIT ?`,
    )
    .all(annotationId, MAX_DELTAS_BETWEEN_SNAPSHOTS) as Array<{ storage: string; bytes: number }>;
  let sinceFull = deltaBytes;
  for (const r of recent) {
    if (r.storage === 'full') return sinceFull > fullBytes ? 'full' : 'delta';
    sinceFull += r.bytes;
  }
  return 'full'; // no snapshot within reach (or no revision at all)
}

export interface WriteInput {
  assetId: number;
  labelerId: number;
  /** The round the work belongs to (default: none). */
  roundId?: number | null;
  actor: Actor;
  action: RevisionAction;
  status: StoredStatus;
  doc: AnnotationDoc;
  /** The document before this write (null for the first one). */
  prevDoc: AnnotationDoc | null;
  instructionsVersion: number | null;
  /** Keep the row's instructions version (class merges do not re-label the item). */
  keepInstructionsVersion?: boolean;
  reviewComment?: string | null;
  reviewedBy?: number | null;
}

/**
 * Writes the new state of one annotation and appends its revision. Call inside a
 * transaction; returns the new revision number and time.
 */
export function writeAnnotation(
  db: Db,
  w: WriteInput,
): { revision: number; savedAt: string; annotationId: number } {
  const now = new Date().toISOString();
  const docJson = JSON.stringify(w.doc);
  const existing = findAnnotation(db, w.assetId, w.labelerId, w.roundId ?? null);
  let annotationId: number;
  let revision: number;
  if (!existing) {
    revision = 1;
    const info = db
      .prepare(
        `INSERT INTO annotations (asset_id, labeler_id, round_id, status, revision, instructions_version, doc_json,
           box_count, created_at, updated_at, submitted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        w.assetId,
        w.labelerId,
        w.roundId ?? null,
        w.status,
        revision,
        w.instructionsVersion,
        docJson,
        w.doc.boxes.length,
        now,
        now,
        w.status === 'submitted' ? now : null,
      );
    annotationId = Number(info.lastInsertRowid);
  } else {
    revision = existing.revision + 1;
    annotationId = existing.id;
    const version = w.keepInstructionsVersion
      ? existing.instructionsVersion
      : w.instructionsVersion;
    const submittedAt =
      w.status === 'submitted' && existing.status !== 'submitted' ? now : existing.submittedAt;
    const reviewed = w.reviewComment !== undefined;
    db.prepare(
      `UPDATE annotations SET status = ?, revision = ?, instructions_version = ?, doc_json = ?, box_count = ?,
         updated_at = ?, submitted_at = ?,
         review_comment = CASE WHEN ? THEN ? ELSE review_comment END,
         reviewed_at = CASE WHEN ? THEN ? ELSE reviewed_at END,
         reviewed_by = CASE WHEN ? THEN ? ELSE reviewed_by END
       WHERE id = ?`,
    ).run(
      w.status,
      revision,
      version,
      docJson,
      w.doc.boxes.length,
      now,
      submittedAt,
      reviewed ? 1 : 0,
      w.reviewComment ?? null,
      reviewed ? 1 : 0,
      now,
      reviewed ? 1 : 0,
      w.reviewedBy ?? null,
      annotationId,
    );
  }
  let storage: 'full' | 'delta' = 'full';
  let stored = docJson;
  if (w.prevDoc && existing) {
    const deltaJson = JSON.stringify(diffDocs(w.prevDoc, w.doc));
    storage = chooseStorage(db, annotationId, docJson.length, deltaJson.length);
    if (storage === 'delta') stored = deltaJson;
  }
  db.prepare(
    `INSERT INTO annotation_revisions (annotation_id, revision, saved_at, actor_id, actor_name, action, status,
       instructions_version, storage, doc_json, box_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    annotationId,
    revision,
    now,
    w.actor.id,
    w.actor.name,
    w.action,
    w.status,
    w.instructionsVersion,
    storage,
    stored,
    w.doc.boxes.length,
  );
  return { revision, savedAt: now, annotationId };
}

interface RevisionRow {
  revision: number;
  savedAt: string;
  actorId: number | null;
  actorName: string;
  action: RevisionAction;
  status: StoredStatus;
  instructionsVersion: number | null;
  storage: 'full' | 'delta';
  docJson: string;
  boxCount: number;
}

const REVISION_COLUMNS = `revision, saved_at AS savedAt, actor_id AS actorId, actor_name AS actorName, action,
  status, instructions_version AS instructionsVersion, storage, doc_json AS docJson, box_count AS boxCount`;

/** The newest `limit` revisions, newest first; with documents rebuilt when asked. */
export function listRevisions(
  db: Db,
  annotationId: number,
  limit: number,
  withDocs: boolean,
): AnnotationRevision[] {
  const rows = db
    .prepare(
      `SELECT ${REVISION_COLUMNS} FROM annotation_revisions WHERE annotation_id = ? ORDER BY revision DESC LIMIT ?`,
    )
    .all(annotationId, limit) as RevisionRow[];
  const docs =
    withDocs && rows.length
      ? rebuildDocs(db, annotationId, rows[rows.length - 1]!.revision, rows[0]!.revision)
      : null;
  return rows.map((r) => ({
    revision: r.revision,
    savedAt: r.savedAt,
    action: r.action,
    actorId: r.actorId,
    actorName: r.actorName,
    status: r.status,
    instructionsVersion: r.instructionsVersion,
    boxCount: r.boxCount,
    ...(docs ? { doc: docs.get(r.revision)! } : {}),
  }));
}

/** Documents of revisions from..to, replayed from the snapshot at or before `from`. */
export function rebuildDocs(
  db: Db,
  annotationId: number,
  from: number,
  to: number,
): Map<number, AnnotationDoc> {
  const start =
    (
      db
        .prepare(
          `SELECT MAX(revision) AS r FROM annotation_revisions
            WHERE annotation_id = ? AND storage = 'full' AND revision <= ?`,
        )
        .get(annotationId, from) as { r: number | null }
    ).r ?? 1;
  const rows = db
    .prepare(
      `SELECT revision, storage, doc_json AS docJson FROM annotation_revisions
        WHERE annotation_id = ? AND revision BETWEEN ? AND ? ORDER BY revision`,
    )
    .all(annotationId, start, to) as Array<Pick<RevisionRow, 'revision' | 'storage' | 'docJson'>>;
  const out = new Map<number, AnnotationDoc>();
  let doc: AnnotationDoc | null = null;
  for (const r of rows) {
    doc =
      r.storage === 'full' || !doc
        ? (JSON.parse(r.docJson) as AnnotationDoc)
        : applyDelta(doc, JSON.parse(r.docJson) as DocDelta);
    if (r.revision >= from) out.set(r.revision, doc);
  }
  return out;
}
