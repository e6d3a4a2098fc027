import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FileBrowserDialog } from '../../components/fileBrowser/FileBrowserDialog';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { runningJobs, useJobsStore } from '../../stores/jobsStore';
import { sessionActions, useSessionStore } from '../../stores/sessionStore';
import { NewProjectDialog } from './NewProjectDialog';
import { RecentProjects } from './RecentProjects';
import './start.css';

export function StartScreen() {
  const busy = useSessionStore((s) => s.busy);
  const error = useSessionStore((s) => s.error);
  const defaultDir = useSessionStore((s) => s.info?.defaultProjectDir);
  const [dialog, setDialog] = useState<'new' | 'open' | null>(null);

  return (
    <div className="start">
      <div className="start-column">
        <header className="start-hero">
          <div className="brand-mark" aria-hidden="true">
            C
          </div>
          <div>
            <h1>Concord</h1>
            <p className="start-purpose">
              Label defect images and audio so that two people agree: label blind, measure where you
              disagree, sharpen the instructions.
            </p>
          </div>
        </header>

        <section className="start-actions" aria-label="Get started">
          <button
            className="start-action start-action-primary"
            onClick={() => void sessionActions.openSample()}
            disabled={busy !== null}
          >
            {busy === 'sample' ? <span className="spinner" /> : <Icon name="sample" size={20} />}
            <span className="start-action-text">
              <span className="start-action-title">Open sample project</span>
              <span className="start-action-sub">
                Steel-surface images and speech clips to try Concord
              </span>
            </span>
          </button>
          <button
            className="start-action"
            onClick={() => {
              sessionActions.clearError();
              setDialog('new');
            }}
            disabled={busy !== null}
          >
            <Icon name="plus" size={20} />
            <span className="start-action-text">
              <span className="start-action-title">New project…</span>
              <span className="start-action-sub">An empty project file for your own data</span>
            </span>
          </button>
          <button
            className="start-action"
            onClick={() => setDialog('open')}
            disabled={busy !== null}
          >
            <Icon name="open" size={20} />
            <span className="start-action-text">
              <span className="start-action-title">Open project…</span>
              <span className="start-action-sub">A .concord file on this computer</span>
            </span>
          </button>
        </section>

        {busy === 'sample' && <SampleProgress />}
        {error && <ErrorNotice message={error} onDismiss={sessionActions.clearError} />}

        <RecentProjects />
      </div>

      {dialog === 'new' && <NewProjectDialog onClose={() => setDialog(null)} />}
      {dialog === 'open' && (
        <FileBrowserDialog
          title="Open project"
          choose="file"
          extensions={['concord']}
          initialDir={defaultDir}
          confirmLabel="Open"
          onCancel={() => setDialog(null)}
          onConfirm={([path]) => {
            setDialog(null);
            if (path) void sessionActions.openProject(path);
          }}
        />
      )}
    </div>
  );
}

/** The sample is generated on first use; show what is happening and, if a job reports it, how far. */
function SampleProgress() {
  const job = useJobsStore(useShallow((s) => runningJobs(s.byId)[0]));
  return (
    <div className="start-progress" role="status">
      <div className="start-progress-line">
        <span className="spinner" />
        <span>
          Preparing the sample project…{' '}
          <span className="muted">The first time, Concord generates it on this computer.</span>
        </span>
      </div>
      <ProgressBar
        done={job?.done ?? 0}
        total={job?.total ?? 0}
        label="Preparing the sample project"
      />
      {job?.message && <div className="muted start-progress-msg">{job.message}</div>}
    </div>
  );
}
