import { memo, useEffect, useState } from 'react';
import type { Asset } from '../../../../shared/api/schemas/assets';
import { api, withParam } from '../../api/client';
import { Icon } from '../../components/Icon';
import { formatAssetSize, formatBytes } from '../../lib/format';
import { useProjectStore } from '../../stores/projectStore';
import { MiniWaveform } from './MiniWaveform';

interface AssetTileProps {
  asset: Asset | undefined;
  index: number;
  thumbHeight: number;
  onOpen: (index: number) => void;
}

/** One grid cell. `asset` is undefined while its page loads (a skeleton is shown). */
export const AssetTile = memo(function AssetTile({
  asset,
  index,
  thumbHeight,
  onOpen,
}: AssetTileProps) {
  if (!asset) {
    return (
      <div className="tile tile-skeleton" aria-hidden="true">
        <div className="tile-thumb" style={{ height: thumbHeight }} />
        <div className="tile-caption">
          <div className="skeleton-line" />
          <div className="skeleton-line skeleton-short" />
        </div>
      </div>
    );
  }
  const size = formatAssetSize(asset);
  return (
    <button
      className="tile"
      data-index={index}
      data-asset-id={asset.id}
      onClick={() => onOpen(index)}
      title={asset.relPath}
      aria-label={`${asset.fileName}, ${asset.kind}${size ? `, ${size}` : ''}`}
    >
      <div className={`tile-thumb tile-thumb-${asset.kind}`} style={{ height: thumbHeight }}>
        {asset.kind === 'image' ? <Thumb id={asset.id} /> : <MiniWaveform id={asset.id} />}
      </div>
      <div className="tile-caption">
        <div className="tile-name">{asset.fileName}</div>
        <div className="tile-meta">
          {asset.kind === 'audio' && <Icon name="audio" size={12} />}
          <span>{size}</span>
          <span className="tile-bytes">{formatBytes(asset.bytes)}</span>
        </div>
      </div>
    </button>
  );
});

/** A thumbnail that retries when thumbnails may have been made since it failed. */
function Thumb({ id }: { id: number }) {
  const revision = useProjectStore((s) => s.thumbRevision);
  const [failedAt, setFailedAt] = useState<number | null>(null);
  const [retry, setRetry] = useState(0);
  useEffect(() => {
    if (failedAt !== null && revision !== failedAt) {
      setFailedAt(null);
      setRetry(revision);
    }
  }, [revision, failedAt]);
  if (failedAt !== null) return <Icon name="image" size={28} className="tile-placeholder" />;
  const url = api.assetUrl(id, 'thumb');
  return (
    <img
      className="tile-img"
      src={retry ? withParam(url, 'r', retry) : url}
      alt=""
      loading="lazy"
      decoding="async"
      draggable={false}
      onError={() => setFailedAt(revision)}
    />
  );
}
