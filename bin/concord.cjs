#!/usr/bin/env node
// The `concord` command: the bundled CLI over the same services as the app.

// `concord ... | head` closes the pipe before all output is written. Stop quietly then, as
// Unix tools do, instead of dying with an EPIPE stack trace. Nothing is lost: every change
// to a project is its own transaction, and an interrupted import is recovered on next open.
// A closed stderr only silences messages; the command still ends with its own exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (!err || err.code !== 'EPIPE') throw err;
    if (stream === process.stdout) process.exit(process.exitCode ?? 0);
  });
}

// A CommonJS launcher: the bundle is CommonJS and must load synchronously.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../dist/main/cli.cjs')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
