import { useEffect, useState } from 'react';
import type { Asset } from '../../../../shared/api/schemas/assets';
import type { ClassExample } from '../../../../shared/api/schemas/instructionSpec';
import { api } from '../../api/client';
import { loadAsset } from './assetCache';

/**
 * An example asset's thumbnail with its highlighted box drawn on top. An SVG in the
 * image's own pixel space places the box exactly, whatever size the thumbnail is shown at.
 */
export function ExampleThumb({
  example,
  color,
  size = 120,
}: {
  example: ClassExample;
  color: string;
  size?: number;
}) {
  const [asset, setAsset] = useState<Asset | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadAsset(example.assetId).then((a) => live && setAsset(a));
    return () => {
      live = false;
    };
  }, [example.assetId]);
  if (asset === undefined)
    return (
      <div className="example-thumb is-loading" style={{ width: size, height: size * 0.75 }} />
    );
  if (asset === null || asset.kind !== 'image' || !asset.width || !asset.height) {
    return (
      <div className="example-thumb is-missing" style={{ width: size, height: size * 0.75 }}>
        {asset ? asset.fileName : `asset ${example.assetId} is missing`}
      </div>
    );
  }
  const { width: W, height: H } = asset;
  const stroke = Math.max(W, H) / 90;
  return (
    <figure className="example-thumb" title={asset.relPath}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={size}
        height={(size * H) / W}
        role="img"
        aria-label={`Example ${asset.fileName}`}
      >
        <image
          href={api.assetUrl(asset.id, 'thumb')}
          x={0}
          y={0}
          width={W}
          height={H}
          preserveAspectRatio="none"
        />
        {example.box && (
          <rect
            x={example.box.x}
            y={example.box.y}
            width={example.box.w}
            height={example.box.h}
            fill={`${color}22`}
            stroke={color}
            strokeWidth={stroke}
          />
        )}
      </svg>
      {example.note && <figcaption>{example.note}</figcaption>}
    </figure>
  );
}
