import { useState } from 'react';
import { isLead, useProfileStore } from '../people/profileStore';
import { instructionsActions, useInstructionsStore } from './instructionsStore';

/** Save the draft as the next version, with a change note that says why. */
export function SaveBar({ nextVersion }: { nextVersion: number }) {
  const dirty = useInstructionsStore((s) => s.dirty);
  const saving = useInstructionsStore((s) => s.saving);
  const notice = useInstructionsStore((s) => s.notice);
  const pending = useInstructionsStore((s) => s.classResolutions.length + s.tagResolutions.length);
  const lead = useProfileStore((s) => isLead(s.current));
  const [note, setNote] = useState('');
  return (
    <form
      className={`save-bar ${dirty ? 'is-dirty' : ''}`}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await instructionsActions.save(note.trim(), lead)) setNote('');
      }}
    >
      <span className="save-bar-state" role="status">
        {dirty ? (
          <>
            <span className="dot" aria-hidden="true" /> Unsaved changes
            {pending > 0 && ` · ${pending} class/tag removal(s) will update annotations`}
          </>
        ) : (
          (notice ?? 'All changes saved')
        )}
      </span>
      <input
        className="input save-bar-note"
        aria-label="Change note"
        placeholder="What changed and why (shown in the history)"
        value={note}
        maxLength={2000}
        onChange={(e) => setNote(e.target.value)}
        disabled={!dirty}
      />
      <button
        className="btn btn-ghost"
        type="button"
        disabled={!dirty || saving}
        onClick={instructionsActions.discard}
      >
        Discard
      </button>
      <button className="btn btn-primary" type="submit" disabled={!dirty || saving}>
        {saving ? 'Saving…' : `Save as version ${nextVersion}`}
      </button>
    </form>
  );
}
