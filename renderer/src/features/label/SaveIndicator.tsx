import { useStore } from 'zustand';
import type { LabelController } from './labelController';

const TEXT = {
  saved: 'Saved',
  dirty: 'Saving…',
  saving: 'Saving…',
  error: 'Not saved',
  conflict: 'Conflict',
  readonly: 'Read-only',
} as const;

/** Small autosave status: there is no save button, so this is how a labeler knows. */
export function SaveIndicator({ ctl }: { ctl: LabelController }) {
  const save = useStore(ctl.ui, (s) => s.save);
  const title =
    save.message ??
    (save.savedAt
      ? `Saved at ${new Date(save.savedAt).toLocaleTimeString()}`
      : 'Every edit is saved automatically');
  return (
    <span
      className={`lb-save-indicator lb-save-${save.state}`}
      role="status"
      aria-live="polite"
      title={title}
      data-testid="save-status"
    >
      <span className="lb-save-dot" aria-hidden="true" />
      {TEXT[save.state]}
    </span>
  );
}
