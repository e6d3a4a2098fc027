import { z } from 'zod';
import { Empty, FsPath, Id, IsoTime, Nothing } from './common';

export const AssetKind = z.enum(['image', 'audio']);
export type AssetKind = z.infer<typeof AssetKind>;

export const ImportMode = z.enum(['reference', 'copy']);
export type ImportMode = z.infer<typeof ImportMode>;

export const Asset = z.object({
  id: Id,
  kind: AssetKind,
  /** Relative to the project file's folder, with '/' separators. */
  relPath: z.string(),
  fileName: z.string(),
  format: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  stored: ImportMode,
  /** Displayed size, after EXIF orientation. */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  orientation: z.number().int().nullable(),
  durationSec: z.number().nullable(),
  sampleRate: z.number().int().nullable(),
  channels: z.number().int().nullable(),
  importedAt: IsoTime,
  metadata: z.record(z.string(), z.string()),
});
export type Asset = z.infer<typeof Asset>;

export const ImportFailure = z.object({ path: z.string(), error: z.string() });
export type ImportFailure = z.infer<typeof ImportFailure>;

export const ImportResult = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  failed: z.array(ImportFailure),
  cancelled: z.boolean(),
  /** Problems with the metadata CSV (bad rows, unknown files); they never block an import. */
  metadataWarnings: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const AssetQuery = z
  .object({
    kind: AssetKind.optional(),
    /** Exact-match metadata filters, e.g. { factory: 'A', line: '2' }. */
    metadata: z.record(z.string(), z.string()).optional(),
    /** Substring of the relative path. */
    search: z.string().max(500).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(2000).default(200),
  })
  .strict();
export type AssetQuery = z.input<typeof AssetQuery>;

export const AssetPage = z.object({ total: z.number().int(), items: z.array(Asset) });
export type AssetPage = z.infer<typeof AssetPage>;

export const MetadataFacet = z.object({
  name: z.string(),
  values: z.array(z.object({ value: z.string(), count: z.number().int() })),
});
export type MetadataFacet = z.infer<typeof MetadataFacet>;

export const JobKind = z.enum(['import', 'thumbnails', 'prelabel', 'export']);
export const JobStatus = z.enum(['running', 'done', 'cancelled', 'failed']);
export const Job = z.object({
  id: z.string(),
  kind: JobKind,
  status: JobStatus,
  done: z.number().int(),
  total: z.number().int(),
  message: z.string(),
  result: z.unknown().optional(),
  error: z.string().optional(),
});
export type Job = z.infer<typeof Job>;

export const assetChannels = {
  'assets:import': {
    input: z
      .object({
        paths: z.array(FsPath).min(1, 'choose at least one file or folder').max(100_000),
        mode: ImportMode.default('reference'),
        metadataCsv: FsPath.optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
  'assets:list': { input: AssetQuery, output: AssetPage },
  'assets:get': { input: z.object({ id: Id }).strict(), output: Asset },
  'assets:facets': { input: Empty, output: z.array(MetadataFacet) },
  'jobs:list': { input: Empty, output: z.array(Job) },
  'jobs:get': { input: z.object({ jobId: z.string() }).strict(), output: Job },
  'jobs:cancel': { input: z.object({ jobId: z.string() }).strict(), output: Nothing },
} as const;
