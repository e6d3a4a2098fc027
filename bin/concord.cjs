#!/usr/bin/env node
// The `concord` command: the bundled CLI over the same services as the app.
require('../dist/main/cli.cjs')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
