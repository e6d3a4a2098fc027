import { AppError } from '../../../shared/api/envelope';
import type {
  ClassStyle,
  LeftOutItems,
  TagName,
} from '../../../shared/api/schemas/agreementChannels';
import type { AnnotationDoc } from '../../../shared/api/schemas/annotationDoc';
import type { InstructionSpec } from '../../../shared/api/schemas/instructionSpec';
import type { Db } from '../../db/connection';
import type { Actor } from '../identity/actor';
import { currentVersion, findVersion } from '../instructions/instructionRepository';
import type { BlindingRound } from '../rounds/blindness';
import {
  assertCanReadAll,
  blindAssets,
  readableAnnotationsSql,
  roundBlindsActor,
} from '../rounds/blindness';
import type { RoundRow } from '../rounds/roundRepository';
import { getRound, roundAssetIds, roundLabelers } from '../rounds/roundRepository';

/**
 * Loads the annotations an agreement computation compares, as `actor` may read them:
 * - a round: each round labeler's annotation made in that round, of the round's items;
 * - no round: every item two or more people annotated, each person's latest annotation of
 *   it (in or outside rounds), leaving out what the blindness rule hides from `actor`.
 * Only annotations with work in them count: a submitted item, or saved boxes, tags,
 * segments or a "no defects" verdict (an item merely opened is not annotated).
 */
export interface AgreementData {
  round: RoundRow | null;
  instructionsVersion: number | null;
  labelers: string[];
  /** Item keys: asset ids as strings. */
  items: string[];
  docs: Map<string, Map<string, AnnotationDoc>>;
  spec: InstructionSpec;
  classes: ClassStyle[];
  tags: TagName[];
  /**
   * Items of the (closed) round left out because they are also in an open round that blinds
   * the caller, with that round. The whole item goes, the caller's own work included: a
   * one-sided item would still tell what the others did (or did not) draw.
   */
  leftOut: Map<number, BlindingRound>;
}

export interface ScopeInput {
  roundId?: number | undefined;
  instructionsVersion?: number | undefined;
}

interface Row {
  id: number;
  revision: number;
  updatedAt: string;
  assetId: number;
  labelerId: number;
  name: string;
  status: string;
}

const ROW_COLUMNS = `an.id, an.revision, an.updated_at AS updatedAt, an.asset_id AS assetId,
  an.labeler_id AS labelerId, p.name, an.status`;

/**
 * Parsed documents by annotation id, valid while (revision, updated_at) match: parsing is
 * most of the cost of a report (10,000 items x 2 labelers x 20 boxes: ~0.3 s), and the
 * screen recomputes the same scope on every IoU change and click-through. Which rows may be
 * read is decided by the queries above on every call, never by the cache.
 */
const docCache = new WeakMap<Db, Map<number, { stamp: string; doc: AnnotationDoc }>>();
const MAX_CACHED_DOCS = 100_000;

function docsOf(db: Db, rows: readonly Row[]): AnnotationDoc[] {
  let cache = docCache.get(db);
  if (!cache || cache.size > MAX_CACHED_DOCS) docCache.set(db, (cache = new Map()));
  const fetch = db.prepare('SELECT doc_json FROM annotations WHERE id = ?').pluck();
  return rows.map((r) => {
    const stamp = `${r.revision}@${r.updatedAt}`;
    const hit = cache.get(r.id);
    if (hit && hit.stamp === stamp) return hit.doc;
    const doc = JSON.parse(fetch.get(r.id) as string) as AnnotationDoc;
    cache.set(r.id, { stamp, doc });
    return doc;
  });
}

function hasWork(status: string, doc: AnnotationDoc): boolean {
  return (
    status === 'submitted' ||
    status === 'accepted' ||
    doc.boxes.length > 0 ||
    doc.tags.length > 0 ||
    doc.segments.length > 0 ||
    doc.noDefects
  );
}

/** Tag names: the scope's instructions first, then the current ones. */
export function tagNames(specs: InstructionSpec[]): TagName[] {
  const out = new Map<string, TagName>();
  for (const spec of specs) {
    for (const t of spec.tags) if (!out.has(t.id)) out.set(t.id, { id: t.id, name: t.name });
  }
  return [...out.values()];
}

/** Class names and colours: the scope's instructions first, then the current ones. */
export function classStyles(specs: InstructionSpec[]): ClassStyle[] {
  const out = new Map<string, ClassStyle>();
  for (const spec of specs) {
    for (const c of spec.classes)
      if (!out.has(c.id)) out.set(c.id, { id: c.id, name: c.name, color: c.color });
  }
  return [...out.values()];
}

export function blindRoundError(round: RoundRow): AppError {
  return new AppError(
    'FORBIDDEN',
    `Round ${round.name} is still open: its agreement compares other people's work, so it is shown to leads who do not label in it. It opens to everyone when a lead closes the round.`,
  );
}

function roundRows(db: Db, round: RoundRow, version: number | undefined): Row[] {
  const params: unknown[] = [round.id];
  let versionSql = '';
  if (version !== undefined) {
    versionSql = 'AND an.instructions_version = ?';
    params.push(version);
  }
  return db
    .prepare(
      `SELECT ${ROW_COLUMNS}
         FROM annotations an
         JOIN round_items ri ON ri.round_id = an.round_id AND ri.asset_id = an.asset_id
         JOIN round_labelers rl ON rl.round_id = an.round_id AND rl.labeler_id = an.labeler_id
         JOIN profiles p ON p.id = an.labeler_id
        WHERE an.round_id = ? ${versionSql}`,
    )
    .all(...params) as Row[];
}

/** Latest annotation per (asset, person), only those `actor` may read. */
function projectRows(db: Db, actor: Actor, version: number | undefined): Row[] {
  const readable = readableAnnotationsSql(actor, 'an');
  const params: unknown[] = [...readable.params];
  let versionSql = '';
  if (version !== undefined) {
    versionSql = 'AND an.instructions_version = ?';
    params.push(version);
  }
  const rows = db
    .prepare(
      `SELECT ${ROW_COLUMNS}
         FROM annotations an JOIN profiles p ON p.id = an.labeler_id
        WHERE ${readable.sql} ${versionSql}
        ORDER BY an.updated_at, an.id`,
    )
    .all(...params) as Row[];
  const latest = new Map<string, Row>();
  for (const r of rows) latest.set(`${r.assetId}:${r.labelerId}`, r);
  return [...latest.values()];
}

export function loadAgreementData(db: Db, actor: Actor, scope: ScopeInput): AgreementData {
  const round = scope.roundId !== undefined ? getRound(db, scope.roundId) : null;
  if (round && roundBlindsActor(db, actor, round)) throw blindRoundError(round);
  if (scope.instructionsVersion !== undefined && !findVersion(db, scope.instructionsVersion)) {
    throw new AppError(
      'NOT_FOUND',
      `No instructions version ${scope.instructionsVersion} in this project`,
    );
  }
  // A closed round's items may also be in an open round that blinds the caller: those items
  // are left out (and counted), the rest of the report stays readable.
  const leftOut = new Map<number, BlindingRound>();
  if (round) {
    const blind = blindAssets(db, actor);
    for (const id of roundAssetIds(db, round.id)) {
      const by = blind.get(id);
      if (by) leftOut.set(id, by);
    }
  }
  const rows = round
    ? roundRows(db, round, scope.instructionsVersion).filter((r) => !leftOut.has(r.assetId))
    : projectRows(db, actor, scope.instructionsVersion);
  // Defence in depth: the rows above are already filtered; a mistake there must not leak.
  assertCanReadAll(
    db,
    actor,
    rows.map((r) => ({ ownerId: r.labelerId, assetId: r.assetId })),
  );

  const docs = new Map<string, Map<string, AnnotationDoc>>();
  const labelersOf = new Map<string, Set<string>>();
  const parsed = docsOf(db, rows);
  for (const [i, r] of rows.entries()) {
    const doc = parsed[i]!;
    if (!hasWork(r.status, doc)) continue;
    const key = String(r.assetId);
    let m = docs.get(r.name);
    if (!m) docs.set(r.name, (m = new Map()));
    m.set(key, doc);
    let s = labelersOf.get(key);
    if (!s) labelersOf.set(key, (s = new Set()));
    s.add(r.name);
  }

  let labelers: string[];
  let items: string[];
  if (round) {
    labelers = roundLabelers(db, round.id).map((l) => l.name);
    items = roundAssetIds(db, round.id)
      .filter((id) => !leftOut.has(id))
      .map(String);
  } else {
    items = [...labelersOf.entries()]
      .filter(([, s]) => s.size >= 2)
      .map(([k]) => k)
      .sort((a, b) => Number(a) - Number(b));
    const used = new Set(items.flatMap((k) => [...labelersOf.get(k)!]));
    labelers = [...used].sort((a, b) => a.localeCompare(b));
  }

  const current = currentVersion(db);
  const versionNumber = scope.instructionsVersion ?? round?.instructionsVersion ?? null;
  const scoped = versionNumber !== null ? (findVersion(db, versionNumber) ?? current) : current;
  // A round (or version) reports its own version's classes; a later version's classes only
  // get a name here when boxes in scope use them, so they are not listed as empty columns.
  const used = new Set<string>();
  for (const m of docs.values())
    for (const d of m.values()) for (const b of d.boxes) used.add(b.classId);
  const own = new Set(scoped.spec.classes.map((c) => c.id));
  return {
    round,
    instructionsVersion: scope.instructionsVersion ?? null,
    labelers,
    items,
    docs,
    spec: scoped.spec,
    classes: classStyles([scoped.spec, current.spec]).filter(
      (c) => own.has(c.id) || used.has(c.id),
    ),
    tags: tagNames([scoped.spec, current.spec]),
    leftOut,
  };
}

/** The left-out items as the screen shows them: a count and the open rounds responsible. */
export function leftOutSummary(data: AgreementData): LeftOutItems | null {
  if (data.leftOut.size === 0) return null;
  const names = [...new Set([...data.leftOut.values()].map((r) => r.roundName))];
  return { items: data.leftOut.size, openRounds: names };
}
