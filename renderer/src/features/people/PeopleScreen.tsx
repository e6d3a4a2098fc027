import { useCallback, useEffect, useState } from 'react';
import type { ProfileDetails, Role } from '../../../../shared/api/schemas/identity';
import { MIN_LABELER_SECRET, MIN_LEAD_SECRET } from '../../../../shared/api/schemas/identity';
import { api, ApiCallError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Avatar } from './WhoIsWorking';
import { isLead, useProfileStore } from './profileStore';
import './people.css';

const errorText = (e: unknown) =>
  e instanceof ApiCallError || e instanceof Error ? e.message : String(e);
const secretWord = (role: Role) => (role === 'lead' ? 'passphrase' : 'PIN');

function AddPersonForm({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('labeler');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const min = role === 'lead' ? MIN_LEAD_SECRET : MIN_LABELER_SECRET;
  // Count code points, as the service does, so the hint and the server agree on "too short".
  const length = [...secret].length;
  const secretOk = role === 'labeler' ? length === 0 || length >= min : length >= min;
  const ready = name.trim() && secretOk;
  const rule =
    role === 'lead'
      ? `Passphrase: at least ${min} characters.`
      : `PIN: optional, at least ${min} characters; needed to label blind rounds.`;
  const tooShort = length > 0 && length < min;
  return (
    <form
      className="people-add"
      aria-label="Add a person"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await api.invoke('profiles:create', {
            name: name.trim(),
            role,
            ...(secret ? { secret } : {}),
          });
          setName('');
          setSecret('');
          onAdded();
        } catch (err) {
          setError(errorText(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <label className="field">
        <span className="field-label">Name</span>
        <input
          className="input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={60}
        />
      </label>
      <label className="field">
        <span className="field-label">Role</span>
        <select className="select" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="labeler">Labeler</option>
          <option value="lead">Lead</option>
        </select>
      </label>
      <label className="field">
        <span className="field-label">
          {role === 'lead' ? 'Passphrase (required)' : 'PIN (for blind rounds)'}
        </span>
        <input
          className="input"
          type="password"
          autoComplete="new-password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
      </label>
      <button
        className="btn btn-primary"
        type="submit"
        disabled={!ready || busy}
        title={!name.trim() ? 'Enter a name' : secretOk ? undefined : rule}
      >
        Add person
      </button>
      <p
        className={tooShort ? 'field-hint people-add-hint is-error' : 'field-hint people-add-hint'}
        role={tooShort ? 'alert' : undefined}
      >
        {tooShort ? `Too short (${length} of ${min}). ${rule}` : rule}
      </p>
      {error && (
        <div className="people-add-error">
          <ErrorNotice message={error} onDismiss={() => setError(null)} />
        </div>
      )}
    </form>
  );
}

function PersonRow({ person, onChanged }: { person: ProfileDetails; onChanged: () => void }) {
  const [secret, setSecret] = useState('');
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const update = async (patch: { role?: Role; secret?: string | null; name?: string }) => {
    setError(null);
    try {
      await api.invoke('profiles:update', { id: person.id, ...patch });
      setEditing(false);
      setSecret('');
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <tr>
      <td>
        <div className="people-name">
          <Avatar name={person.name} role={person.role} size={28} />
          {person.name}
        </div>
      </td>
      <td>
        <select
          className="select select-sm"
          aria-label={`Role of ${person.name}`}
          value={person.role}
          onChange={(e) => void update({ role: e.target.value as Role })}
        >
          <option value="labeler">Labeler</option>
          <option value="lead">Lead</option>
        </select>
      </td>
      <td>
        {editing ? (
          <form
            className="people-secret"
            onSubmit={(e) => {
              e.preventDefault();
              void update({ secret });
            }}
          >
            <input
              className="input input-sm"
              type="password"
              autoFocus
              placeholder={`New ${secretWord(person.role)}`}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
            <button className="btn btn-sm" type="submit" disabled={!secret}>
              Set
            </button>
            <button
              className="btn btn-ghost btn-sm"
              type="button"
              onClick={() => setEditing(false)}
            >
              Cancel
            </button>
          </form>
        ) : (
          <div className="people-secret">
            <span
              className={person.hasSecret ? '' : 'people-no-pin'}
              title={
                person.hasSecret
                  ? undefined
                  : 'Without a PIN anyone can sign in as this labeler: they cannot take part in blind rounds'
              }
            >
              {person.hasSecret
                ? `Has a ${secretWord(person.role)}`
                : 'No PIN: not in blind rounds'}
            </span>
            <button className="btn btn-ghost btn-sm" onClick={() => setEditing(true)}>
              {person.hasSecret ? 'Change' : `Set ${secretWord(person.role)}`}
            </button>
            {person.hasSecret && person.role === 'labeler' && (
              <button
                className="btn btn-ghost btn-sm"
                onClick={() => void update({ secret: null })}
              >
                Remove
              </button>
            )}
          </div>
        )}
        {error && <div className="people-row-error">{error}</div>}
      </td>
      <td className="num">{person.annotationCount.toLocaleString('en-US')}</td>
      <td className="muted">
        {person.lastSignInAt ? new Date(person.lastSignInAt).toLocaleString() : 'never'}
      </td>
    </tr>
  );
}

/** Leads add labelers and other leads, change roles and PINs. */
export function PeopleScreen() {
  const lead = useProfileStore((s) => isLead(s.current));
  const [people, setPeople] = useState<ProfileDetails[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setPeople(await api.invoke('profiles:list', {}));
    } catch (e) {
      setError(errorText(e));
    }
  }, []);
  useEffect(() => {
    if (lead) void reload();
    return api.on('profiles:changed', () => void reload());
  }, [lead, reload]);
  if (!lead) return <div className="screen-empty">Only a lead can manage people.</div>;
  return (
    <div className="people-screen">
      <header className="screen-header">
        <h2>People</h2>
        <span className="muted">
          Everyone who labels or leads this project. Leads sign in with a passphrase; labelers with
          a PIN, which blind rounds require so nobody can sign in as someone else.
        </span>
      </header>
      {error && <ErrorNotice message={error} onDismiss={() => setError(null)} />}
      <AddPersonForm onAdded={() => void reload()} />
      <table className="people-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>Passphrase / PIN</th>
            <th className="num">Annotations</th>
            <th>Last sign-in</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <PersonRow
              key={`${p.id}-${p.role}-${p.hasSecret}`}
              person={p}
              onChanged={() => void reload()}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
