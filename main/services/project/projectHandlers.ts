import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../../transport/dispatch';
import type { ServiceDeps } from '../appServices';
import { listDirectory } from '../fs/listDirectory';
import { ensureSampleProject } from '../sample/sampleProject';
import { APP_VERSION, summarize } from './projectHost';

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

export function projectHandlers({ bus, host, recent, options }: ServiceDeps): Pick<Handlers, ProjectChannels> {
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
    'project:create': ({ path: filePath, name }) => {
      host.create(filePath, name);
      return opened();
    },
    'project:open': ({ path: filePath }) => {
      host.open(filePath);
      return opened();
    },
    'project:openSample': async () => {
      const samplePath = await ensureSampleProject(options.appDataDir);
      host.open(samplePath);
      return opened();
    },
    'project:current': () => host.summary(),
    'project:close': () => {
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
