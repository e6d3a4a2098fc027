import os from 'node:os';
import path from 'node:path';
import { EventBus } from './eventBus';
import { JobRegistry } from './jobs/jobRegistry';
import { ProjectHost } from './project/projectHost';
import { RecentProjects } from './project/recentProjects';
import type { Handlers } from '../transport/dispatch';
import { projectHandlers } from './project/projectHandlers';
import { assetHandlers } from './assets/assetHandlers';

export interface ServiceOptions {
  /** Per-user folder for app state (recent projects, the sample project). */
  appDataDir: string;
  transport: 'ipc' | 'http' | 'cli';
  /** Folder where new projects are suggested (defaults to ~/Concord). */
  defaultProjectDir?: string;
}

/** Everything a transport needs: the handler map, the event bus and the open project. */
export interface Services {
  handlers: Handlers;
  bus: EventBus;
  host: ProjectHost;
  jobs: JobRegistry;
  options: Required<ServiceOptions>;
  /** Cancels jobs and closes the project (checkpointing its WAL). */
  shutdown(): void;
}

export function createServices(options: ServiceOptions): Services {
  const opts: Required<ServiceOptions> = {
    defaultProjectDir: path.join(os.homedir(), 'Concord'),
    ...options,
  };
  const bus = new EventBus();
  const host = new ProjectHost();
  const jobs = new JobRegistry(bus);
  const recent = new RecentProjects(opts.appDataDir);
  const deps = { bus, host, jobs, recent, options: opts };
  const handlers: Handlers = {
    ...projectHandlers(deps),
    ...assetHandlers(deps),
  };
  return {
    handlers,
    bus,
    host,
    jobs,
    options: opts,
    shutdown() {
      jobs.cancelAll();
      host.close();
    },
  };
}

export type ServiceDeps = {
  bus: EventBus;
  host: ProjectHost;
  jobs: JobRegistry;
  recent: RecentProjects;
  options: Required<ServiceOptions>;
};
