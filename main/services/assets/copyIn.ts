import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TEMP_PREFIX } from './importBatches';

/**
 * Copies a file into <dataDir>/assets/<wanted> under a name no other file has: first to a
 * temporary name in the target folder, then linked into place (link fails instead of
 * overwriting, so two imports can never clobber each other's copies). A crash leaves at most
 * a temporary file, which the next project open removes. Returns the final absolute path.
 *
 * `taken` says whether a path is already claimed by a row (a copy deleted from disk).
 */
export async function copyIntoProject(
  source: string,
  dataDir: string,
  wanted: string,
  taken: (absPath: string) => boolean,
): Promise<string> {
  const parts = wanted.split('/').filter((p) => p && p !== '.' && p !== '..');
  const fileName = parts.pop() ?? path.basename(source);
  const dir = path.join(dataDir, 'assets', ...parts);
  await fs.promises.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
  await fs.promises.copyFile(source, tmp, fs.constants.COPYFILE_FICLONE);
  const ext = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  try {
    for (let n = 1; n < 100_000; n++) {
      const candidate = path.join(dir, n === 1 ? fileName : `${stem}-${n}${ext}`);
      if (taken(candidate)) continue;
      if (await claim(tmp, candidate)) return candidate;
    }
    throw new Error(`no free file name for ${fileName} in ${dir}`);
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
}

/** Moves tmp to target unless target exists. */
async function claim(tmp: string, target: string): Promise<boolean> {
  try {
    await fs.promises.link(tmp, target);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS')
      throw e;
  }
  // File systems without hard links (FAT, some network shares): check, then rename.
  if (fs.existsSync(target)) return false;
  await fs.promises.rename(tmp, target);
  return true;
}
