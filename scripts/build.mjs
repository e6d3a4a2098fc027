// Full build: main-process bundles (esbuild) and the renderer (Vite). Runs on `npm ci`
// through the `prepare` script, so `npm start` and `npx concord` work right after set-up.
import { build as viteBuild } from 'vite';
import { buildMain } from './build-main.mjs';

await buildMain({ quiet: true });
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('concord: built dist/main and dist/renderer');
