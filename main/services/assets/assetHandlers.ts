import type { ImportResult } from '../../../shared/api/schemas/assets';
import type { Handlers } from '../../transport/dispatch';
import type { ServiceDeps } from '../appServices';
import { getAsset, listAssets, metadataFacets } from './assetRepository';
import { importAssets } from './importAssets';

type AssetChannels =
  | 'assets:import'
  | 'assets:list'
  | 'assets:get'
  | 'assets:facets'
  | 'jobs:list'
  | 'jobs:get'
  | 'jobs:cancel';

export function assetHandlers({ bus, host, jobs }: ServiceDeps): Pick<Handlers, AssetChannels> {
  return {
    'assets:import': (input) => {
      const project = host.require();
      const { jobId } = jobs.start('import', async (handle): Promise<ImportResult> => {
        const result = await importAssets(project, input, {
          signal: handle.signal,
          onProgress: (done, total, message) => handle.progress(done, total, message),
        });
        bus.emit('assets:changed', { added: result.imported });
        return result;
      });
      return { jobId };
    },
    'assets:list': (query) => listAssets(host.require().db, query),
    'assets:get': ({ id }) => getAsset(host.require().db, id),
    'assets:facets': () => metadataFacets(host.require().db),
    'jobs:list': () => jobs.list(),
    'jobs:get': ({ jobId }) => jobs.get(jobId),
    'jobs:cancel': ({ jobId }) => {
      jobs.cancel(jobId);
      return null;
    },
  };
}
