import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/api/envelope';
import type { Handlers } from '../../transport/dispatch';
import type { ServiceDeps } from '../appServices';
import { listDirectory } from '../fs/listDirectory';
import { ensureSampleProject, SAMPLE_DIR, SAMPLE_PROJECT_FILE } from '../sample/sampleProject';
import { APP_VERSION, summarize } from './projectHost';
import { assertMayLeaveProject, isOpenAlready } from './projectPolicy';

type ProjectChannels =
  | 'app:info'
  | 'project:create'
  | 'project:open'
  | 'project:openSample'
  | 'project:current'
  | 'project:close'
  | 'project:recent'
  | 'project:forgetRecent'
  | 'fs:list';

export function projectHandlers({
  bus,
  host,
  recent,
  options,
  sessions,
}: ServiceDeps): Pick<Handlers, ProjectChannels> {
  const opened = () => {
    const p = host.require();
    const summary = summarize(p);
    recent.touch(p.path, summary.name);
    bus.emit('project:changed', summary);
    return summary;
  };
  return {
    'app:info': (_input, ctx) => ({
      version: APP_VERSION,
      transport: ctx.transport === 'ipc' ? 'ipc' : 'http',
      platform: process.platform,
      defaultProjectDir: options.defaultProjectDir,
      homeDir: os.homedir(),
      pathSeparator: path.sep,
    }),
    // Closing or switching the project signs every window out: see projectPolicy.ts.
    'project:create': ({ path: filePath, name }, ctx) => {
      // The server's working directory means nothing to the person in the browser; the CLI
      // resolves relative paths against its own cwd before it gets here.
      if (!path.isAbsolute(filePath))
        throw new AppError(
          'INVALID_INPUT',
          `"${filePath}" is not an absolute path; give the full path, e.g. ${path.join(options.defaultProjectDir, 'steel.concord')}`,
        );
      assertMayLeaveProject(host, sessions, ctx, 'switch');
      host.create(filePath, name);
      return opened();
    },
    'project:open': ({ path: filePath }, ctx) => {
      if (!isOpenAlready(host, filePath)) assertMayLeaveProject(host, sessions, ctx, 'switch');
      host.open(filePath);
      return opened();
    },
    'project:openSample': async (_input, ctx) => {
      const check = () => {
        if (!isOpenAlready(host, path.join(options.appDataDir, SAMPLE_DIR, SAMPLE_PROJECT_FILE)))
          assertMayLeaveProject(host, sessions, ctx, 'switch');
      };
      check();
      const samplePath = await ensureSampleProject(options.appDataDir);
      // Generating the sample can take a while; somebody may have opened a project meanwhile.
      check();
      host.open(samplePath);
      return opened();
    },
    'project:current': () => host.summary(),
    'project:close': (_input, ctx) => {
      assertMayLeaveProject(host, sessions, ctx, 'close');
      host.close();
      bus.emit('project:changed', null);
      return null;
    },
    'project:recent': () => recent.list(),
    'project:forgetRecent': ({ path: filePath }) => {
      recent.forget(filePath);
      return null;
    },
    'fs:list': ({ dir, showHidden }) => listDirectory(dir, showHidden),
  };
}
