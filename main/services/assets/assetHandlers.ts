import type { ImportResult } from '../../../shared/api/schemas/assets';
import type { Handlers } from '../../transport/dispatch';
import type { ServiceDeps } from '../appServices';
import { getAsset, listAssets, metadataFacets } from './assetRepository';
import { importAssets } from './importAssets';
import { readMetadataCsv } from './metadataCsv';

type AssetChannels =
  | 'assets:import'
  | 'assets:list'
  | 'assets:get'
  | 'assets:facets'
  | 'jobs:list'
  | 'jobs:get'
  | 'jobs:cancel';

/**
 * Importing is the lead's job (product.md), and so is stopping background work (imports,
 * pre-labeling, exports are all started by a lead). Browsing assets and following jobs
 * needs a signed-in profile of any role. The CLI, the trusted local owner, imports through
 * importAssets directly and never comes through here.
 *
 * The /files/ routes (thumbnails, display images, tiles, peaks) stay guarded by the
 * transport token alone: an <img> request carries the token cookie but not the tab's
 * session key, and those bytes are the media itself, never anybody's annotations.
 */
export function assetHandlers({
  bus,
  host,
  jobs,
  requireActor,
}: ServiceDeps): Pick<Handlers, AssetChannels> {
  return {
    'assets:import': async (input, ctx) => {
      requireActor(ctx, 'lead', 'import assets');
      const project = host.require();
      // A missing or unusable metadata CSV is refused here, so the dialog shows why and
      // no job starts; the job then uses the table read here.
      const metadataTable = input.metadataCsv
        ? await readMetadataCsv(input.metadataCsv)
        : undefined;
      const request = { ...input, metadataTable };
      const { jobId } = jobs.start('import', async (handle): Promise<ImportResult> => {
        const result = await importAssets(project, request, {
          signal: handle.signal,
          onProgress: (done, total, message) => handle.progress(done, total, message),
        });
        bus.emit('assets:changed', { added: result.imported });
        return result;
      });
      return { jobId };
    },
    'assets:list': (query, ctx) => {
      requireActor(ctx);
      return listAssets(host.require().db, query);
    },
    'assets:get': ({ id }, ctx) => {
      requireActor(ctx);
      return getAsset(host.require().db, id);
    },
    'assets:facets': (_input, ctx) => {
      requireActor(ctx);
      return metadataFacets(host.require().db);
    },
    'jobs:list': (_input, ctx) => {
      requireActor(ctx);
      return jobs.list();
    },
    'jobs:get': ({ jobId }, ctx) => {
      requireActor(ctx);
      return jobs.get(jobId);
    },
    'jobs:cancel': ({ jobId }, ctx) => {
      requireActor(ctx, 'lead', 'stop background work');
      jobs.cancel(jobId);
      return null;
    },
  };
}
