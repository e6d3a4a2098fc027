import { buildMain } from './build-main.mjs';

// Worker threads load bundled .cjs files, so tests that start workers need a fresh main build.
export default async function setup(): Promise<void> {
  await buildMain({ quiet: true });
}
