// The two custom schemes of the Electron shell. They live here (no electron import) so the
// pure request handlers and their tests share one spelling with the shell.
//
//   concord-app://app/index.html          the built renderer (dist/renderer), confined
//   concord-asset://asset/<id>/<variant>  one project asset, looked up by id only
//
// Both are registered as standard + secure before `app.ready`, so the renderer gets a real
// origin (relative URLs, fetch, CSP 'self') without file:// and its ambient file access.

export const APP_SCHEME = 'concord-app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const ASSET_SCHEME = 'concord-asset';
export const ASSET_HOST = 'asset';

/**
 * True when `url` is a page of the app itself. Compared by scheme and host, not by
 * `URL.origin`: WHATWG URL reports the origin of non-special schemes as "null".
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
}
