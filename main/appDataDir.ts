import os from 'node:os';
import path from 'node:path';

/** Per-user state folder (recent projects, sample project). CONCORD_DATA_DIR overrides it. */
export function defaultAppDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CONCORD_DATA_DIR) return path.resolve(env.CONCORD_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Concord');
  if (process.platform === 'darwin')
    return path.join(home, 'Library', 'Application Support', 'Concord');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'concord');
}
