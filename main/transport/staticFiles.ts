import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';
import type { FileResponse } from './fileResponse';
import { errorResponse, fileResponse, isInside } from './fileResponse';
import { APP_HOST, APP_SCHEME } from './schemes';
import { staticMime } from './staticMime';

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * Maps a URL path to a file of the built renderer. Confined to `rendererDir`: "..",
 * encoded separators, absolute paths and NUL bytes never leave it. Paths without an
 * extension fall back to index.html (client-side routes); HTML gets the app's CSP.
 */
export async function rendererResponse(
  rendererDir: string,
  pathname: string,
): Promise<FileResponse> {
  const root = path.resolve(rendererDir);
  let rel: string;
  try {
    rel = decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return errorResponse(400, 'INVALID_INPUT', 'Malformed URL path');
  }
  if (rel.includes('\0')) return errorResponse(400, 'INVALID_INPUT', 'Malformed URL path');
  if (rel === '') rel = 'index.html';
  const file = path.resolve(root, rel);
  if (!isInside(root, file)) return errorResponse(404, 'NOT_FOUND', 'Not found');

  let target = file;
  if (!(await isFile(target))) {
    if (path.extname(rel) && rel !== 'index.html')
      return errorResponse(404, 'NOT_FOUND', `Not found: ${pathname}`);
    target = path.join(root, 'index.html');
    if (!(await isFile(target))) {
      return {
        status: 500,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
        body: Buffer.from(
          `Concord: the renderer is not built (${target} is missing). Run \`npm run build\`.`,
        ),
      };
    }
  }
  const isHtml = target.endsWith('.html');
  const headers: Record<string, string> = {
    'content-type': staticMime(target),
    'cache-control': isHtml ? 'no-store' : 'private, max-age=600',
  };
  if (isHtml) {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['x-frame-options'] = 'DENY';
    headers['referrer-policy'] = 'no-referrer';
  }
  return fileResponse(target, headers);
}

/** The `concord-app://app/...` protocol: only the app host, then the same confinement. */
export async function appProtocolResponse(rendererDir: string, url: string): Promise<FileResponse> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return errorResponse(400, 'INVALID_INPUT', 'Malformed URL');
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) {
    return errorResponse(404, 'NOT_FOUND', `Not an app URL: ${url}`);
  }
  return rendererResponse(rendererDir, u.pathname);
}
