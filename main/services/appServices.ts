import os from 'node:os';
import path from 'node:path';
import { EventBus } from './eventBus';
import { JobRegistry } from './jobs/jobRegistry';
import { ProjectHost } from './project/projectHost';
import { RecentProjects } from './project/recentProjects';
import type { Handlers } from '../transport/dispatch';
import { projectHandlers } from './project/projectHandlers';
import { assetHandlers } from './assets/assetHandlers';
import { SessionRegistry, requireActorWith } from './identity/sessionRegistry';
import type { RequireActor } from './identity/sessionRegistry';
import { identityHandlers } from './identity/identityHandlers';
import { instructionHandlers } from './instructions/instructionHandlers';
import { annotationHandlers } from './annotations/annotationHandlers';
import { roundHandlers } from './rounds/roundHandlers';
import { agreementHandlers } from './agreement/agreementHandlers';
import { workOverviewHandlers } from './annotations/workOverviewHandlers';
import { reportDamage } from './project/damageGuard';

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
  /** Who is signed in on which transport session. */
  sessions: SessionRegistry;
  /** Cancels jobs and closes the project (checkpointing its WAL). */
  shutdown(): void;
}

export function createServices(options: ServiceOptions): Services {
  const opts: Required<ServiceOptions> = {
    defaultProjectDir: path.join(os.homedir(), 'Concord'),
    ...options,
  };
  const bus = new EventBus();
  const host = new ProjectHost(opts.defaultProjectDir);
  const jobs = new JobRegistry(bus);
  const recent = new RecentProjects(opts.appDataDir);
  const sessions = new SessionRegistry(host);
  const deps = {
    bus,
    host,
    jobs,
    recent,
    options: opts,
    sessions,
    requireActor: requireActorWith(sessions),
  };
  const handlers: Handlers = {
    ...projectHandlers(deps),
    ...assetHandlers(deps),
    ...identityHandlers(deps),
    ...instructionHandlers(deps),
    ...annotationHandlers(deps),
    ...roundHandlers(deps),
    ...agreementHandlers(deps),
    ...workOverviewHandlers(deps),
  };
  return {
    handlers: reportDamage(host, handlers),
    bus,
    host,
    jobs,
    options: opts,
    sessions,
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
  sessions: SessionRegistry;
  /** The caller's signed-in profile, or UNAUTHENTICATED / FORBIDDEN with a clear message. */
  requireActor: RequireActor;
};
