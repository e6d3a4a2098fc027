import { Icon } from '../../components/Icon';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../lib/format';
import { assetActions, useAssetsStore } from '../../stores/assetsStore';
import { projectActions, useProjectStore } from '../../stores/projectStore';
import { useSessionStore } from '../../stores/sessionStore';
import { isLead, useProfileStore } from '../people/profileStore';
import { AssetViewer } from '../viewer/AssetViewer';
import { AssetFilters } from './AssetFilters';
import { AssetGrid } from './AssetGrid';
import './assets.css';

/** The Assets screen: filters, the virtualized grid, and the viewer on top when an asset is open. */
export function AssetBrowser() {
  const total = useAssetsStore((s) => s.total);
  const error = useAssetsStore((s) => s.error);
  const projectAssets = useSessionStore((s) => s.project?.assetCount ?? 0);
  const viewerOpen = useProjectStore((s) => s.viewerIndex !== null);

  return (
    <div className="assets">
      <div className="assets-toolbar">
        <div className="assets-title">
          <h2>Assets</h2>
          <span className="assets-count" aria-live="polite" data-testid="asset-count">
            {total === null
              ? '…'
              : total === projectAssets
                ? formatCount(total, 'asset')
                : `${formatCount(total, 'asset')} of ${projectAssets.toLocaleString('en-US')}`}
          </span>
        </div>
        {projectAssets > 0 && <AssetFilters />}
      </div>
      {error && (
        <div className="assets-error">
          <ErrorNotice message={error} onDismiss={() => void assetActions.reload()} />
        </div>
      )}
      {projectAssets === 0 && total !== null && total === 0 ? (
        <EmptyProject />
      ) : total === 0 ? (
        <div className="assets-empty">
          <p>No assets match these filters.</p>
          <button
            className="btn"
            onClick={() => void assetActions.reload({ kind: null, metadata: {}, search: '' })}
          >
            Clear filters
          </button>
        </div>
      ) : total !== null ? (
        <AssetGrid total={total} />
      ) : null}
      {viewerOpen && total !== null && <AssetViewer total={total} />}
    </div>
  );
}

function EmptyProject() {
  const lead = useProfileStore((s) => isLead(s.current));
  if (!lead) {
    return (
      <div className="assets-empty">
        <div className="assets-empty-icon">
          <Icon name="image" size={28} />
        </div>
        <h3>No images or audio yet</h3>
        <p>The lead imports the project&apos;s images and audio. Check back once they have.</p>
      </div>
    );
  }
  return (
    <div className="assets-empty">
      <div className="assets-empty-icon">
        <Icon name="image" size={28} />
      </div>
      <h3>No images or audio yet</h3>
      <p>
        Import files or whole folders. You can attach a CSV with metadata such as factory, line or
        camera.
      </p>
      <button className="btn btn-primary btn-lg" onClick={projectActions.openImport}>
        <Icon name="import" />
        Import images and audio
      </button>
    </div>
  );
}
