import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { ItemStatus } from '../../../../shared/api/schemas/annotationDoc';
import type { LabelController } from './labelController';
import type { QueueFilter } from './workQueue';

const ROW = 44;

const STATUS: Record<ItemStatus, { label: string; className: string }> = {
  unlabeled: { label: 'To do', className: 'lb-status-unlabeled' },
  working: { label: 'In progress', className: 'lb-status-working' },
  submitted: { label: 'Submitted', className: 'lb-status-submitted' },
  accepted: { label: 'Accepted', className: 'lb-status-accepted' },
  sent_back: { label: 'Sent back', className: 'lb-status-sent_back' },
};

/** The labeler's items: to do / done / all, with counts; the open item is highlighted. */
export function WorkQueuePanel({ ctl }: { ctl: LabelController }) {
  const q = ctl.queue;
  const filter = useStore(q.store, (s) => s.filter);
  const items = useStore(q.store, (s) => s.items);
  const total = useStore(q.store, (s) => s.total);
  const counts = useStore(q.store, (s) => s.counts);
  const error = useStore(q.store, (s) => s.error);
  const current = useStore(ctl.ui, (s) => s.current?.assetId ?? null);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 8,
  });
  const last = virtual.getVirtualItems().at(-1);

  // Endless list: load the next page when its end scrolls into view.
  useEffect(() => {
    if (last && last.index >= items.length - 5 && items.length < total) void q.loadMore();
  }, [last, items.length, total, q]);

  // Keep the open item in view (e.g. after D / A).
  const currentIndex = items.findIndex((i) => i.assetId === current);
  useEffect(() => {
    if (currentIndex >= 0) virtual.scrollToIndex(currentIndex, { align: 'auto' });
  }, [currentIndex, virtual]);

  const todo = counts.unlabeled + counts.working + counts.sent_back;
  const done = counts.submitted + counts.accepted;
  const tabs: Array<[QueueFilter, string, number]> = [
    ['todo', 'To do', todo],
    ['done', 'Done', done],
    ['all', 'All', todo + done],
  ];
  return (
    <aside className="label-queue" aria-label="Work queue">
      <div className="lb-queue-tabs" role="tablist">
        {tabs.map(([f, label, n]) => (
          <button
            key={f}
            role="tab"
            aria-selected={filter === f}
            className={`lb-queue-tab ${filter === f ? 'lb-is-active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void ctl.setFilter(f)}
          >
            {label} <span className="lb-queue-count">{n}</span>
          </button>
        ))}
      </div>
      {error && <p className="lb-side-hint">{error}</p>}
      {items.length === 0 && !error && (
        <p className="muted lb-side-empty">
          {filter === 'todo' ? 'Nothing left to do.' : 'No items.'}
        </p>
      )}
      <div ref={scroller} className="lb-queue-list">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((row) => {
            const it = items[row.index]!;
            const st = STATUS[it.status];
            return (
              <button
                key={it.assetId}
                className={`lb-queue-row ${it.assetId === current ? 'lb-is-current' : ''}`}
                style={{ transform: `translateY(${row.start}px)`, height: ROW }}
                aria-current={it.assetId === current ? 'true' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => void ctl.open(it)}
                title={it.relPath}
              >
                <span className="lb-queue-name">{it.fileName}</span>
                <span className="lb-queue-meta">
                  <span className={`lb-status-dot ${st.className}`} aria-hidden="true" />
                  {st.label}
                  {it.boxCount > 0 && (
                    <span className="muted">
                      {' '}
                      · {it.boxCount} {it.boxCount === 1 ? 'box' : 'boxes'}
                    </span>
                  )}
                </span>
              </button>
            );
          })}
        </div>
      </div>
    </aside>
  );
}
