import type { Asset } from '../../../../shared/api/schemas/assets';
import { formatBytes, formatDuration, formatWhen } from '../../lib/format';

/** The viewer's side panel: what the file is and every metadata field it carries. */
export function AssetDetails({ asset }: { asset: Asset }) {
  const meta = Object.entries(asset.metadata);
  const rows: Array<[string, string]> = [
    ['Path', asset.relPath],
    ['Format', asset.format.toUpperCase()],
  ];
  if (asset.kind === 'image') {
    rows.push([
      'Size',
      asset.width && asset.height ? `${asset.width} × ${asset.height} px` : 'unknown',
    ]);
    if (asset.orientation && asset.orientation !== 1)
      rows.push(['EXIF orientation', `${asset.orientation} (applied)`]);
  } else {
    rows.push([
      'Duration',
      asset.durationSec !== null ? formatDuration(asset.durationSec, true) : 'unknown',
    ]);
    if (asset.sampleRate)
      rows.push(['Sample rate', `${asset.sampleRate.toLocaleString('en-US')} Hz`]);
    if (asset.channels)
      rows.push([
        'Channels',
        asset.channels === 1 ? 'mono' : asset.channels === 2 ? 'stereo' : String(asset.channels),
      ]);
  }
  rows.push(
    ['File size', formatBytes(asset.bytes)],
    ['Stored', asset.stored === 'copy' ? 'copied into the project' : 'referenced in place'],
    ['Imported', formatWhen(asset.importedAt)],
    ['SHA-256', `${asset.sha256.slice(0, 16)}…`],
  );
  return (
    <aside className="details" aria-label="Asset details">
      <h3 className="details-title">{asset.fileName}</h3>
      <dl className="details-list">
        {rows.map(([k, v]) => (
          <div key={k} className="details-row">
            <dt>{k}</dt>
            <dd title={v}>{v}</dd>
          </div>
        ))}
      </dl>
      <h4 className="details-section">Metadata</h4>
      {meta.length === 0 ? (
        <p className="details-empty">
          No metadata. Attach a CSV when importing to add fields such as factory or line.
        </p>
      ) : (
        <dl className="details-list" data-testid="asset-metadata">
          {meta.map(([k, v]) => (
            <div key={k} className="details-row">
              <dt>{k}</dt>
              <dd title={v}>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </aside>
  );
}
