/**
 * Paths in the renderer belong to the machine that runs the services (it may be Windows
 * or POSIX), so they are split with the separator app:info reports, never Node's path.
 */
export interface Crumb {
  label: string;
  path: string;
}

/** "/home/ana/data" -> [/, home, ana, data]; "C:\\a\\b" -> [C:\\, a, b]. */
export function pathCrumbs(dir: string, sep: string): Crumb[] {
  const crumbs: Crumb[] = [];
  if (sep === '/') {
    crumbs.push({ label: '/', path: '/' });
    let acc = '';
    for (const part of dir.split('/').filter(Boolean)) {
      acc += `/${part}`;
      crumbs.push({ label: part, path: acc });
    }
    return crumbs;
  }
  const parts = dir.split(/[\\/]/).filter(Boolean);
  const root = parts.shift();
  if (root === undefined) return crumbs;
  let acc = `${root}${sep}`;
  crumbs.push({ label: acc, path: acc });
  for (const part of parts) {
    acc = acc.endsWith(sep) ? `${acc}${part}` : `${acc}${sep}${part}`;
    crumbs.push({ label: part, path: acc });
  }
  return crumbs;
}

export function joinPath(dir: string, name: string, sep: string): string {
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

export function parentPath(p: string, sep: string): string | null {
  const crumbs = pathCrumbs(p, sep);
  return crumbs.length >= 2 ? crumbs[crumbs.length - 2]!.path : null;
}

export function baseName(p: string): string {
  const parts = p.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? p;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** A project name made safe as a file name (keeps spaces and letters, drops separators). */
export function fileNameFor(projectName: string): string {
  const cleaned = [...projectName.trim()]
    .map((ch) => (ch.charCodeAt(0) < 32 ? '-' : ch))
    .join('')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/^\.+/, '')
    .replace(/\s+/g, ' ');
  return cleaned.length > 0 ? cleaned.slice(0, 120) : 'project';
}
