import fs from 'node:fs';
import path from 'node:path';
import type { ImportFailure } from '../../../shared/api/schemas/assets';
import type { MediaFormat } from './mediaFormats';
import { formatFromName, supportedExtensions } from './mediaFormats';

export interface ScannedFile {
  absPath: string;
  /** Path relative to the folder it was found in ('/' separators), or the file name. */
  rootRel: string;
  /** Name of the imported folder, or null for a file named on its own. */
  rootName: string | null;
  format: MediaFormat;
}

export interface ScanResult {
  files: ScannedFile[];
  failures: ImportFailure[];
}

/**
 * Folders skipped while walking: hidden ones (.git, .cache) and project data folders
 * (*.concord-data), so importing a project's own folder never imports its thumbnails.
 */
function skipFolder(name: string): boolean {
  return name.startsWith('.') || name.endsWith('.concord-data') || name === 'node_modules';
}

function folderError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read the folder: permission denied';
  return `cannot read the folder: ${(e as Error).message}`;
}

/**
 * Expands the chosen paths into the files to import: folders recursively (files with other
 * extensions are ignored silently), files named explicitly must have a supported extension.
 * Symbolic links to files are followed; links to folders are not (no cycles).
 */
export async function scanPaths(paths: string[], signal?: AbortSignal): Promise<ScanResult> {
  const files: ScannedFile[] = [];
  const failures: ImportFailure[] = [];
  const seen = new Set<string>();
  const add = (f: ScannedFile) => {
    if (seen.has(f.absPath)) return;
    seen.add(f.absPath);
    files.push(f);
  };

  for (const given of paths) {
    const absPath = path.resolve(given);
    let st: fs.Stats;
    try {
      st = await fs.promises.stat(absPath);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      failures.push({
        path: absPath,
        error: code === 'ENOENT' ? 'not found' : folderError(e).replace('folder', 'path'),
      });
      continue;
    }
    if (st.isDirectory()) {
      await walk(absPath, '', path.basename(absPath), add, failures, signal);
    } else {
      const format = formatFromName(absPath);
      if (!format) {
        const ext = path.extname(absPath) || '(no extension)';
        failures.push({
          path: absPath,
          error: `unsupported file type ${ext}: Concord imports ${supportedExtensions.join(' ')}`,
        });
        continue;
      }
      add({ absPath, rootRel: path.basename(absPath), rootName: null, format });
    }
  }
  return { files, failures };
}

async function walk(
  dir: string,
  rel: string,
  rootName: string,
  add: (f: ScannedFile) => void,
  failures: ImportFailure[],
  signal?: AbortSignal,
): Promise<void> {
  if (signal?.aborted) return;
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (e) {
    failures.push({ path: dir, error: folderError(e) });
    return;
  }
  // Sorted, so the first of two identical files (the one kept) does not depend on the disk.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipFolder(entry.name)) await walk(abs, childRel, rootName, add, failures, signal);
      continue;
    }
    // Hidden files too: "._name.jpg" AppleDouble files from macOS are not images.
    if ((!entry.isFile() && !entry.isSymbolicLink()) || entry.name.startsWith('.')) continue;
    const format = formatFromName(entry.name);
    if (format) add({ absPath: abs, rootRel: childRel, rootName, format });
  }
}
