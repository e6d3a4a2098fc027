import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/api/envelope';
import type { AnnotationDoc, Box, Segment } from '../../../shared/api/schemas/annotationDoc';
import { ProfileName } from '../../../shared/api/schemas/identity';
import { readCoco } from '../../../shared/domain/formats/cocoFormat';
import { readConcord } from '../../../shared/domain/formats/concordFormat';
import type {
  InterchangeItem,
  InterchangeProblem,
} from '../../../shared/domain/formats/interchange';
import { readYolo } from '../../../shared/domain/formats/yoloFormat';
import type { Db } from '../../db/connection';
import { findAnnotation, writeAnnotation } from '../annotations/annotationRepository';
import { submitProblem, validateDoc } from '../annotations/docValidation';
import type { Actor } from '../identity/actor';
import { findProfileByName, insertProfile } from '../identity/profileRepository';
import { currentVersion } from '../instructions/instructionRepository';
import type { OpenProject } from '../project/projectHost';
import type { MatchableAsset } from './assetMatcher';
import { AssetMatcher } from './assetMatcher';
import type { CheckedDoc } from './checkItem';
import { checkItem, SpecNames } from './checkItem';
import { loadYoloSource, readUserFile } from './sourceFiles';

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
}

export interface ImportAnnotationsResult {
  /** False when any problem was found: then nothing was written. */
  imported: boolean;
  labeler: string;
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

function listAssetsForMatching(db: Db): MatchableAsset[] {
  return db
    .prepare(
      `SELECT id, rel_path AS relPath, file_name AS fileName, kind, width, height, orientation,
              duration_sec AS durationSec FROM assets ORDER BY rel_path`,
    )
    .all() as MatchableAsset[];
}

const newId = (prefix: string) => {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  let s = prefix;
  for (const b of randomBytes(14)) s += alphabet[b % 36];
  return s;
};

/**
 * Gives the imported boxes and segments ids, reusing the id of an identical box or segment
 * in the stored document, so re-importing an unchanged file yields the very same document
 * (and therefore no new revision), and a changed one a small delta.
 */
function withIds(doc: CheckedDoc, prev: AnnotationDoc | null): AnnotationDoc {
  const reuse = <T extends { id: string }>(prevList: T[], strip: (t: T) => unknown) => {
    const pool = new Map<string, string[]>();
    for (const p of prevList) {
      const key = JSON.stringify(strip(p));
      pool.set(key, [...(pool.get(key) ?? []), p.id]);
    }
    return (key: string, prefix: string) => pool.get(key)?.shift() ?? newId(prefix);
  };
  const boxId = reuse(prev?.boxes ?? [], ({ id: _id, ...rest }: Box) => rest);
  const segId = reuse(prev?.segments ?? [], ({ id: _id, ...rest }: Segment) => rest);
  const boxes = doc.boxes.map((b) => {
    // Same key order as the stored box, so JSON comparison works.
    const box = {
      classId: b.classId,
      x: b.x,
      y: b.y,
      w: b.w,
      h: b.h,
      attributes: b.attributes,
      uncertain: b.uncertain,
      source: b.source,
    };
    return { id: boxId(JSON.stringify(box), 'b'), ...box };
  });
  const segments = doc.segments.map((s) => {
    const seg = { start: s.start, end: s.end, text: s.text };
    return { id: segId(JSON.stringify(seg), 's'), ...seg };
  });
  return { boxes, tags: doc.tags, noDefects: doc.noDefects, uncertain: doc.uncertain, segments };
}

/** Canonical JSON of a document for "did anything change": key order fixed, ids kept. */
function canonical(doc: AnnotationDoc): string {
  return JSON.stringify({
    boxes: doc.boxes.map((b) => ({
      id: b.id,
      classId: b.classId,
      x: b.x,
      y: b.y,
      w: b.w,
      h: b.h,
      attributes: b.attributes,
      uncertain: b.uncertain,
      source: b.source,
    })),
    tags: doc.tags,
    noDefects: doc.noDefects,
    uncertain: doc.uncertain,
    segments: doc.segments.map((s) => ({ id: s.id, start: s.start, end: s.end, text: s.text })),
  });
}

interface ReadItems {
  items: Array<{ item: InterchangeItem; index: number; asset?: MatchableAsset }>;
  problems: InterchangeProblem[];
  notes: string[];
  fileLabeler: string | null;
}

function readSource(
  input: ImportAnnotationsInput,
  projectDir: string,
  assets: MatchableAsset[],
): ReadItems {
  const file = path.resolve(input.path);
  const notes: string[] = [];
  if (input.format === 'yolo') {
    const source = loadYoloSource(file, input.classesFile);
    const images = assets.filter((a) => a.kind === 'image');
    const matcher = new AssetMatcher(images, { projectDir, importRoot: source.root, mode: 'stem' });
    const problems = [...source.problems];
    const items: ReadItems['items'] = [];
    const resolved: Array<{ asset: MatchableAsset; index: number; rel: string; text: string }> = [];
    source.labels.forEach((label, index) => {
      const hit = matcher.resolve(label.rel);
      if ('asset' in hit) resolved.push({ asset: hit.asset, index, ...label });
      else problems.push({ where: label.rel, file: label.rel, item: index, message: hit.message });
    });
    if (source.classesFile) notes.push(`class names from ${source.classesFile}`);
    if (problems.some((p) => p.where === source.root))
      return { items, problems, notes, fileLabeler: null };
    for (const r of resolved) {
      const { width, height } = r.asset;
      const label = {
        file: r.asset.relPath,
        source: r.rel,
        text: r.text,
        width: width ?? 0,
        height: height ?? 0,
      };
      const read = readYolo({ names: source.names, labels: [label] });
      problems.push(...read.problems.map((p) => ({ ...p, item: r.index })));
      for (const item of read.items) items.push({ item, index: r.index, asset: r.asset });
    }
    return { items, problems, notes, fileLabeler: null };
  }
  const text = readUserFile(file, input.format === 'coco' ? 'COCO file' : 'Annotation file');
  const read = input.format === 'coco' ? readCoco(text) : readConcord(text);
  const fileLabeler = 'labeler' in read ? read.labeler : null;
  if ('instructionsVersion' in read && read.instructionsVersion !== null) {
    notes.push(`the file was made under instructions version ${read.instructionsVersion}`);
  }
  const matcher = new AssetMatcher(
    input.format === 'coco' ? assets.filter((a) => a.kind === 'image') : assets,
    {
      projectDir,
      importRoot: path.dirname(file),
      mode: 'path',
    },
  );
  const problems = [...read.problems];
  const items: ReadItems['items'] = [];
  read.items.forEach((item, index) => {
    const hit = matcher.resolve(item.file);
    if ('asset' in hit) items.push({ item, index, asset: hit.asset });
    else
      problems.push({
        where: item.ref ?? `items[${index}]`,
        file: item.file,
        item: index,
        message: hit.message,
      });
  });
  return { items, problems, notes, fileLabeler };
}

/**
 * Imports one labeler's annotations from a Concord, COCO or YOLO source. All or nothing:
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
  const instructions = currentVersion(db);
  const names = new SpecNames(instructions.spec, instructions.version);
  const read = readSource(input, project.dir, listAssetsForMatching(db));
  const problems = [...read.problems];
  const notes = [...read.notes];
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
    const checked = checkItem(item, index, asset, { names, droppedAttributes: dropped });
    problems.push(...checked.problems);
    planned.push({ asset, doc: checked.doc });
  }
  for (const [key, count] of dropped)
    notes.push(`dropped attribute ${key} (not in the instructions) from ${count} box(es)`);

  const result: ImportAnnotationsResult = {
    imported: false,
    labeler: existing?.name ?? labelerName,
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
    let labeler = findProfileByName(db, labelerName);
    if (!labeler) {
      insertProfile(db, { name: labelerName, role: 'labeler', secretHash: null });
      labeler = findProfileByName(db, labelerName)!;
      result.profileCreated = true;
    }
    for (const p of planned) {
      const row = findAnnotation(db, p.asset.id, labeler.id);
      const prevDoc = row ? (JSON.parse(row.docJson) as AnnotationDoc) : null;
      // The annotation service's own checks are the last word (and roll everything back).
      const { doc } = validateDoc(
        withIds(p.doc, prevDoc),
        p.asset,
        instructions.spec,
        instructions.version,
      );
      if (prevDoc && canonical(prevDoc) === canonical(doc)) {
        result.unchanged++;
        continue;
      }
      writeAnnotation(db, {
        assetId: p.asset.id,
        labelerId: labeler.id,
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
