import { useEffect, useRef, useState } from 'react';
import type { Asset } from '../../../../shared/api/schemas/assets';
import { Icon } from '../../components/Icon';
import { assetActions } from '../../stores/assetsStore';
import { projectActions, useProjectStore } from '../../stores/projectStore';
import { AssetDetails } from './AssetDetails';
import { AudioViewer } from './AudioViewer';
import { ImageViewer } from './ImageViewer';
import './viewer.css';

/**
 * Full-window viewer over the grid. Walks the same filtered order as the grid: arrow keys
 * go to the previous/next asset (loading its page if needed), Escape closes.
 */
export function AssetViewer({ total }: { total: number }) {
  const index = useProjectStore((s) => s.viewerIndex ?? 0);
  const [asset, setAsset] = useState<Asset | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  // The viewer opens on a tile's first click, so a double-click's second press lands in
  // here and would select the word under it (a heading, the file name): ignore that press.
  const openedAt = useRef(performance.now());

  useEffect(() => {
    let live = true;
    void assetActions.at(index).then((a) => live && setAsset(a ?? null));
    return () => {
      live = false;
    };
  }, [index]);

  const go = (delta: number) => {
    const next = index + delta;
    if (next >= 0 && next < total) projectActions.openViewer(next);
  };
  const goRef = useRef(go);
  goRef.current = go;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    rootRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
      if (e.key === 'Escape') projectActions.closeViewer();
      else if (e.key === 'ArrowLeft') goRef.current(-1);
      else if (e.key === 'ArrowRight') goRef.current(1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      // Back to the tile that was opened, so keyboard users keep their place.
      previous?.focus?.();
    };
  }, []);

  return (
    <div
      className="viewer"
      role="dialog"
      aria-modal="true"
      aria-label="Asset viewer"
      ref={rootRef}
      tabIndex={-1}
      onMouseDown={(e) => {
        if (e.detail > 1 && performance.now() - openedAt.current < 1000) e.preventDefault();
      }}
    >
      <header className="viewer-bar">
        <div className="viewer-nav">
          <button
            className="viewer-btn"
            onClick={() => go(-1)}
            disabled={index <= 0}
            aria-label="Previous asset"
            title="Previous (←)"
          >
            <Icon name="chevronLeft" />
          </button>
          <span className="viewer-index">
            {(index + 1).toLocaleString('en-US')} / {total.toLocaleString('en-US')}
          </span>
          <button
            className="viewer-btn"
            onClick={() => go(1)}
            disabled={index >= total - 1}
            aria-label="Next asset"
            title="Next (→)"
          >
            <Icon name="chevronRight" />
          </button>
        </div>
        <div className="viewer-name" title={asset?.relPath}>
          {asset?.fileName ?? ''}
        </div>
        <button
          className="viewer-btn"
          onClick={projectActions.closeViewer}
          aria-label="Close viewer"
          title="Close (Esc)"
        >
          <Icon name="close" />
        </button>
      </header>
      <div className="viewer-body">
        <div className="viewer-main">
          {asset === null ? (
            <div className="viewer-loading">
              <span className="spinner" />
            </div>
          ) : asset.kind === 'image' ? (
            <ImageViewer asset={asset} />
          ) : (
            <AudioViewer asset={asset} />
          )}
        </div>
        {asset && <AssetDetails asset={asset} />}
      </div>
    </div>
  );
}
