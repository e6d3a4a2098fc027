import type { ProfileDetails } from '../../../../shared/api/schemas/identity';

/** Blind rounds need a PIN for every labeler; leads always have a passphrase. */
export const canLabelBlind = (p: ProfileDetails) => p.role === 'lead' || p.hasSecret;

/**
 * The round form's labeler choice. People without a PIN are shown but cannot be picked:
 * anyone could sign in as them and read their work, so the round would not be blind (the
 * service refuses them too, with the same reason).
 */
export function LabelerPicker({
  people,
  chosen,
  onToggle,
}: {
  people: ProfileDetails[] | null;
  chosen: number[];
  onToggle: (id: number) => void;
}) {
  return (
    <fieldset className="round-form-section">
      <legend className="field-label">Labelers (two or more)</legend>
      <div className="round-labeler-picks">
        {people?.map((p) => {
          const allowed = canLabelBlind(p);
          const on = chosen.includes(p.id);
          return (
            <label
              key={p.id}
              className={`round-pick ${on ? 'is-on' : ''} ${allowed ? '' : 'is-disabled'}`}
              title={allowed ? undefined : `${p.name} has no PIN: set one on the People screen`}
            >
              <input
                type="checkbox"
                checked={on}
                disabled={!allowed && !on}
                onChange={() => onToggle(p.id)}
              />
              {p.name}
              {p.role === 'lead' && <span className="tag tag-muted">lead</span>}
              {!allowed && <span className="tag tag-warn">no PIN</span>}
            </label>
          );
        })}
        {people && people.length < 2 && (
          <span className="field-hint">Add labelers on the People screen first.</span>
        )}
      </div>
      {people?.some((p) => !canLabelBlind(p)) && (
        <span className="field-hint">
          Labelers without a PIN cannot take part: anyone could sign in as them and see their work.
          Set a PIN on the People screen.
        </span>
      )}
    </fieldset>
  );
}
