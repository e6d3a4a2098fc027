import { instructionsActions, useInstructionsStore } from './instructionsStore';

/** Every saved version, newest first; clicking one shows it read-only. */
export function VersionHistory() {
  const versions = useInstructionsStore((s) => s.versions);
  const latest = useInstructionsStore((s) => s.base?.version ?? null);
  const viewing = useInstructionsStore((s) => s.viewing?.version ?? null);
  return (
    <aside className="version-history" aria-label="Version history">
      <h3>History</h3>
      <ol>
        {versions.map((v) => {
          const active = viewing === v.version || (viewing === null && v.version === latest);
          return (
            <li key={v.version}>
              <button
                className={`version-item ${active ? 'is-active' : ''}`}
                onClick={() => void instructionsActions.viewVersion(v.version)}
              >
                <span className="version-item-head">
                  <strong>v{v.version}</strong>
                  {v.version === latest && <span className="tag tag-accent">current</span>}
                  <span className="muted version-item-classes">
                    {v.classCount} {v.classCount === 1 ? 'class' : 'classes'}
                  </span>
                </span>
                <span className="version-item-note">
                  {v.note || <em className="muted">no note</em>}
                </span>
                <span className="muted version-item-meta">
                  {v.author} · {new Date(v.createdAt).toLocaleString()}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
