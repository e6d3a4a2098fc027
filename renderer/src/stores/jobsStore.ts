import { create } from 'zustand';
import type { Job } from '../../../shared/api/schemas/assets';
import { api } from '../api/client';

interface JobsState {
  byId: Record<string, Job>;
}

export const useJobsStore = create<JobsState>(() => ({ byId: {} }));

function upsert(job: Job): void {
  useJobsStore.setState((s) => ({ byId: { ...s.byId, [job.id]: job } }));
}

/** Follows job:updated events; every job any window started shows up here. */
export function startJobs(): () => void {
  const off = api.on('job:updated', upsert);
  void api
    .invoke('jobs:list', {})
    .then((jobs) => jobs.forEach(upsert))
    .catch(() => undefined);
  return off;
}

export const jobActions = {
  upsert,
  /** Reads a job directly, for when its events raced the call that started it. */
  async refresh(jobId: string): Promise<void> {
    upsert(await api.invoke('jobs:get', { jobId }));
  },
  cancel: (jobId: string) => api.invoke('jobs:cancel', { jobId }),
};

export const useJob = (jobId: string | null): Job | undefined =>
  useJobsStore((s) => (jobId ? s.byId[jobId] : undefined));

/** The running jobs, for the header's activity indicator. */
export function runningJobs(byId: Record<string, Job>): Job[] {
  return Object.values(byId).filter((j) => j.status === 'running');
}
