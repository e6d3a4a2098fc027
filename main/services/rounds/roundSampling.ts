import { AppError } from '../../../shared/api/envelope';
import type { AssetKind } from '../../../shared/api/schemas/assets';
import type { SamplingSpec, StratifySpec, StratumCount } from '../../../shared/api/schemas/rounds';
import type { SampleCandidate } from '../../../shared/domain/sampling';
import { drawSample } from '../../../shared/domain/sampling';
import type { Db } from '../../db/connection';
import type { Actor } from '../identity/actor';
import { currentVersion } from '../instructions/instructionRepository';
import { readableAnnotationsSql } from './blindness';

/** Stratum of items that have annotations but no box at all. */
export const NO_BOXES_STRATUM = '(no boxes)';

/**
 * A count larger than the assets that match. Refused rather than silently capped: a lead who
 * asked for 1,000 items and got 22 would read every later figure wrongly. The CLI rewords it
 * with its own flags (`available` says what would work).
 */
export class SampleTooLargeError extends AppError {
  constructor(
    readonly available: number,
    readonly asked: number,
    readonly kind: AssetKind | null,
  ) {
    super(
      'INVALID_INPUT',
      `Only ${available} ${kind ?? ''}${kind ? ' ' : ''}asset${available === 1 ? '' : 's'} match, fewer than the ${asked} asked for: draw at most ${available}, or give a fraction`,
    );
    this.name = 'SampleTooLargeError';
  }
}

/**
 * The kind a round draws when the lead does not say: images when the project has any (a box
 * round; the CLI prints how many audio assets that leaves out), else audio. Mixing both in
 * one round is still possible by asking for it.
 */
export function defaultRoundKind(db: Db): AssetKind {
  const row = db.prepare("SELECT 1 FROM assets WHERE kind = 'image' LIMIT 1").get();
  return row !== undefined ? 'image' : 'audio';
}

/** How many assets of each kind the project has. */
export function assetKindCounts(db: Db): Record<AssetKind, number> {
  const counts: Record<AssetKind, number> = { image: 0, audio: 0 };
  const rows = db.prepare('SELECT kind, COUNT(*) AS n FROM assets GROUP BY kind').all() as Array<{
    kind: AssetKind;
    n: number;
  }>;
  for (const r of rows) counts[r.kind] = r.n;
  return counts;
}

function assetIds(db: Db, kind: AssetKind | null): number[] {
  return (
    kind
      ? db.prepare('SELECT id FROM assets WHERE kind = ? ORDER BY id').pluck().all(kind)
      : db.prepare('SELECT id FROM assets ORDER BY id').pluck().all()
  ) as number[];
}

function metadataStrata(db: Db, field: string): Map<number, string> {
  const rows = db
    .prepare('SELECT asset_id AS assetId, value FROM asset_metadata WHERE key = ?')
    .all(field) as Array<{
    assetId: number;
    value: string;
  }>;
  if (rows.length === 0) {
    const keys = db
      .prepare('SELECT DISTINCT key FROM asset_metadata ORDER BY key')
      .pluck()
      .all() as string[];
    throw new AppError(
      'INVALID_INPUT',
      `No asset has a metadata field "${field}"; ${keys.length ? `fields: ${keys.join(', ')}` : 'the assets have no metadata (import a CSV sidecar)'}. To stratify by the classes already labeled, use "class".`,
    );
  }
  return new Map(rows.map((r) => [r.assetId, r.value]));
}

/**
 * Each asset's dominant class in existing annotations (the class with the most boxes over
 * the annotations `actor` may read; ties by class name). Annotated items without boxes form
 * their own stratum; unannotated items have none (null).
 */
function classStrata(db: Db, actor: Actor, source: 'accepted' | 'any'): Map<number, string> {
  const names = new Map(currentVersion(db).spec.classes.map((c) => [c.id, c.name]));
  const readable = readableAnnotationsSql(actor, 'an');
  const status = source === 'accepted' ? "AND an.status = 'accepted'" : '';
  const counts = db
    .prepare(
      `SELECT an.asset_id AS assetId, json_extract(b.value, '$.classId') AS classId, COUNT(*) AS n
         FROM annotations an, json_each(an.doc_json, '$.boxes') b
        WHERE ${readable.sql} ${status}
        GROUP BY 1, 2`,
    )
    .all(...readable.params) as Array<{ assetId: number; classId: string; n: number }>;
  const best = new Map<number, { name: string; n: number }>();
  for (const c of counts) {
    const name = names.get(c.classId) ?? c.classId;
    const cur = best.get(c.assetId);
    if (!cur || c.n > cur.n || (c.n === cur.n && name < cur.name))
      best.set(c.assetId, { name, n: c.n });
  }
  const out = new Map<number, string>();
  const annotated = db
    .prepare(`SELECT DISTINCT an.asset_id FROM annotations an WHERE ${readable.sql} ${status}`)
    .pluck()
    .all(...readable.params) as number[];
  for (const id of annotated) out.set(id, best.get(id)?.name ?? NO_BOXES_STRATUM);
  return out;
}

function strataFor(db: Db, actor: Actor, stratify: StratifySpec): Map<number, string> | null {
  if (stratify.by === 'metadata') return metadataStrata(db, stratify.field);
  if (stratify.by === 'class') return classStrata(db, actor, stratify.source);
  return null;
}

export interface DrawnSample {
  candidates: number;
  items: Array<{ assetId: number; stratum: string | null }>;
  strata: StratumCount[];
}

/** Draws a round's sample from the project's assets, exactly as the spec (and seed) say. */
export function drawRoundSample(db: Db, actor: Actor, spec: SamplingSpec): DrawnSample {
  const ids = assetIds(db, spec.kind);
  if (ids.length === 0) {
    throw new AppError(
      'INVALID_INPUT',
      spec.kind
        ? `This project has no ${spec.kind} assets to sample from`
        : 'This project has no assets to sample from: import some first',
    );
  }
  if ('count' in spec.size && spec.size.count > ids.length) {
    throw new SampleTooLargeError(ids.length, spec.size.count, spec.kind);
  }
  const strata = strataFor(db, actor, spec.stratify);
  const candidates: SampleCandidate[] = ids.map((id) => ({ id, stratum: strata?.get(id) ?? null }));
  const drawn = drawSample(candidates, {
    size: spec.size,
    seed: spec.seed,
    stratified: strata !== null,
  });
  return {
    candidates: ids.length,
    items: drawn.ids.map((assetId) => ({ assetId, stratum: strata?.get(assetId) ?? null })),
    strata: drawn.strata,
  };
}
