import { useState } from 'react';
import { MIN_LEAD_SECRET } from '../../../../shared/api/schemas/identity';
import { ErrorNotice } from '../../components/ErrorNotice';
import { GateFrame } from './GateFrame';
import { profileActions, useProfileStore } from './profileStore';

/** A project without a lead starts here: whoever opens it first becomes its lead. */
export function CreateLeadForm() {
  const busy = useProfileStore((s) => s.busy);
  const error = useProfileStore((s) => s.error);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const tooShort = secret.length > 0 && secret.length < MIN_LEAD_SECRET;
  const mismatch = again.length > 0 && again !== secret;
  const ready = name.trim().length > 0 && secret.length >= MIN_LEAD_SECRET && again === secret;
  return (
    <GateFrame
      title="Create the lead profile"
      subtitle="This project has no lead yet. The lead writes the instructions and adds the labelers; a passphrase protects the profile."
    >
      <form
        className="gate-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void profileActions.createLead(name.trim(), secret);
        }}
      >
        <label className="field">
          <span className="field-label">Your name</span>
          <input
            className="input"
            aria-label="Your name"
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={60}
          />
        </label>
        <label className="field">
          <span className="field-label">Passphrase</span>
          <input
            className="input"
            type="password"
            aria-label="Passphrase"
            aria-describedby="lead-secret-hint"
            autoComplete="new-password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
          <span
            id="lead-secret-hint"
            className={`field-hint ${tooShort ? 'field-hint-error' : ''}`}
          >
            At least {MIN_LEAD_SECRET} characters. It is stored only as a salted hash.
          </span>
        </label>
        <label className="field">
          <span className="field-label">Passphrase again</span>
          <input
            className="input"
            type="password"
            aria-label="Passphrase again"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
          {mismatch && (
            <span className="field-hint field-hint-error">The two passphrases differ.</span>
          )}
        </label>
        {error && <ErrorNotice message={error} onDismiss={profileActions.clearError} />}
        <button className="btn btn-primary btn-lg" type="submit" disabled={!ready || busy}>
          {busy ? 'Creating…' : 'Create lead and continue'}
        </button>
      </form>
    </GateFrame>
  );
}
