import fs from 'node:fs';
import path from 'node:path';

/** The built renderer: next to the bundled main (dist/main -> dist/renderer) or from the repo root. */
export function rendererDir(): string {
  const candidates = [
    path.resolve(__dirname, '..', 'renderer'),
    path.resolve(__dirname, '..', '..', 'dist', 'renderer'),
    path.resolve(process.cwd(), 'dist', 'renderer'),
  ];
  return candidates.find((c) => fs.existsSync(path.join(c, 'index.html'))) ?? candidates[0]!;
}
