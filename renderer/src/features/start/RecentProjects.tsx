import { Icon } from '../../components/Icon';
import { formatWhen } from '../../lib/format';
import { sessionActions, useSessionStore } from '../../stores/sessionStore';

export function RecentProjects() {
  const recent = useSessionStore((s) => s.recent);
  const busy = useSessionStore((s) => s.busy);
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent projects</h2>
      {recent.length === 0 ? (
        <p className="recent-empty muted">Projects you open or create appear here.</p>
      ) : (
        <ul className="recent-list">
          {recent.map((r) => (
            <li key={r.path} className={`recent-item ${r.exists ? '' : 'is-missing'}`}>
              <button
                className="recent-open"
                disabled={!r.exists || busy !== null}
                onClick={() => void sessionActions.openProject(r.path)}
                title={r.exists ? `Open ${r.path}` : `File not found: ${r.path}`}
              >
                <span className="recent-name">
                  {r.name}
                  {!r.exists && <span className="tag tag-muted">File not found</span>}
                </span>
                <span className="recent-path">{r.path}</span>
              </button>
              <span className="recent-when">{formatWhen(r.openedAt)}</span>
              <button
                className="btn btn-ghost btn-icon btn-sm"
                onClick={() => void sessionActions.forgetRecent(r.path)}
                aria-label={`Remove ${r.name} from recent projects`}
                title="Remove from this list (the file is not deleted)"
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
