import path from 'node:path';
import { PROJECT_EXTENSION } from '../services/project/projectPaths';

/**
 * The project file named on a command line (`concord path/to/steel.concord`, a file
 * manager's "Open with", or a second instance forwarding its argv), resolved against the
 * directory it was started in. Flags and other arguments (the executable, the app folder in
 * development) are skipped.
 */
export function projectFileFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    if (arg.toLowerCase().endsWith(PROJECT_EXTENSION)) return path.resolve(cwd, arg);
  }
  return null;
}
