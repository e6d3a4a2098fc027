import Database from 'better-sqlite3';

/**
 * better-sqlite3 is compiled against one Node ABI. `npm ci` builds it for Node (the CLI,
 * tests, `concord serve`); Electron needs a build for its own ABI. Probing once at start-up
 * turns a cryptic NODE_MODULE_VERSION error on the first project open into one clear
 * message with the fix. (sharp and onnxruntime-node use N-API and need no rebuild.)
 */
export function nativeModuleProblem(): string | null {
  try {
    new Database(':memory:').close();
    return null;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return [
      'The SQLite module (better-sqlite3) was built for Node.js, not for this Electron.',
      'Rebuild it for Electron with:  npx electron-builder install-app-deps',
      '(and back for the command line and tests with:  npm rebuild better-sqlite3)',
      '',
      message,
    ].join('\n');
  }
}
