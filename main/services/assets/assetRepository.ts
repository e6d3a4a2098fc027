import type {
  Asset,
  AssetPage,
  AssetQuery,
  MetadataFacet,
} from '../../../shared/api/schemas/assets';
import { AppError } from '../../../shared/api/envelope';
import type { Db } from '../../db/connection';

interface AssetRow {
  id: number;
  kind: 'image' | 'audio';
  relPath: string;
  fileName: string;
  stored: 'reference' | 'copy';
  format: string;
  bytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
  orientation: number | null;
  durationSec: number | null;
  sampleRate: number | null;
  channels: number | null;
  importedAt: string;
}

const COLUMNS = `a.id, a.kind, a.rel_path AS relPath, a.file_name AS fileName, a.stored, a.format,
  a.bytes, a.sha256, a.width, a.height, a.orientation, a.duration_sec AS durationSec,
  a.sample_rate AS sampleRate, a.channels, a.imported_at AS importedAt`;

function attachMetadata(db: Db, rows: AssetRow[]): Asset[] {
  if (rows.length === 0) return [];
  const byId = new Map<number, Record<string, string>>();
  for (const r of rows) byId.set(r.id, {});
  // One query for the whole page, not one per asset.
  const meta = db
    .prepare(
      `SELECT asset_id AS assetId, key, value FROM asset_metadata
        WHERE asset_id IN (SELECT value FROM json_each(?)) ORDER BY key`,
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as Array<{
    assetId: number;
    key: string;
    value: string;
  }>;
  for (const m of meta) byId.get(m.assetId)![m.key] = m.value;
  return rows.map((r) => ({ ...r, metadata: byId.get(r.id)! }));
}

export function listAssets(
  db: Db,
  query: Required<Pick<AssetQuery, 'offset' | 'limit'>> & AssetQuery,
): AssetPage {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.kind) {
    where.push('a.kind = ?');
    params.push(query.kind);
  }
  if (query.search) {
    where.push("a.rel_path LIKE ? ESCAPE '\\'");
    params.push(`%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  for (const [key, value] of Object.entries(query.metadata ?? {})) {
    where.push(
      'EXISTS (SELECT 1 FROM asset_metadata m WHERE m.asset_id = a.id AND m.key = ? AND m.value = ?)',
    );
    params.push(key, value);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    db.prepare(`SELECT COUNT(*) AS n FROM assets a ${clause}`).get(...params) as { n: number }
  ).n;
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM assets a ${clause} ORDER BY a.rel_path LIMIT ? OFFSET ?`)
    .all(...params, query.limit, query.offset) as AssetRow[];
  return { total, items: attachMetadata(db, rows) };
}

export function getAsset(db: Db, id: number): Asset {
  const row = db.prepare(`SELECT ${COLUMNS} FROM assets a WHERE a.id = ?`).get(id) as
    AssetRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No asset with id ${id} in this project`);
  return attachMetadata(db, [row])[0]!;
}

/** Metadata fields and their values with counts, for the filter bar. */
export function metadataFacets(db: Db, maxValues = 200): MetadataFacet[] {
  const rows = db
    .prepare(
      'SELECT key, value, COUNT(*) AS count FROM asset_metadata GROUP BY key, value ORDER BY key, value',
    )
    .all() as Array<{ key: string; value: string; count: number }>;
  const facets = new Map<string, MetadataFacet>();
  for (const r of rows) {
    let f = facets.get(r.key);
    if (!f) facets.set(r.key, (f = { name: r.key, values: [] }));
    if (f.values.length < maxValues) f.values.push({ value: r.value, count: r.count });
  }
  return [...facets.values()];
}
