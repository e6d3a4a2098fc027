import { useStore } from 'zustand';
import type { LabelController } from './labelController';

const STATUS_LABEL = {
  unlabeled: 'Not started',
  working: 'In progress',
  submitted: 'Submitted',
  accepted: 'Accepted',
  sent_back: 'Sent back',
} as const;

/** One line under the canvas: which item, where in the list, its size, status and boxes. */
export function StatusBar({ ctl }: { ctl: LabelController }) {
  const current = useStore(ctl.ui, (s) => s.current);
  // While an item opens, the editor still holds the previous one (or nothing): its size and
  // boxes are not this item's, so they are not shown until it is on screen.
  const loading = useStore(ctl.ui, (s) => s.loading);
  const status = useStore(ctl.ui, (s) => s.status);
  const specVersion = useStore(ctl.ui, (s) => s.specVersion);
  const boxes = useStore(ctl.session.store, (s) => s.doc.boxes.length);
  const selected = useStore(ctl.session.store, (s) => s.selection.size);
  const image = useStore(ctl.session.store, (s) => s.image);
  const index = useStore(ctl.queue.store, (q) =>
    current ? q.items.findIndex((i) => i.assetId === current.assetId) : -1,
  );
  // Position in the list as shown (submitted items linger until the next move).
  const listed = useStore(ctl.queue.store, (q) => q.listed);
  if (!current) return <div className="label-statusbar" />;
  return (
    <div className="label-statusbar">
      <span className="lb-statusbar-file" title={current.relPath}>
        {current.relPath}
      </span>
      {index >= 0 && (
        <span title="Position in the item list" data-testid="list-position">
          {index + 1} / {listed}
        </span>
      )}
      {loading ? (
        <span className="muted" data-testid="box-count">
          Loading…
        </span>
      ) : (
        <>
          <span>
            {image.width} × {image.height} px
          </span>
          <span className={`lb-status-chip lb-status-${status}`}>{STATUS_LABEL[status]}</span>
          <span data-testid="box-count">
            {boxes} box{boxes === 1 ? '' : 'es'}
            {selected > 0 ? ` · ${selected} selected` : ''}
          </span>
        </>
      )}
      {specVersion !== null && (
        <span className="muted" data-testid="instructions-version">
          Instructions v{specVersion}
          {ctl.roundId !== null ? ' (round)' : ''}
        </span>
      )}
    </div>
  );
}
