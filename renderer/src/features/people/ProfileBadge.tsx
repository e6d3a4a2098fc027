import { Dialog } from '../../components/Dialog';
import { describeUnsaved } from '../label/saveRegistry';
import type { UnsavedWork } from '../label/saveRegistry';
import { Avatar } from './WhoIsWorking';
import { profileActions, useProfileStore } from './profileStore';

/**
 * Switch user could not save everything (the server is down, or it lost the sign-in):
 * the person decides; the edits never go to whoever signs in next.
 */
function UnsavedDialog({ unsaved }: { unsaved: UnsavedWork[] }) {
  const name = unsaved[0]?.labeler.name ?? 'This person';
  const reason = unsaved.find((w) => w.message)?.message;
  return (
    <Dialog
      title="Unsaved edits"
      onClose={profileActions.stay}
      width={640}
      footer={
        <>
          <button className="btn btn-primary" data-autofocus onClick={profileActions.stay}>
            Stay and retry
          </button>
          <button className="btn" onClick={() => void profileActions.signOut('keep')}>
            Keep them for {name} and switch
          </button>
          <button className="btn btn-danger" onClick={() => void profileActions.signOut('discard')}>
            Discard them and switch
          </button>
        </>
      }
    >
      <p data-testid="unsaved-edits">
        <strong>{unsaved.map(describeUnsaved).join('; ')}</strong> that could not be saved
        {reason ? `: ${reason}` : '.'}
      </p>
      <p className="muted">
        Stay and retry, or switch anyway. Kept edits are saved when {name} signs in here again; if
        someone else signs in here, they are discarded. They are never saved as anyone else.
      </p>
    </Dialog>
  );
}

/** The header's "signed in as" with a switch-user button (back to "Who is working?"). */
export function ProfileBadge() {
  const current = useProfileStore((s) => s.current);
  const switching = useProfileStore((s) => s.switching);
  const unsaved = useProfileStore((s) => s.unsaved);
  const notice = useProfileStore((s) => s.notice);
  const error = useProfileStore((s) => s.error);
  if (!current) return null;
  return (
    <div className="profile-badge" data-testid="current-profile">
      <Avatar name={current.name} role={current.role} size={26} />
      <div className="profile-badge-text">
        <span className="profile-badge-name">{current.name}</span>
        <span className="profile-badge-role">{current.role}</span>
      </div>
      <button
        className="btn btn-ghost btn-sm"
        onClick={() => void profileActions.signOut()}
        disabled={switching}
        aria-busy={switching}
      >
        {switching ? 'Saving…' : 'Switch user'}
      </button>
      {(notice ?? error) && (
        <div className="profile-badge-notice" role="alert">
          {notice ?? error}
          <button
            className="btn btn-ghost btn-sm"
            onClick={notice ? profileActions.clearNotice : profileActions.clearError}
          >
            OK
          </button>
        </div>
      )}
      {unsaved && <UnsavedDialog unsaved={unsaved} />}
    </div>
  );
}
