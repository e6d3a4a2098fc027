import type { ImportResult, Job } from '../../../../shared/api/schemas/assets';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { baseName } from '../../lib/pathCrumbs';

/** The end of an import: what came in, what was skipped, and each failure with its reason. */
export function ImportSummary({ job, result }: { job: Job; result: ImportResult | null }) {
  return (
    <div className="import-summary">
      {job.total > 0 && <ProgressBar done={job.done} total={job.total} label="Import progress" />}
      {job.status === 'failed' && (
        <ErrorNotice
          message={`The import stopped: ${job.error ?? 'unknown error'}. Files imported before it stopped are kept.`}
        />
      )}
      {job.status === 'cancelled' && (
        <div className="notice notice-warn" role="status">
          <Icon name="alert" className="notice-icon" />
          <div className="notice-text">
            Cancelled. Every file imported before you cancelled is kept.
          </div>
        </div>
      )}
      {result && (
        <>
          <div className="import-stats" aria-label="Import summary">
            <Stat id="imported" value={result.imported} label="imported" tone="ok" />
            <Stat
              id="duplicates"
              value={result.duplicates}
              label="duplicates skipped"
              tone="neutral"
            />
            <Stat
              id="failed"
              value={result.failed.length}
              label="failed"
              tone={result.failed.length ? 'bad' : 'neutral'}
            />
          </div>
          {result.failed.length > 0 && (
            <section className="import-failures">
              <h3>Files that were not imported</h3>
              <table className="import-table" aria-label="Failed files">
                <thead>
                  <tr>
                    <th>File</th>
                    <th>Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {result.failed.map((f) => (
                    <tr key={f.path}>
                      <td className="import-failed-path" title={f.path}>
                        <span className="import-failed-name">{baseName(f.path)}</span>
                        <span className="import-failed-dir">{f.path}</span>
                      </td>
                      <td>{f.error}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {result.metadataWarnings.length > 0 && (
            <section className="import-failures">
              <h3>Metadata CSV warnings</h3>
              <ul className="import-warnings" aria-label="Metadata warnings">
                {result.metadataWarnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}

interface StatProps {
  id: string;
  value: number;
  label: string;
  tone: 'ok' | 'bad' | 'neutral';
}

function Stat({ id, value, label, tone }: StatProps) {
  return (
    <div className={`import-stat import-stat-${tone}`} data-testid={`import-${id}`}>
      <span className="import-stat-value">{value.toLocaleString('en-US')}</span>
      <span className="import-stat-label">{label}</span>
    </div>
  );
}
