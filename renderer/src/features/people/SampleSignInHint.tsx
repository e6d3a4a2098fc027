import type { ProfileListItem } from '../../../../shared/api/schemas/identity';
import { sampleSignIns } from '../../../../shared/domain/sampleCredentials';

/**
 * On the sample project's "Who is working?": who to sign in as and what to type. The sample
 * is a playground, so its secrets are no secret, and without them a newcomer could not try
 * the lead's screens at all. Only profiles the project really has are listed, and a secret
 * only where that profile asks for one (a sample made by an older Concord may have none).
 */
export function SampleSignInHint({ profiles }: { profiles: readonly ProfileListItem[] }) {
  const rows = sampleSignIns().flatMap((s) => {
    const p = profiles.find((x) => x.name === s.name && x.role === s.role);
    return p ? [{ ...s, secret: p.hasSecret ? s.secret : null }] : [];
  });
  if (rows.length === 0) return null;
  return (
    <aside className="sample-hint" aria-label="Sample sign-in">
      <p className="sample-hint-title">This is the sample project. Sign in as any of:</p>
      <ul className="sample-hint-list">
        {rows.map((p) => {
          const kind = p.role === 'lead' ? 'passphrase' : 'PIN';
          return (
            <li key={p.name}>
              <strong>{p.name}</strong>
              <span className="sample-hint-role">{p.role}</span>
              <span className="sample-hint-secret">
                {p.secret === null ? (
                  `no ${kind}`
                ) : (
                  <>
                    {kind} <code>{p.secret}</code>
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
