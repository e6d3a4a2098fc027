import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import type { Drilldown } from './agreementStore';

/** The items behind the figure the lead clicked, most disagreement first; a click opens one. */
export function ItemsDrawer({
  drill,
  onOpen,
  onClose,
}: {
  drill: Drilldown;
  onOpen: (assetId: number) => void;
  onClose: () => void;
}) {
  return (
    <aside className="ag-drawer" aria-label={`Items: ${drill.title}`}>
      <header className="ag-drawer-head">
        <div>
          <h3>{drill.title}</h3>
          <span className="muted">
            {drill.loading
              ? 'Loading…'
              : `${drill.total} item${drill.total === 1 ? '' : 's'}${drill.total > drill.items.length ? ` (first ${drill.items.length})` : ''}`}
          </span>
        </div>
        <button
          className="btn btn-ghost btn-icon btn-sm"
          onClick={onClose}
          aria-label="Close the item list"
        >
          <Icon name="close" />
        </button>
      </header>
      {drill.error && <ErrorNotice message={drill.error} />}
      <ul className="ag-drawer-list">
        {drill.items.map((item) => (
          <li key={item.assetId}>
            <button className="ag-item" onClick={() => onOpen(item.assetId)}>
              {item.kind === 'image' ? (
                <img
                  className="ag-item-thumb"
                  src={api.assetUrl(item.assetId, 'thumb')}
                  alt=""
                  loading="lazy"
                />
              ) : (
                <span className="ag-item-thumb ag-item-audio">
                  <Icon name="audio" size={20} />
                </span>
              )}
              <span className="ag-item-text">
                <span className="ag-item-name" title={item.relPath}>
                  {item.fileName}
                </span>
                <span className={`ag-item-summary ${item.fullAgreement ? 'is-ok' : ''}`}>
                  {item.summary}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {!drill.loading && drill.items.length === 0 && !drill.error && (
        <div className="ag-empty">No items behind this figure.</div>
      )}
    </aside>
  );
}
