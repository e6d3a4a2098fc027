// `npm run bench -- NAME [args]`: bundles bench/NAME.bench.ts with esbuild and runs it with
// node. Benchmarks print figures; they never pass or fail on timing.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMain, external } from './build-main.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const available = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
const [name, ...rest] = process.argv.slice(2);
const names = name ? [name] : available;
if (name && !available.includes(name)) {
  console.error(`Unknown benchmark "${name}". Available: ${available.join(', ')}`);
  process.exit(2);
}
await buildMain({ quiet: true }); // benchmarks that start workers need the bundled worker files
let failed = 0;
for (const n of names) {
  const outfile = path.join(root, 'dist', 'bench', `${n}.cjs`);
  await build({
    absWorkingDir: root,
    entryPoints: [`bench/${n}.bench.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: [...external, 'playwright-core', '@playwright/test', 'vite', 'esbuild'],
    logLevel: 'warning',
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  console.log(`\n== bench ${n} ==`);
  const r = spawnSync(process.execPath, ['--expose-gc', outfile, ...rest], {
    stdio: 'inherit',
    cwd: root,
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
