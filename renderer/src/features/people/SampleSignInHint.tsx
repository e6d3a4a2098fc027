import { sampleSignIns } from '../../../../shared/domain/sampleCredentials';

/**
 * On the sample project's "Who is working?": who to sign in as and what to type. The sample
 * is a playground, so its lead passphrase is no secret, and without it a newcomer could not
 * try the lead's screens at all.
 */
export function SampleSignInHint() {
  return (
    <aside className="sample-hint" aria-label="Sample sign-in">
      <p className="sample-hint-title">This is the sample project. Sign in as any of:</p>
      <ul className="sample-hint-list">
        {sampleSignIns().map((p) => (
          <li key={p.name}>
            <strong>{p.name}</strong>
            <span className="sample-hint-role">{p.role}</span>
            <span className="sample-hint-secret">
              {p.secret === null ? (
                p.role === 'lead' ? (
                  'no passphrase'
                ) : (
                  'no PIN'
                )
              ) : (
                <>
                  {p.role === 'lead' ? 'passphrase' : 'PIN'} <code>{p.secret}</code>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
