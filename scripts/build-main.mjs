// Bundles the main-process entry points with esbuild. Native modules and Electron stay
// external: they are loaded from node_modules at run time (and unpacked from the asar by
// electron-builder), never inlined.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const external = ['electron', 'better-sqlite3', 'onnxruntime-node', 'sharp'];
// audio-decode lists an optional codec (@audio/decode-ape) that is not installed; keep its
// dynamic import external so the media worker bundles (APE files are never decoded).
external.push('@audio/decode-ape');

export const entries = {
  index: 'main/index.ts',
  preload: 'main/preload.ts',
  cli: 'main/cli/index.ts',
  'workers/media': 'main/workers/media.ts',
};

export async function buildMain({ quiet = false } = {}) {
  const started = Date.now();
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, v])),
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external,
    logLevel: quiet ? 'warning' : 'info',
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  if (!quiet) console.log(`main bundled in ${Date.now() - started} ms`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildMain();
}
