import { useState } from 'react';
import type { ProfileListItem } from '../../../../shared/api/schemas/identity';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useSessionStore } from '../../stores/sessionStore';
import { describeUnsaved, tabSaves } from '../label/saveRegistry';
import { GateFrame } from './GateFrame';
import { profileActions, useProfileStore } from './profileStore';
import { SampleSignInHint } from './SampleSignInHint';

export function Avatar({
  name,
  role,
  size = 36,
}: {
  name: string;
  role: 'lead' | 'labeler';
  size?: number;
}) {
  return (
    <span
      className={`avatar avatar-${role}`}
      style={{ width: size, height: size, fontSize: size * 0.42 }}
      aria-hidden="true"
    >
      {[...name.trim()][0]?.toUpperCase() ?? '?'}
    </span>
  );
}

/** "Who is working?": pick yourself; a passphrase or PIN is asked only when the profile has one. */
export function WhoIsWorking() {
  const profiles = useProfileStore((s) => s.profiles);
  const busy = useProfileStore((s) => s.busy);
  const error = useProfileStore((s) => s.error);
  const isSample = useSessionStore((s) => s.project?.isSample ?? false);
  const [chosen, setChosen] = useState<ProfileListItem | null>(null);
  const [secret, setSecret] = useState('');
  // Edits an earlier person left unsaved here (server down or restarted while they worked).
  const kept = tabSaves.unsaved();

  const choose = (p: ProfileListItem) => {
    profileActions.clearError();
    setSecret('');
    if (p.hasSecret) setChosen(p);
    else {
      setChosen(p);
      void profileActions.signIn(p.id);
    }
  };

  return (
    <GateFrame
      title="Who is working?"
      subtitle="Choose your profile. Your work is saved under your name."
    >
      <ul className="profile-list" aria-label="Profiles">
        {profiles.map((p) => (
          <li key={p.id}>
            <button
              className={`profile-card ${chosen?.id === p.id ? 'is-chosen' : ''}`}
              onClick={() => choose(p)}
              disabled={busy}
            >
              <Avatar name={p.name} role={p.role} />
              <span className="profile-card-name">{p.name}</span>
              <span className={`tag ${p.role === 'lead' ? 'tag-accent' : 'tag-muted'}`}>
                {p.role}
              </span>
              {p.hasSecret && (
                <span className="profile-card-lock">
                  {p.role === 'lead' ? 'passphrase' : 'PIN'}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {kept.length > 0 && (
        <p className="gate-kept" role="status" data-testid="kept-edits">
          {kept.map(describeUnsaved).join('; ')} in this tab, kept until{' '}
          {kept.map((w) => w.labeler.name).join(' or ')} signs in here again. If someone else signs
          in, they are discarded; they are never saved as anyone else.
        </p>
      )}
      {isSample && <SampleSignInHint profiles={profiles} />}
      {chosen?.hasSecret && (
        <form
          className="gate-secret"
          onSubmit={(e) => {
            e.preventDefault();
            void profileActions.signIn(chosen.id, secret);
          }}
        >
          <label className="field">
            <span className="field-label">
              {chosen.role === 'lead' ? 'Passphrase' : 'PIN'} for {chosen.name}
            </span>
            <input
              className="input"
              type="password"
              autoFocus
              autoComplete="current-password"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          </label>
          <button className="btn btn-primary" type="submit" disabled={busy || secret.length === 0}>
            {busy ? 'Checking…' : 'Sign in'}
          </button>
        </form>
      )}
      {error && <ErrorNotice message={error} onDismiss={profileActions.clearError} />}
    </GateFrame>
  );
}
