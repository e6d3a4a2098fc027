import { useEffect, useState } from 'react';
import { ImportResult } from '../../../../shared/api/schemas/assets';
import type { ImportMode } from '../../../../shared/api/schemas/assets';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { jobActions, useJob } from '../../stores/jobsStore';
import { projectActions, useProjectStore } from '../../stores/projectStore';
import { errorMessage } from '../../stores/sessionStore';
import type { ImportSource } from './ImportSetup';
import { ImportSetup } from './ImportSetup';
import { ImportSummary } from './ImportSummary';
import './import.css';

/**
 * Import in three steps on one dialog: choose (files, folders, mode, CSV) -> progress (live
 * from job:updated, cancellable) -> summary (imported, duplicates, every failure and why).
 * Closing while it runs only hides the dialog; the header pill brings it back.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const jobId = useProjectStore((s) => s.importJobId);
  const job = useJob(jobId);
  const [sources, setSources] = useState<ImportSource[]>([]);
  const [mode, setMode] = useState<ImportMode>('reference');
  const [csv, setCsv] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Events may outrun the answer that carries the job id; read the job once to catch up,
  // then poll gently while it runs in case the event stream drops.
  const running = job === undefined || job.status === 'running';
  useEffect(() => {
    if (!jobId || !running) return;
    const refresh = () => void jobActions.refresh(jobId).catch(() => undefined);
    refresh();
    const timer = setInterval(refresh, 2000);
    return () => clearInterval(timer);
  }, [jobId, running]);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const { jobId: id } = await api.invoke('assets:import', {
        paths: sources.map((s) => s.path),
        mode,
        ...(csv ? { metadataCsv: csv } : {}),
      });
      projectActions.setImportJob(id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };

  const finish = () => {
    projectActions.setImportJob(null);
    onClose();
  };

  /** Back to the choices: cleared after a finished import, kept to retry a failed one. */
  const restart = (keep: boolean) => {
    projectActions.setImportJob(null);
    if (keep) return;
    setSources([]);
    setCsv(null);
  };

  if (jobId && (!job || job.status === 'running')) {
    const done = job?.done ?? 0;
    const total = job?.total ?? 0;
    return (
      <Dialog
        key="progress"
        title="Importing"
        onClose={onClose}
        width={560}
        footer={
          <>
            <button
              className="btn"
              onClick={onClose}
              title="The import keeps running; the header shows its progress"
            >
              Hide
            </button>
            <button
              className="btn btn-danger"
              onClick={() => void jobActions.cancel(jobId).catch(() => undefined)}
            >
              Cancel import
            </button>
          </>
        }
      >
        <div className="import-progress">
          <div className="import-progress-head">
            <span className="spinner" />
            <span className="import-progress-title">
              {total > 0 ? (
                <>
                  <b className="import-count">{done.toLocaleString('en-US')}</b> of{' '}
                  <b>{total.toLocaleString('en-US')}</b> files checked
                </>
              ) : (
                'Looking for images and audio…'
              )}
            </span>
            {total > 0 && <span className="import-pct">{Math.floor((done / total) * 100)}%</span>}
          </div>
          <ProgressBar done={done} total={total} label="Import progress" />
          <div className="import-progress-msg muted">{job?.message || '\u00a0'}</div>
          <p className="field-hint">
            Cancelling keeps every file imported so far. You can hide this window and keep working.
          </p>
        </div>
      </Dialog>
    );
  }

  if (jobId && job) {
    const parsed = ImportResult.safeParse(job.result);
    return (
      <Dialog
        title={
          job.status === 'cancelled'
            ? 'Import cancelled'
            : job.status === 'failed'
              ? 'Import failed'
              : 'Import finished'
        }
        onClose={finish}
        width={720}
        footer={
          <>
            <button className="btn" onClick={() => restart(job.status === 'failed')}>
              {job.status === 'failed' ? 'Try again…' : 'Import more…'}
            </button>
            <button className="btn btn-primary" onClick={finish} data-autofocus>
              Done
            </button>
          </>
        }
      >
        <ImportSummary job={job} result={parsed.success ? parsed.data : null} />
      </Dialog>
    );
  }

  return (
    <Dialog
      key="setup"
      title="Import images and audio"
      onClose={onClose}
      width={680}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            className="btn btn-primary"
            onClick={() => void start()}
            disabled={sources.length === 0 || starting}
          >
            {starting && <span className="spinner" />}
            Start import
          </button>
        </>
      }
    >
      <ImportSetup
        sources={sources}
        onSources={setSources}
        mode={mode}
        onMode={setMode}
        csv={csv}
        onCsv={setCsv}
      />
      {error && (
        <div className="import-error">
          <ErrorNotice message={error} onDismiss={() => setError(null)} />
        </div>
      )}
    </Dialog>
  );
}
