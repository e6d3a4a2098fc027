import { AppError } from '../../../shared/api/envelope';
import type { AnnotationDoc } from '../../../shared/api/schemas/annotationDoc';
import { emptyDoc } from '../../../shared/api/schemas/annotationDoc';
import type { AnnotationRevision, AnnotationState } from '../../../shared/api/schemas/annotations';
import type { Db } from '../../db/connection';
import type { Actor } from '../identity/actor';
import { assertRole, requireProfileId } from '../identity/actor';
import { findProfileRow } from '../identity/profileRepository';
import { assertCanRead } from '../rounds/blindness';
import type { StoredInstructionVersion } from '../../../shared/api/schemas/instructions';
import { currentVersion, getVersion } from '../instructions/instructionRepository';
import { getRound } from '../rounds/roundRepository';
import { assertRoundItem, assertRoundWritable } from '../rounds/roundService';
import type { AnnotationRow } from './annotationRepository';
import { findAnnotation, listRevisions, writeAnnotation } from './annotationRepository';
import type { AssetShape } from './docValidation';
import { submitProblem, validateDoc } from './docValidation';

function assetShape(db: Db, assetId: number): AssetShape {
  const row = db
    .prepare(
      'SELECT id, rel_path AS relPath, kind, width, height, duration_sec AS durationSec FROM assets WHERE id = ?',
    )
    .get(assetId) as AssetShape | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No asset with id ${assetId} in this project`);
  return row;
}

const isReadOnly = (row: AnnotationRow | null) =>
  row?.status === 'submitted' || row?.status === 'accepted';

function parseDoc(row: AnnotationRow): AnnotationDoc {
  return JSON.parse(row.docJson) as AnnotationDoc;
}

/**
 * The caller's own annotation of an asset (an empty, unlabeled one if none yet), outside
 * rounds or, with `roundId`, in that round. A closed round's items open read-only.
 */
export function getAnnotation(
  db: Db,
  actor: Actor,
  assetId: number,
  roundId: number | null = null,
): AnnotationState {
  const labelerId = requireProfileId(actor);
  assetShape(db, assetId);
  const frozen =
    roundId !== null && assertRoundItem(db, actor, roundId, assetId).status === 'closed';
  const row = findAnnotation(db, assetId, labelerId, roundId);
  if (!row) {
    return {
      assetId,
      status: 'unlabeled',
      revision: 0,
      instructionsVersion: null,
      doc: emptyDoc(),
      updatedAt: null,
      readOnly: frozen,
      comment: null,
    };
  }
  return {
    assetId,
    status: row.status,
    revision: row.revision,
    instructionsVersion: row.instructionsVersion,
    doc: parseDoc(row),
    updatedAt: row.updatedAt,
    readOnly: frozen || isReadOnly(row),
    comment: row.reviewComment,
  };
}

function assertWritable(row: AnnotationRow | null, relPath: string): void {
  if (row && isReadOnly(row)) {
    const why = row.status === 'accepted' ? 'was accepted' : 'is submitted';
    throw new AppError(
      'FORBIDDEN',
      `${relPath} ${why} and is read-only until a lead sends it back`,
    );
  }
}

function assertBase(row: AnnotationRow | null, baseRevision: number, relPath: string): void {
  const current = row?.revision ?? 0;
  if (current !== baseRevision) {
    throw new AppError(
      'CONFLICT',
      `${relPath} was saved elsewhere (revision ${current}, you had ${baseRevision}), perhaps in another window. Reload the item to continue from the saved version.`,
    );
  }
}

/**
 * The instructions work is done under: a round stays on the version it was created with
 * (so its agreement compares like with like, even when the lead saves new instructions
 * while it is open); work outside rounds follows the current version.
 */
export function workInstructions(db: Db, roundId: number | null): StoredInstructionVersion {
  return roundId === null
    ? currentVersion(db)
    : getVersion(db, getRound(db, roundId).instructionsVersion);
}

export interface SaveInput {
  assetId: number;
  doc: AnnotationDoc;
  baseRevision: number;
  /** Work in this round (refused once the round is closed); outside rounds when absent. */
  roundId?: number | undefined;
  /** The profile the document was edited as (see `assertEditedAs`). */
  labelerId?: number | undefined;
}

/**
 * A document edited as one person is never written as another: a tab's unsaved edits can
 * outlive its sign-in (Switch user, a server restart), and `baseRevision` alone cannot
 * tell, since everybody's annotations count revisions 1, 2, 3...
 */
export function assertEditedAs(db: Db, actor: Actor, labelerId: number | undefined): void {
  if (labelerId === undefined || labelerId === actor.id) return;
  const name = findProfileRow(db, labelerId)?.name ?? `profile ${labelerId}`;
  throw new AppError(
    'FORBIDDEN',
    `These edits were made as ${name}; ${actor.name} is signed in now. Sign in as ${name} to save them.`,
  );
}

/**
 * Autosave: stores the caller's document under the current instructions version, or in a
 * round under the round's version (validated against that version's classes and tags).
 * Saving an unchanged document is free (no new revision).
 */
export function saveAnnotation(
  db: Db,
  actor: Actor,
  input: SaveInput,
): { revision: number; savedAt: string; clipped: number } {
  const labelerId = requireProfileId(actor);
  assertEditedAs(db, actor, input.labelerId);
  const asset = assetShape(db, input.assetId);
  const roundId = input.roundId ?? null;
  // A round the caller may not see answers NOT_FOUND here, before its version is looked at.
  if (roundId !== null) assertRoundItem(db, actor, roundId, asset.id);
  const instructions = workInstructions(db, roundId);
  const { doc, clipped } = validateDoc(input.doc, asset, instructions.spec, instructions.version);
  return db
    .transaction(() => {
      // Inside the write transaction: a round closed a moment ago refuses this save.
      if (roundId !== null) assertRoundWritable(db, actor, roundId, asset.id);
      const row = findAnnotation(db, asset.id, labelerId, roundId);
      assertWritable(row, asset.relPath);
      assertBase(row, input.baseRevision, asset.relPath);
      const prevDoc = row ? parseDoc(row) : null;
      if (
        row &&
        JSON.stringify(doc) === row.docJson &&
        row.instructionsVersion === instructions.version
      ) {
        return { revision: row.revision, savedAt: row.updatedAt, clipped };
      }
      const status = row?.status ?? 'working';
      const written = writeAnnotation(db, {
        assetId: asset.id,
        labelerId,
        roundId,
        actor,
        action: 'save',
        status,
        doc,
        prevDoc,
        instructionsVersion: instructions.version,
      });
      return { revision: written.revision, savedAt: written.savedAt, clipped };
    })
    .immediate();
}

/** WORKING (or sent back) -> SUBMITTED; an empty item must say "no defects" first. */
export function submitAnnotation(
  db: Db,
  actor: Actor,
  assetId: number,
  roundId: number | null = null,
  editedAs?: number,
): { status: AnnotationState['status']; revision: number } {
  const labelerId = requireProfileId(actor);
  assertEditedAs(db, actor, editedAs);
  const asset = assetShape(db, assetId);
  if (roundId !== null) assertRoundItem(db, actor, roundId, assetId);
  const spec = workInstructions(db, roundId).spec;
  return db
    .transaction(() => {
      if (roundId !== null) assertRoundWritable(db, actor, roundId, assetId);
      const row = findAnnotation(db, assetId, labelerId, roundId);
      if (row && isReadOnly(row)) return { status: row.status, revision: row.revision };
      const doc = row ? parseDoc(row) : emptyDoc();
      const problem = submitProblem(doc, spec);
      if (!row || problem) {
        throw new AppError(
          'INVALID_INPUT',
          `Cannot submit ${asset.relPath}: ${problem ?? "it is empty: say 'no defects' or draw boxes"}`,
        );
      }
      const written = writeAnnotation(db, {
        assetId,
        labelerId,
        roundId,
        actor,
        action: 'submit',
        status: 'submitted',
        doc,
        prevDoc: doc,
        instructionsVersion: row.instructionsVersion,
        keepInstructionsVersion: true,
      });
      return { status: 'submitted' as const, revision: written.revision };
    })
    .immediate();
}

/** The caller's own revisions of an item, newest first (for undo after a restart). */
export function annotationHistory(
  db: Db,
  actor: Actor,
  input: { assetId: number; limit: number; withDocs: boolean; roundId?: number | undefined },
): AnnotationRevision[] {
  const labelerId = requireProfileId(actor);
  assetShape(db, input.assetId);
  const roundId = input.roundId ?? null;
  if (roundId !== null) assertRoundItem(db, actor, roundId, input.assetId);
  const row = findAnnotation(db, input.assetId, labelerId, roundId);
  return row ? listRevisions(db, row.id, input.limit, input.withDocs) : [];
}

/** A lead's review outcome: accept a submitted item, or send it back with a comment. */
export function setAnnotationStatus(
  db: Db,
  actor: Actor,
  input: {
    assetId: number;
    labelerId: number;
    status: 'accepted' | 'sent_back';
    comment?: string | undefined;
    /** The labeler's work in this round; outside rounds when absent. */
    roundId?: number | undefined;
  },
): { status: AnnotationState['status']; revision: number } {
  assertRole(actor, 'lead', 'review items');
  const asset = assetShape(db, input.assetId);
  const labeler = findProfileRow(db, input.labelerId);
  if (!labeler)
    throw new AppError('NOT_FOUND', `No profile with id ${input.labelerId} in this project`);
  const roundId = input.roundId ?? null;
  // A lead who labels in an open round is as blind as any labeler in it.
  assertCanRead(db, actor, input.labelerId, input.assetId);
  if (roundId !== null) {
    const round = assertRoundItem(db, actor, roundId, input.assetId);
    if (round.status === 'closed' && input.status === 'sent_back') {
      // A closed round is frozen: the labeler could not edit the item it was sent back for.
      throw new AppError(
        'CONFLICT',
        `Round ${round.name} is closed, so ${asset.relPath} cannot be sent back to ${labeler.name}: closed rounds are frozen. Accept it, or label it again in a new round.`,
      );
    }
  }
  return db
    .transaction(() => {
      const row = findAnnotation(db, input.assetId, input.labelerId, roundId);
      if (!row || (row.status !== 'submitted' && row.status !== 'accepted')) {
        throw new AppError(
          'CONFLICT',
          `${labeler.name} has not submitted ${asset.relPath} (it is ${row?.status.replace('_', ' ') ?? 'unlabeled'}); only submitted items can be reviewed`,
        );
      }
      const doc = parseDoc(row);
      const written = writeAnnotation(db, {
        assetId: input.assetId,
        labelerId: input.labelerId,
        roundId,
        actor,
        action: input.status === 'accepted' ? 'accept' : 'send-back',
        status: input.status,
        doc,
        prevDoc: doc,
        instructionsVersion: row.instructionsVersion,
        keepInstructionsVersion: true,
        reviewComment: input.comment?.length ? input.comment : null,
        reviewedBy: actor.id,
      });
      return { status: input.status, revision: written.revision };
    })
    .immediate();
}
