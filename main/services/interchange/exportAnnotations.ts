import path from 'node:path';
import { AppError } from '../../../shared/api/envelope';
import type { AnnotationDoc } from '../../../shared/api/schemas/annotationDoc';
import type { InstructionSpec } from '../../../shared/api/schemas/instructionSpec';
import type { CocoWriteItem } from '../../../shared/domain/formats/cocoFormat';
import { writeCoco } from '../../../shared/domain/formats/cocoFormat';
import { writeConcord } from '../../../shared/domain/formats/concordFormat';
import type { InterchangeItem } from '../../../shared/domain/formats/interchange';
import { normalizeVerdict } from '../../../shared/domain/verdict';
import type { Actor } from '../identity/actor';
import { actorByName } from '../identity/actor';
import { currentVersion, findVersion } from '../instructions/instructionRepository';
import type { OpenProject } from '../project/projectHost';
import { assertCanReadAll } from '../rounds/blindness';
import { roundScope } from './roundScope';
import { writeFileAtomic } from './sourceFiles';

export type ExportFormat = 'concord' | 'coco';

export interface ExportAnnotationsInput {
  /** Who asks: a lead, or the labeler exporting their own work. */
  actor: Actor;
  labelerName: string;
  format: ExportFormat;
  path: string;
  /** Export the labeler's work in this round instead of their work outside rounds. */
  roundId?: number | undefined;
}

export interface ExportAnnotationsResult {
  path: string;
  labeler: string;
  /** The round the work came from; null for work outside rounds. */
  round: string | null;
  instructionsVersion: number;
  items: number;
  boxes: number;
  /** Audio items a COCO file cannot hold. */
  skippedAudio: number;
}

interface Row {
  assetId: number;
  relPath: string;
  kind: 'image' | 'audio';
  width: number | null;
  height: number | null;
  docJson: string;
  instructionsVersion: number | null;
}

/**
 * Names for class and tag ids. Ids never change but names may, so the current instructions
 * name them; a class removed since is named by the version the annotation was made under.
 */
class IdNames {
  private readonly classes = new Map<string, string>();
  private readonly tags = new Map<string, string>();
  private readonly seenVersions = new Set<number>();

  constructor(
    private readonly project: OpenProject,
    current: InstructionSpec,
  ) {
    this.add(current);
  }

  private add(spec: InstructionSpec): void {
    for (const c of spec.classes) if (!this.classes.has(c.id)) this.classes.set(c.id, c.name);
    for (const t of spec.tags) if (!this.tags.has(t.id)) this.tags.set(t.id, t.name);
  }

  private learn(version: number | null): void {
    if (version === null || this.seenVersions.has(version)) return;
    this.seenVersions.add(version);
    const v = findVersion(this.project.db, version);
    if (v) this.add(v.spec);
  }

  className(id: string, version: number | null): string {
    if (!this.classes.has(id)) this.learn(version);
    return this.classes.get(id) ?? id;
  }

  tagName(id: string, version: number | null): string {
    if (!this.tags.has(id)) this.learn(version);
    return this.tags.get(id) ?? id;
  }
}

/**
 * Writes one labeler's annotations as a Concord or COCO file. Files are keyed by the
 * asset's path relative to the project, and written deterministically: exporting the same
 * annotations twice gives byte-identical files.
 */
export function exportAnnotations(
  project: OpenProject,
  input: ExportAnnotationsInput,
): ExportAnnotationsResult {
  const { db } = project;
  const labeler = actorByName(db, input.labelerName);
  if (input.actor.role !== 'lead' && input.actor.id !== labeler.id) {
    throw new AppError(
      'FORBIDDEN',
      `Only a lead can export ${labeler.name}'s annotations; you are signed in as ${input.actor.name}`,
    );
  }
  const scope = input.roundId !== undefined ? roundScope(db, input.roundId, labeler.name) : null;
  const instructions = currentVersion(db);
  const names = new IdNames(project, instructions.spec);
  // Work outside rounds, or in one round: a labeler's round work on an asset is a second
  // annotation of the same file, so one file never mixes the two.
  const rows = db
    .prepare(
      `SELECT s.id AS assetId, s.rel_path AS relPath, s.kind, s.width, s.height, a.doc_json AS docJson,
              a.instructions_version AS instructionsVersion
         FROM annotations a JOIN assets s ON s.id = a.asset_id
        WHERE a.labeler_id = ? AND ifnull(a.round_id, 0) = ? ORDER BY s.rel_path`,
    )
    .all(labeler.id, scope?.round.id ?? 0) as Row[];
  // A lead who labels in an open round must not export the others' work on its items.
  assertCanReadAll(
    db,
    input.actor,
    rows.map((r) => ({ ownerId: labeler.id!, assetId: r.assetId })),
  );

  const items: Array<InterchangeItem & { row: Row }> = rows.map((row) => {
    const doc = JSON.parse(row.docJson) as AnnotationDoc;
    const v = row.instructionsVersion;
    // Older rows may hold the tag without the flag (or the reverse); the file says both.
    const verdict = normalizeVerdict(doc, instructions.spec);
    return {
      row,
      file: row.relPath,
      tags: verdict.tags.map((t) => names.tagName(t, v)),
      noDefects: verdict.noDefects,
      uncertain: doc.uncertain,
      boxes: doc.boxes.map((b) => ({
        className: names.className(b.classId, v),
        x: b.x,
        y: b.y,
        w: b.w,
        h: b.h,
        uncertain: b.uncertain,
        attributes: b.attributes,
      })),
      segments: doc.segments.map((s) => ({ start: s.start, end: s.end, text: s.text })),
    };
  });

  const file = path.resolve(input.path);
  let written: InterchangeItem[] = items;
  if (input.format === 'coco') {
    const images: CocoWriteItem[] = items
      .filter((i) => i.row.kind === 'image')
      .map(({ row, ...item }) => ({ ...item, width: row.width ?? 0, height: row.height ?? 0 }));
    written = images;
    const classes = instructions.spec.classes.map((c) => c.name);
    writeFileAtomic(
      file,
      writeCoco({
        classes,
        items: images,
        info: { description: 'Exported by Concord', labeler: labeler.name },
      }),
    );
  } else {
    const plain = items.map(({ row: _row, ...item }) => item);
    writeFileAtomic(
      file,
      writeConcord({
        labeler: labeler.name,
        instructionsVersion: instructions.version,
        items: plain,
      }),
    );
  }
  return {
    path: file,
    labeler: labeler.name,
    round: scope?.round.name ?? null,
    instructionsVersion: instructions.version,
    items: written.length,
    boxes: written.reduce((n, i) => n + i.boxes.length, 0),
    skippedAudio: items.length - written.length,
  };
}
