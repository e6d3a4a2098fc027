import { AppError } from '../../../shared/api/envelope';
import type { AnnotationDoc } from '../../../shared/api/schemas/annotationDoc';
import { ProfileName } from '../../../shared/api/schemas/identity';
import type { InterchangeProblem } from '../../../shared/domain/formats/interchange';
import { findAnnotation, writeAnnotation } from '../annotations/annotationRepository';
import { submitProblem, validateDoc } from '../annotations/docValidation';
import type { Actor } from '../identity/actor';
import { findProfileByName, insertProfile } from '../identity/profileRepository';
import {
  currentVersion,
  getVersion,
  latestVersionNumber,
} from '../instructions/instructionRepository';
import type { OpenProject } from '../project/projectHost';
import type { MatchableAsset } from './assetMatcher';
import type { CheckedDoc } from './checkItem';
import { checkItem, SpecNames } from './checkItem';
import { sameDoc, withIds } from './importDoc';
import { listAssetsForMatching, readSource } from './readSource';
import { importRoundScope } from './roundScope';

export type ImportFormat = 'concord' | 'coco' | 'yolo';

export interface ImportAnnotationsInput {
  /** Who runs the import: a lead, or the labeler importing their own work. */
  actor: Actor;
  labelerName: string;
  format: ImportFormat;
  /** The annotation file (concord, coco), or a YOLO labels folder or `.txt` file. */
  path: string;
  /** YOLO: data.yaml or classes.txt, when it is not beside the labels. */
  classesFile?: string | undefined;
  /**
   * Import the labeler's work in this round (open, and they label in it) instead of their
   * work outside rounds; every item must be one of the round's.
   */
  roundId?: number | undefined;
}

export interface ImportAnnotationsResult {
  /** False when any problem was found: then nothing was written. */
  imported: boolean;
  labeler: string;
  /** The round the work went into; null for work outside rounds. */
  round: string | null;
  /** A labeler profile was created for a name the project did not know. */
  profileCreated: boolean;
  instructionsVersion: number;
  items: number;
  created: number;
  replaced: number;
  unchanged: number;
  boxes: number;
  problems: InterchangeProblem[];
  /** Things worth knowing that did not block the import. */
  notes: string[];
}

interface Planned {
  asset: MatchableAsset;
  doc: CheckedDoc;
}

/**
 * Imports one labeler's annotations from a Concord, COCO or YOLO source, as their work
 * outside rounds or, with `roundId`, as their work in that (open) round. All or nothing:
 * every problem in the whole source is collected first, and if there is any, nothing is
 * written and the problems are returned. Otherwise every item replaces that labeler's
 * annotation of its asset as a new revision (action "import"), in one transaction; items
 * that did not change get no revision, and other labelers' annotations are never touched.
 */
export function importAnnotations(
  project: OpenProject,
  input: ImportAnnotationsInput,
): ImportAnnotationsResult {
  const { db } = project;
  const name = ProfileName.safeParse(input.labelerName);
  if (!name.success)
    throw new AppError(
      'INVALID_INPUT',
      `Labeler name "${input.labelerName}": ${name.error.issues[0]!.message}`,
    );
  const labelerName = name.data;
  const existing = findProfileByName(db, labelerName);
  const isSelf = existing !== null && input.actor.id === existing.id;
  if (input.actor.role !== 'lead' && !isSelf) {
    throw new AppError(
      'FORBIDDEN',
      `Only a lead can import annotations for ${labelerName}; you are signed in as ${input.actor.name}`,
    );
  }
  const scope =
    input.roundId !== undefined ? importRoundScope(db, input.roundId, labelerName) : null;
  const roundId = scope?.round.id ?? null;
  // Work in a round stays on the round's instructions version, like saves in the editor.
  const instructions = scope ? getVersion(db, scope.round.instructionsVersion) : currentVersion(db);
  const names = new SpecNames(instructions.spec, instructions.version);
  const read = readSource(input, project.dir, listAssetsForMatching(db));
  const problems = [...read.problems];
  const notes = [...read.notes];
  const latest = latestVersionNumber(db) ?? 0;
  if (read.fileVersion !== null && read.fileVersion > latest) {
    notes.push(
      `warning: the file says it was made under instructions version ${read.fileVersion}, but this project has ${latest === 1 ? 'only version 1' : `versions 1-${latest}`} (is the file from another project?); its classes and tags were matched by name against ${scope ? `round ${scope.round.name}'s` : 'the current'} version ${instructions.version}`,
    );
  } else if (read.fileVersion !== null && read.fileVersion !== instructions.version) {
    notes.push(
      `the file was made under instructions version ${read.fileVersion}; its classes and tags were matched by name against ${scope ? `round ${scope.round.name}'s` : 'the current'} version ${instructions.version}`,
    );
  }
  if (
    read.fileLabeler !== null &&
    read.fileLabeler.trim().toLowerCase() !== labelerName.toLowerCase()
  ) {
    problems.unshift({
      where: 'labeler',
      message: `the file holds the annotations of "${read.fileLabeler}", not of "${labelerName}"; import it with --labeler ${read.fileLabeler} or change "labeler" in the file`,
    });
  }

  const planned: Planned[] = [];
  const claimedBy = new Map<number, string>();
  const dropped = new Map<string, number>();
  for (const { item, index, asset } of read.items) {
    if (!asset) continue;
    const where = item.ref ?? `items[${index}]`;
    const first = claimedBy.get(asset.id);
    if (first !== undefined) {
      problems.push({
        where,
        file: item.file,
        item: index,
        message: `${asset.relPath} is given twice (also by ${first})`,
      });
      continue;
    }
    claimedBy.set(asset.id, where);
    if (scope && !scope.assetIds.has(asset.id)) {
      problems.push({
        where,
        file: item.file,
        item: index,
        message: `${asset.relPath} is not an item of round ${scope.round.name}`,
      });
      continue;
    }
    const checked = checkItem(item, index, asset, { names, droppedAttributes: dropped });
    problems.push(...checked.problems);
    planned.push({ asset, doc: checked.doc });
  }
  // Whole-file problems first, then item by item (reading, matching and checking
  // interleaved), and within a YOLO label file by line (`labels/a.txt:3`).
  const lineOf = (p: InterchangeProblem) => Number(/:(\d+)$/.exec(p.where)?.[1] ?? 0);
  problems.sort((a, b) => (a.item ?? -1) - (b.item ?? -1) || lineOf(a) - lineOf(b));
  for (const [key, count] of dropped)
    notes.push(`dropped attribute ${key} (not in the instructions) from ${count} box(es)`);

  const result: ImportAnnotationsResult = {
    imported: false,
    labeler: existing?.name ?? labelerName,
    round: scope?.round.name ?? null,
    profileCreated: false,
    instructionsVersion: instructions.version,
    items: planned.length,
    created: 0,
    replaced: 0,
    unchanged: 0,
    boxes: planned.reduce((n, p) => n + p.doc.boxes.length, 0),
    problems,
    notes,
  };
  if (problems.length > 0) return result;
  if (planned.length === 0) {
    result.problems.push({ where: '(file)', message: 'contains no items to import' });
    return result;
  }

  db.transaction(() => {
    // Inside the write lock: a round closed since the checks above is refused all the same.
    if (scope) importRoundScope(db, scope.round.id, labelerName);
    let labeler = findProfileByName(db, labelerName);
    if (!labeler) {
      insertProfile(db, { name: labelerName, role: 'labeler', secretHash: null });
      labeler = findProfileByName(db, labelerName)!;
      result.profileCreated = true;
    }
    for (const p of planned) {
      const row = findAnnotation(db, p.asset.id, labeler.id, roundId);
      const prevDoc = row ? (JSON.parse(row.docJson) as AnnotationDoc) : null;
      // The annotation service's own checks are the last word (and roll everything back).
      const { doc } = validateDoc(
        withIds(p.doc, prevDoc),
        p.asset,
        instructions.spec,
        instructions.version,
      );
      if (prevDoc && sameDoc(prevDoc, doc)) {
        result.unchanged++;
        continue;
      }
      writeAnnotation(db, {
        assetId: p.asset.id,
        labelerId: labeler.id,
        roundId,
        actor: input.actor,
        action: 'import',
        // Imported labels are finished work from another tool: ready for review, unless
        // they say nothing about the item.
        status: submitProblem(doc, instructions.spec) === null ? 'submitted' : 'working',
        doc,
        prevDoc,
        instructionsVersion: instructions.version,
      });
      if (row) result.replaced++;
      else result.created++;
    }
  }).immediate();
  result.imported = true;
  return result;
}
