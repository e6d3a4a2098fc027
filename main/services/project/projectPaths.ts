import path from 'node:path';

export const PROJECT_EXTENSION = '.concord';

/**
 * Everything a project keeps besides its database lives in one folder beside the file:
 *   steel.concord
 *   steel.concord-data/assets/   copied-in assets
 *   steel.concord-data/cache/    thumbnails, display images, audio peaks (rebuildable)
 */
export function dataDirFor(projectPath: string): string {
  const dir = path.dirname(projectPath);
  const stem = path.basename(projectPath, PROJECT_EXTENSION);
  return path.join(dir, `${stem}.concord-data`);
}

export function withProjectExtension(p: string): string {
  return p.endsWith(PROJECT_EXTENSION) ? p : `${p}${PROJECT_EXTENSION}`;
}

/** Relative path with '/' separators, as stored in the database on every OS. */
export function toStoredRelPath(projectDir: string, absolute: string): string {
  return path.relative(projectDir, absolute).split(path.sep).join('/');
}

export function fromStoredRelPath(projectDir: string, rel: string): string {
  return path.resolve(projectDir, ...rel.split('/'));
}
