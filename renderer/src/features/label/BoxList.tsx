import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { revealBox } from '../../editor/editorCommands';
import { deleteBoxes } from '../../editor/model/docOps';
import type { LabelController } from './labelController';

const ROW = 28;

/**
 * Every box of the item, in drawing order, synced with the canvas both ways: clicking a row
 * selects the box and scrolls the canvas to it; selecting on the canvas scrolls the list.
 * Virtualised, so 5,000 boxes cost a screenful of rows.
 */
export function BoxList({ ctl }: { ctl: LabelController }) {
  const s = ctl.session;
  const boxes = useStore(s.store, (x) => x.doc.boxes);
  const selection = useStore(s.store, (x) => x.selection);
  const readOnly = useStore(s.store, (x) => x.readOnly);
  const spec = useStore(ctl.ui, (x) => x.spec);
  const scroller = useRef<HTMLDivElement>(null);
  const classes = new Map((spec?.classes ?? []).map((c) => [c.id, c]));
  const virtual = useVirtualizer({
    count: boxes.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 12,
  });

  // Canvas -> list: bring the first selected box into view when the selection changes.
  const firstSelected = selection.size > 0 ? boxes.findIndex((b) => selection.has(b.id)) : -1;
  useEffect(() => {
    if (firstSelected >= 0) virtual.scrollToIndex(firstSelected, { align: 'auto' });
  }, [firstSelected, virtual]);

  return (
    <section className="lb-side-section lb-side-grow" aria-label="Boxes">
      <h3 className="lb-side-title">
        Boxes <span className="muted">{boxes.length}</span>
      </h3>
      {boxes.length === 0 && (
        <p className="muted lb-side-empty">No boxes. Press N and drag on the image to draw one.</p>
      )}
      <div
        ref={scroller}
        className="lb-box-list"
        role="listbox"
        aria-multiselectable="true"
        aria-label="Boxes of this item"
      >
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((row) => {
            const b = boxes[row.index]!;
            const c = classes.get(b.classId);
            const selected = selection.has(b.id);
            return (
              <div
                key={b.id}
                role="option"
                aria-selected={selected}
                className={`lb-box-row ${selected ? 'lb-is-selected' : ''}`}
                style={{ transform: `translateY(${row.start}px)`, height: ROW }}
                onMouseDown={(e) => e.preventDefault()}
                onClick={(e) => {
                  if (e.shiftKey || e.ctrlKey || e.metaKey) {
                    const next = new Set(selection);
                    if (selected) next.delete(b.id);
                    else next.add(b.id);
                    s.setSelection(next);
                  } else {
                    s.setSelection([b.id]);
                    revealBox(s, b);
                  }
                }}
              >
                <span
                  className="lb-swatch"
                  style={{ background: c?.color ?? '#9aa0a6' }}
                  aria-hidden="true"
                />
                <span className="lb-box-row-index">{row.index + 1}</span>
                <span className="lb-box-row-name">{c?.name ?? b.classId}</span>
                {b.uncertain && <span className="tag lb-tag-warn">unsure</span>}
                {b.source && <span className="tag tag-muted">model</span>}
                <span className="lb-box-row-size">
                  {Math.round(b.w)}×{Math.round(b.h)}
                </span>
                {!readOnly && (
                  <button
                    className="lb-box-row-delete"
                    aria-label={`Delete box ${row.index + 1}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      s.apply(deleteBoxes(s.doc, [b.id]));
                    }}
                  >
                    ×
                  </button>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
