import { AppError } from '../../../shared/api/envelope';
import type { AnnotationDoc } from '../../../shared/api/schemas/annotationDoc';
import type { InstructionSpec } from '../../../shared/api/schemas/instructionSpec';
import type {
  ClassResolution,
  ClassUsage,
  TagResolution,
  TagUsage,
} from '../../../shared/api/schemas/instructions';
import type { Db } from '../../db/connection';
import type { RevisionAction } from '../../../shared/api/schemas/annotations';
import type { Actor } from '../identity/actor';
import { annotationById, writeAnnotation } from '../annotations/annotationRepository';
import { readableAnnotationsSql } from '../rounds/blindness';
import type { VerdictSpec } from '../../../shared/domain/verdict';
import { normalizeVerdict } from '../../../shared/domain/verdict';

/**
 * Boxes and annotations per class id, over every labeler's current annotations — or, with
 * `reader`, over those the reader may see (the blindness rule: counts are derived figures).
 */
export function classUsage(db: Db, reader?: Actor): ClassUsage[] {
  const r = reader ? readableAnnotationsSql(reader, 'a') : { sql: '1', params: [] };
  return db
    .prepare(
      `SELECT json_extract(b.value, '$.classId') AS classId, COUNT(*) AS boxes, COUNT(DISTINCT a.id) AS annotations
         FROM annotations a, json_each(a.doc_json, '$.boxes') b
        WHERE ${r.sql}
        GROUP BY 1 ORDER BY 1`,
    )
    .all(...r.params) as ClassUsage[];
}

export function tagUsage(db: Db, reader?: Actor): TagUsage[] {
  const r = reader ? readableAnnotationsSql(reader, 'a') : { sql: '1', params: [] };
  return db
    .prepare(
      `SELECT t.value AS tagId, COUNT(DISTINCT a.id) AS annotations
         FROM annotations a, json_each(a.doc_json, '$.tags') t
        WHERE ${r.sql}
        GROUP BY 1 ORDER BY 1`,
    )
    .all(...r.params) as TagUsage[];
}

export interface ResolutionPlan {
  classes: Map<string, ClassResolution>;
  tags: Map<string, TagResolution>;
  /** The new instructions: a tag merged into the no-defects tag must set the verdict too. */
  next: VerdictSpec;
}

/** `"dent"` for a known id; internal ids never reach a message. */
function nameOf(
  items: ReadonlyArray<{ id: string; name: string }>,
  id: string,
  what: 'class' | 'tag',
): string {
  const hit = items.find((x) => x.id === id);
  return hit ? `"${hit.name}"` : `a ${what} that does not exist`;
}

/**
 * Checks that every class (and tag) the new version drops, and that annotations still
 * use, comes with an explicit choice; returns the choices that apply.
 */
export function planResolutions(
  db: Db,
  previous: InstructionSpec,
  next: InstructionSpec,
  classResolutions: ClassResolution[],
  tagResolutions: TagResolution[],
): ResolutionPlan {
  const nextClassIds = new Set(next.classes.map((c) => c.id));
  const nextTagIds = new Set(next.tags.map((t) => t.id));
  const classUse = new Map(classUsage(db).map((u) => [u.classId, u]));
  const tagUse = new Map(tagUsage(db).map((u) => [u.tagId, u]));
  const plan: ResolutionPlan = { classes: new Map(), tags: new Map(), next };
  const missing: string[] = [];

  for (const c of previous.classes) {
    const use = classUse.get(c.id);
    if (nextClassIds.has(c.id) || !use) continue;
    const r = classResolutions.find((x) => x.classId === c.id);
    if (!r) {
      missing.push(
        `class "${c.name}" is used by ${use.boxes} box(es) in ${use.annotations} annotation(s): choose to merge it into another class or delete its boxes`,
      );
      continue;
    }
    if (r.action === 'merge' && !nextClassIds.has(r.intoClassId)) {
      throw new AppError(
        'INVALID_INPUT',
        `Cannot merge class "${c.name}" into ${nameOf(previous.classes, r.intoClassId, 'class')}: it is not in the new instructions`,
      );
    }
    plan.classes.set(c.id, r);
  }
  for (const t of previous.tags) {
    const use = tagUse.get(t.id);
    if (nextTagIds.has(t.id) || !use) continue;
    const r = tagResolutions.find((x) => x.tagId === t.id);
    if (!r) {
      missing.push(
        `tag "${t.name}" is used by ${use.annotations} annotation(s): choose to merge it into another tag or remove it from them`,
      );
      continue;
    }
    if (r.action === 'merge' && !nextTagIds.has(r.intoTagId)) {
      throw new AppError(
        'INVALID_INPUT',
        `Cannot merge tag "${t.name}" into ${nameOf(previous.tags, r.intoTagId, 'tag')}: it is not in the new instructions`,
      );
    }
    plan.tags.set(t.id, r);
  }
  if (missing.length)
    throw new AppError('CONFLICT', `Cannot save the instructions: ${missing.join('; ')}`);
  return plan;
}

function rewriteDoc(
  doc: AnnotationDoc,
  plan: ResolutionPlan,
): { doc: AnnotationDoc; action: RevisionAction } | null {
  let action: RevisionAction | null = null;
  const boxes: AnnotationDoc['boxes'] = [];
  for (const b of doc.boxes) {
    const r = plan.classes.get(b.classId);
    if (!r) boxes.push(b);
    else if (r.action === 'merge') {
      boxes.push({ ...b, classId: r.intoClassId });
      action ??= 'merge-class';
    } else action ??= 'delete-class-boxes';
  }
  const tags: string[] = [];
  for (const t of doc.tags) {
    const r = plan.tags.get(t);
    const kept = !r ? t : r.action === 'merge' ? r.intoTagId : null;
    if (r) action ??= r.action === 'merge' ? 'merge-tag' : 'remove-tag';
    if (kept !== null && !tags.includes(kept)) tags.push(kept);
  }
  return action
    ? { doc: { ...doc, boxes, ...normalizeVerdict({ ...doc, tags }, plan.next) }, action }
    : null;
}

/**
 * Applies merges/deletions to every annotation that uses an affected class or tag, each
 * as a new revision by the lead (so the change is in the audit trail and can be undone).
 * Submitted and accepted items are rewritten too: the instructions changed under them.
 * Work in closed rounds is not: a closed round is frozen evidence of what was labeled then
 * (its agreement reads class names from the round's own instructions version).
 */
const NOT_FROZEN =
  "(a.round_id IS NULL OR a.round_id IN (SELECT id FROM rounds WHERE status = 'open'))";

export function applyResolutions(
  db: Db,
  actor: Actor,
  plan: ResolutionPlan,
  instructionsVersion: number,
): number {
  if (plan.classes.size === 0 && plan.tags.size === 0) return 0;
  const ids = db
    .prepare(
      `SELECT DISTINCT a.id FROM annotations a, json_each(a.doc_json, '$.boxes') b
        WHERE json_extract(b.value, '$.classId') IN (SELECT value FROM json_each(?)) AND ${NOT_FROZEN}
       UNION
       SELECT DISTINCT a.id FROM annotations a, json_each(a.doc_json, '$.tags') t
        WHERE t.value IN (SELECT value FROM json_each(?)) AND ${NOT_FROZEN}`,
    )
    .pluck()
    .all(
      JSON.stringify([...plan.classes.keys()]),
      JSON.stringify([...plan.tags.keys()]),
    ) as number[];
  let rewritten = 0;
  for (const id of ids) {
    const row = annotationById(db, id);
    const prevDoc = JSON.parse(row.docJson) as AnnotationDoc;
    const change = rewriteDoc(prevDoc, plan);
    if (!change) continue;
    writeAnnotation(db, {
      assetId: row.assetId,
      labelerId: row.labelerId,
      roundId: row.roundId,
      actor,
      action: change.action,
      status: row.status,
      doc: change.doc,
      prevDoc,
      instructionsVersion,
      keepInstructionsVersion: true,
    });
    rewritten++;
  }
  return rewritten;
}
