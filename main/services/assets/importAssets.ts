// Import: scan -> hash + probe in the media workers -> dedupe -> (copy) -> insert in chunks.
//
//   scanPaths ──► window of probes (2 workers) ──► in scan order: failed | duplicate | new
//                                                                             │
//                         copy into <dataDir>/assets (temp + link) ◄──────────┘ (copy mode)
//                                         │
//                                         ▼
//                 one transaction per chunk: asset rows + metadata + batch counts
//
// Results are consumed in scan order, so of two identical files the first one found is kept
// whatever order the workers finish in. A file is always in place before its row exists.
import type { ImportFailure, ImportMode, ImportResult } from '../../../shared/api/schemas/assets';
import { mediaPool } from '../../workers/mediaClient';
import type { ProbeResult } from '../../workers/mediaProtocol';
import type { OpenProject } from '../project/projectHost';
import { toStoredRelPath } from '../project/projectPaths';
import type { NewAsset } from './assetWriter';
import { assetWriter } from './assetWriter';
import { copyIntoProject } from './copyIn';
import type { DerivableAsset } from './derivatives';
import { scheduleDerivatives } from './derivatives';
import { finishBatch, startBatch } from './importBatches';
import { MAX_IMAGE_PIXELS } from './mediaFormats';
import type { MetadataRow, MetadataTable } from './metadataCsv';
import { matchMetadata, readMetadataCsv } from './metadataCsv';
import type { ScannedFile } from './scanPaths';
import { scanPaths } from './scanPaths';

export interface ImportOptions {
  signal: AbortSignal;
  onProgress: (done: number, total: number, message?: string) => void;
}

export interface ImportInput {
  paths: string[];
  mode: ImportMode;
  metadataCsv?: string;
  /** The CSV already read and checked by the caller (see readMetadataCsv). */
  metadataTable?: MetadataTable;
}

/** Probes kept in flight ahead of the one being consumed. */
const WINDOW = 64;
/** Rows per transaction; a chunk is also written after FLUSH_MS so progress is durable. */
const CHUNK = 500;
const FLUSH_MS = 500;

interface Pending {
  file: ScannedFile;
  item: NewAsset;
}

export async function importAssets(
  project: OpenProject,
  input: ImportInput,
  opts: ImportOptions,
): Promise<ImportResult> {
  const { db } = project;
  const { signal } = opts;
  const failed: ImportFailure[] = [];
  const metadataWarnings: string[] = [];
  let imported = 0;
  let duplicates = 0;

  // A CSV that cannot be used stops the import here, before anything is imported.
  const table =
    input.metadataTable ??
    (input.metadataCsv ? await readMetadataCsv(input.metadataCsv) : undefined);
  opts.onProgress(0, 0, 'Looking for files');
  const scan = await scanPaths(input.paths, signal);
  failed.push(...scan.failures);
  const files = scan.files;
  let csvByFile = new Map<number, MetadataRow>();
  if (table) {
    const match = matchMetadata(table, files);
    metadataWarnings.push(...table.warnings, ...match.warnings);
    csvByFile = match.byFile;
  }

  const writer = assetWriter(db);
  const batchId = startBatch(db, input.mode);
  const seen = new Set<string>();
  const pending: Pending[] = [];
  const added: DerivableAsset[] = [];
  const csvNotApplied: number[] = [];
  let lastFlush = Date.now();

  const flush = async () => {
    lastFlush = Date.now();
    const ready: NewAsset[] = [];
    for (const p of pending.splice(0)) {
      if (input.mode === 'copy') {
        if (signal.aborted) break;
        try {
          const wanted = p.file.rootName ? `${p.file.rootName}/${p.file.rootRel}` : p.file.rootRel;
          const target = await copyIntoProject(p.file.absPath, project.dataDir, wanted, (abs) =>
            Boolean(writer.shaAtPath(toStoredRelPath(project.dir, abs))),
          );
          p.item.relPath = toStoredRelPath(project.dir, target);
        } catch (e) {
          seen.delete(p.item.probed.sha256);
          failed.push({
            path: p.file.absPath,
            error: `could not copy it into the project: ${(e as Error).message}`,
          });
          continue;
        }
      }
      ready.push(p.item);
    }
    if (ready.length === 0) return;
    const rows = writer.insertChunk(batchId, ready, {
      imported: imported + ready.length,
      duplicates,
      failures: failed,
    });
    imported += rows.length;
    added.push(...rows);
  };

  const pool = mediaPool();
  const probe = (f: ScannedFile): Promise<ProbeResult> =>
    pool
      .call(
        'probe',
        { path: f.absPath, expected: f.format, maxPixels: MAX_IMAGE_PIXELS },
        { signal },
      )
      .catch((e: Error) => ({ ok: false, error: `could not be checked: ${e.message}` }));

  let status: 'done' | 'cancelled' | 'interrupted' = 'interrupted';
  try {
    const ahead: Array<Promise<ProbeResult>> = [];
    let next = 0;
    const fill = () => {
      while (next < files.length && ahead.length < WINDOW) ahead.push(probe(files[next++]!));
    };
    fill();
    opts.onProgress(0, files.length, 'Checking files');
    for (let i = 0; i < files.length && !signal.aborted; i++) {
      const result = await ahead.shift()!;
      if (signal.aborted) break;
      fill();
      const file = files[i]!;
      const csv = csvByFile.get(i);
      if (!result.ok) {
        failed.push({ path: file.absPath, error: result.error });
        if (csv) csvNotApplied.push(csv.row);
      } else if (seen.has(result.asset.sha256) || writer.hashExists(result.asset.sha256)) {
        duplicates++;
        if (csv) csvNotApplied.push(csv.row);
      } else {
        const relPath = toStoredRelPath(project.dir, file.absPath);
        if (input.mode === 'reference' && writer.shaAtPath(relPath)) {
          failed.push({
            path: file.absPath,
            error:
              'a different version of this file is already in the project (it changed since it was imported); left as it was',
          });
          if (csv) csvNotApplied.push(csv.row);
        } else {
          seen.add(result.asset.sha256);
          pending.push({
            file,
            item: { relPath, stored: input.mode, probed: result.asset, csv: csv?.values ?? {} },
          });
        }
      }
      opts.onProgress(i + 1, files.length);
      if (
        pending.length >= (input.mode === 'copy' ? 50 : CHUNK) ||
        Date.now() - lastFlush > FLUSH_MS
      )
        await flush();
      if (!db.open) break;
    }
    if (db.open) await flush(); // also after a cancel: what was checked is kept
    status = signal.aborted ? 'cancelled' : 'done';
  } finally {
    finishBatch(db, batchId, status, { imported, duplicates, failures: failed });
  }

  if (csvNotApplied.length > 0) {
    const list = csvNotApplied.slice(0, 10).join(', ') + (csvNotApplied.length > 10 ? ', ...' : '');
    metadataWarnings.push(
      `metadata CSV: ${csvNotApplied.length} row(s) not applied because their file was a duplicate or failed (rows ${list})`,
    );
  }
  if (added.length > 0) scheduleDerivatives(project, added);
  return { imported, duplicates, failed, cancelled: signal.aborted, metadataWarnings };
}
