import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { sessionActions, useSessionStore } from '../../stores/sessionStore';

/** The centred card the sign-in screens share, with the project's name and a way back. */
export function GateFrame({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
}) {
  const projectName = useSessionStore((s) => s.project?.name ?? '');
  const closeError = useSessionStore((s) => s.closeError);
  // A refusal seen on another screen (before switching user) is not this screen's news.
  useEffect(() => sessionActions.clearCloseError(), []);
  return (
    <div className="gate">
      <div className="gate-card">
        <div className="gate-head">
          <div className="brand-mark" aria-hidden="true">
            C
          </div>
          <div>
            <div className="gate-project">{projectName}</div>
            <h1 className="gate-title">{title}</h1>
          </div>
        </div>
        <p className="gate-subtitle">{subtitle}</p>
        {children}
        {closeError && (
          <ErrorNotice message={closeError} onDismiss={sessionActions.clearCloseError} />
        )}
        <div className="gate-foot">
          <button
            className="btn btn-ghost btn-sm"
            onClick={() => void sessionActions.closeProject()}
          >
            Close project
          </button>
        </div>
      </div>
    </div>
  );
}
