import { useShallow } from 'zustand/react/shallow';
import { runningJobs, useJobsStore } from '../../stores/jobsStore';
import { projectActions } from '../../stores/projectStore';
import { isLead, useProfileStore } from '../people/profileStore';

const verbs: Record<string, string> = {
  import: 'Importing',
  thumbnails: 'Making thumbnails',
  prelabel: 'Pre-labeling',
  export: 'Exporting',
};

/** A compact "Importing 120 / 500" pill while background work runs; clicking it shows the import. */
export function JobIndicator() {
  const job = useJobsStore(useShallow((s) => runningJobs(s.byId)[0]));
  // The import dialog (with its Cancel) is the lead's; labelers just see the progress.
  const lead = useProfileStore((s) => isLead(s.current));
  if (!job) return null;
  const pct = job.total > 0 ? Math.round((job.done / job.total) * 100) : null;
  return (
    <button
      className="job-pill"
      onClick={() => {
        if (job.kind !== 'import' || !lead) return;
        projectActions.setImportJob(job.id);
        projectActions.openImport();
      }}
      title={job.message || undefined}
    >
      <span className="spinner" />
      {verbs[job.kind] ?? job.kind}
      {job.total > 0 && (
        <span className="job-pill-count">
          {job.done.toLocaleString('en-US')} / {job.total.toLocaleString('en-US')}
          {pct !== null && ` (${pct}%)`}
        </span>
      )}
    </button>
  );
}
