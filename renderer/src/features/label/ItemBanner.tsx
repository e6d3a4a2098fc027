import { useStore } from 'zustand';
import type { LabelController } from './labelController';

/**
 * The one message about the item as a whole, above the canvas: it is submitted (read-only),
 * it was sent back (with the lead's comment), or its autosave hit a problem.
 */
export function ItemBanner({ ctl }: { ctl: LabelController }) {
  const status = useStore(ctl.ui, (s) => s.status);
  const comment = useStore(ctl.ui, (s) => s.comment);
  const save = useStore(ctl.ui, (s) => s.save);
  const error = useStore(ctl.ui, (s) => s.error);
  const readOnly = useStore(ctl.session.store, (s) => s.readOnly);
  if (error) {
    return (
      <div className="label-banner lb-banner-error" role="alert">
        {error}
      </div>
    );
  }
  if (save.state === 'conflict') {
    return (
      <div className="label-banner lb-banner-error" role="alert" data-testid="conflict-banner">
        <strong>Not saved: this item was changed elsewhere.</strong> {save.message}
        <span className="lb-banner-actions">
          <button className="btn btn-sm" onClick={() => void ctl.resolveConflict('reload')}>
            Load the saved version
          </button>
          <button
            className="btn btn-sm btn-danger"
            onClick={() => void ctl.resolveConflict('overwrite')}
          >
            Keep mine (overwrite)
          </button>
        </span>
      </div>
    );
  }
  if (save.state === 'error') {
    return (
      <div className="label-banner lb-banner-warn" role="alert">
        <strong>Not saved yet.</strong> {save.message} Your edits are kept here and saving is
        retried.
      </div>
    );
  }
  if (readOnly) {
    return (
      <div className="label-banner lb-banner-info" data-testid="readonly-banner">
        <strong>{status === 'accepted' ? 'Accepted' : 'Submitted'}</strong> — read-only until a lead
        sends it back.
      </div>
    );
  }
  if (status === 'sent_back') {
    return (
      <div className="label-banner lb-banner-warn">
        <strong>Sent back by the lead.</strong> {comment ?? 'Please review and submit again.'}
      </div>
    );
  }
  return null;
}
