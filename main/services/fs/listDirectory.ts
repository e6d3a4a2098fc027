import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DirEntry, DirListing } from '../../../shared/api/schemas/project';
import { AppError } from '../../../shared/api/envelope';

/**
 * Lists one folder for the in-app file chooser. The app runs on the user's own machine
 * (main process or a loopback server guarded by a token), so this sees what the user sees.
 */
export function listDirectory(dir: string | undefined, showHidden = false): DirListing {
  const target = path.resolve(dir ?? os.homedir());
  let names: fs.Dirent[];
  try {
    names = fs.readdirSync(target, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `Folder not found: ${target}`);
    if (code === 'ENOTDIR')
      throw new AppError('INVALID_INPUT', `${target} is a file, not a folder`);
    throw new AppError('FORBIDDEN', `Cannot read folder ${target}: ${(e as Error).message}`);
  }
  const entries: DirEntry[] = [];
  for (const d of names) {
    if (!showHidden && d.name.startsWith('.')) continue;
    const full = path.join(target, d.name);
    let kind: 'dir' | 'file' | null = d.isDirectory() ? 'dir' : d.isFile() ? 'file' : null;
    let bytes: number | null = null;
    if (d.isSymbolicLink() || kind === 'file') {
      try {
        const st = fs.statSync(full);
        kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : null;
        bytes = st.isFile() ? st.size : null;
      } catch {
        kind = null; // dangling link
      }
    }
    if (kind) entries.push({ name: d.name, path: full, kind, bytes });
  }
  entries.sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1,
  );
  const parent = path.dirname(target);
  return { dir: target, parent: parent === target ? null : parent, entries };
}
