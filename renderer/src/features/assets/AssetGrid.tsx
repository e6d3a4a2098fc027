import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { assetActions, useAssetAt } from '../../stores/assetsStore';
import { projectActions } from '../../stores/projectStore';
import { AssetTile } from './AssetTile';
import { GRID_GAP, GRID_PADDING, gridLayout, itemRange } from './gridLayout';

/**
 * Virtualized rows of N tiles: only the rows on screen (plus a few) exist in the DOM, and
 * only the pages of assets they show are fetched, so 10,000+ assets scroll like 100.
 */
export function AssetGrid({ total }: { total: number }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  const layout = gridLayout(width);
  const rows = Math.ceil(total / layout.cols);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => layout.rowHeight,
    overscan: 3,
    paddingStart: GRID_PADDING,
    paddingEnd: GRID_PADDING,
  });
  useEffect(() => virtualizer.measure(), [layout.rowHeight, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const firstRow = items[0]?.index ?? 0;
  const lastRow = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    // Fetch what is on screen plus a screenful ahead, so fast scrolling rarely shows skeletons.
    const span = lastRow - firstRow + 1;
    const [start, end] = itemRange(firstRow - span, lastRow + span, layout.cols, total);
    if (end > start) assetActions.ensureRange(start, end);
  }, [firstRow, lastRow, layout.cols, total]);

  const onOpen = useCallback((index: number) => projectActions.openViewer(index), []);

  // Arrow keys move focus between tiles like a spreadsheet; Enter/Space open (the tile is a button).
  const onKeyDown = (e: KeyboardEvent) => {
    const current = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(
      '[data-index]',
    );
    if (!current) return;
    const index = Number(current.dataset.index);
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: layout.cols, ArrowUp: -layout.cols }[
      e.key
    ];
    if (step === undefined) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(total - 1, index + step));
    virtualizer.scrollToIndex(Math.floor(next / layout.cols));
    requestAnimationFrame(() =>
      scrollRef.current
        ?.querySelector<HTMLElement>(`[data-index="${next}"]`)
        ?.focus({ preventScroll: true }),
    );
  };

  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      onKeyDown={onKeyDown}
      role="grid"
      aria-rowcount={rows}
      aria-label="Assets"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {width > 0 &&
          items.map((row) => (
            <div
              key={row.key}
              role="row"
              className="grid-row"
              style={{
                transform: `translateY(${row.start}px)`,
                gridTemplateColumns: `repeat(${layout.cols}, ${layout.tileWidth}px)`,
                gap: GRID_GAP,
                padding: `0 ${GRID_PADDING}px`,
              }}
            >
              {Array.from({ length: layout.cols }, (_, c) => {
                const index = row.index * layout.cols + c;
                return index < total ? (
                  <GridCell
                    key={index}
                    index={index}
                    thumbHeight={layout.thumbHeight}
                    onOpen={onOpen}
                  />
                ) : null;
              })}
            </div>
          ))}
      </div>
    </div>
  );
}

function GridCell({
  index,
  thumbHeight,
  onOpen,
}: {
  index: number;
  thumbHeight: number;
  onOpen: (i: number) => void;
}) {
  const asset = useAssetAt(index);
  return (
    <div role="gridcell">
      <AssetTile asset={asset} index={index} thumbHeight={thumbHeight} onOpen={onOpen} />
    </div>
  );
}
