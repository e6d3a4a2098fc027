import type { ReactNode } from 'react';
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
