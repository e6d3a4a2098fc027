import path from 'node:path';
import type { ImportMode } from '../../../shared/api/schemas/assets';
import type { Db } from '../../db/connection';
import type { ProbedAudio, ProbedImage } from '../../workers/mediaProtocol';
import type { BatchCounts } from './importBatches';
import { recordProgress } from './importBatches';
import type { DerivableAsset } from './derivatives';

export interface NewAsset {
  relPath: string;
  stored: ImportMode;
  probed: ProbedImage | ProbedAudio;
  /** Values from the metadata CSV; they win over EXIF for the same key. */
  csv: Record<string, string>;
}

/** Prepared statements for one import; each chunk of rows is written in one transaction. */
export function assetWriter(db: Db) {
  const byHash = db.prepare('SELECT 1 FROM assets WHERE sha256 = ?').pluck();
  const byRelPath = db.prepare('SELECT sha256 FROM assets WHERE rel_path = ?').pluck();
  const insertAsset = db.prepare(
    `INSERT INTO assets (kind, rel_path, file_name, stored, format, bytes, sha256, width, height, orientation,
                         duration_sec, sample_rate, channels, imported_at, batch_id)
     VALUES (@kind, @relPath, @fileName, @stored, @format, @bytes, @sha256, @width, @height, @orientation,
             @durationSec, @sampleRate, @channels, @importedAt, @batchId)`,
  );
  const insertMeta = db.prepare(
    'INSERT INTO asset_metadata (asset_id, key, value, source) VALUES (?, ?, ?, ?)',
  );

  const insertChunk = db.transaction(
    (batchId: number, items: NewAsset[], counts: BatchCounts): DerivableAsset[] => {
      const importedAt = new Date().toISOString();
      const out: DerivableAsset[] = [];
      for (const item of items) {
        const p = item.probed;
        const image = p.kind === 'image' ? p : null;
        const audio = p.kind === 'audio' ? p : null;
        const fileName = path.posix.basename(item.relPath);
        const id = Number(
          insertAsset.run({
            kind: p.kind,
            relPath: item.relPath,
            fileName,
            stored: item.stored,
            format: p.format,
            bytes: p.bytes,
            sha256: p.sha256,
            width: image?.width ?? null,
            height: image?.height ?? null,
            orientation: image?.orientation ?? null,
            durationSec: audio?.durationSec ?? null,
            sampleRate: audio?.sampleRate ?? null,
            channels: audio?.channels ?? null,
            importedAt,
            batchId,
          }).lastInsertRowid,
        );
        for (const [key, value] of Object.entries(item.csv)) insertMeta.run(id, key, value, 'csv');
        if (image) {
          for (const [key, value] of Object.entries(image.exif)) {
            if (value && !(key in item.csv)) insertMeta.run(id, key, value, 'exif');
          }
        }
        out.push({
          id,
          kind: p.kind,
          format: p.format,
          sha256: p.sha256,
          relPath: item.relPath,
          fileName,
          width: image?.width ?? null,
          height: image?.height ?? null,
        });
      }
      recordProgress(db, batchId, counts);
      return out;
    },
  );

  return {
    hashExists: (sha256: string) => byHash.get(sha256) !== undefined,
    /** The hash of the asset stored under this relative path, if any. */
    shaAtPath: (relPath: string) => byRelPath.get(relPath) as string | undefined,
    insertChunk: (batchId: number, items: NewAsset[], counts: BatchCounts) =>
      insertChunk(batchId, items, counts),
  };
}
