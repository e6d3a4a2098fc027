import fs from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { Services } from '../services/appServices';
import { assetProtocolResponse } from '../transport/assetProtocol';
import type { FileResponse } from '../transport/fileResponse';
import { APP_ORIGIN, APP_SCHEME, ASSET_SCHEME } from '../transport/schemes';
import { appProtocolResponse } from '../transport/staticFiles';

/**
 * Must run before `app.ready`. Both schemes are standard (real origins, relative URLs)
 * and secure (a secure context, like https). The asset scheme streams (media seeking) and
 * is CORS-enabled so the app page may fetch() peaks from it.
 */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
    {
      scheme: ASSET_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        stream: true,
        corsEnabled: true,
      },
    },
  ]);
}

/** A FileResponse (decided by the pure, tested transport code) as a fetch Response. */
function toResponse(r: FileResponse, extraHeaders: Record<string, string> = {}): Response {
  const init = { status: r.status, headers: { ...r.headers, ...extraHeaders } };
  if (r.filePath) {
    const stream = fs.createReadStream(r.filePath, r.range);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, init);
  }
  return new Response(r.body ? new Uint8Array(r.body) : null, init);
}

/** Serves the renderer and the open project's assets; never file://. */
export function handleProtocols(services: Services, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405 });
    return toResponse(await appProtocolResponse(rendererDir, request.url));
  });
  protocol.handle(ASSET_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405 });
    const r = await assetProtocolResponse(services.host.current, request.url, {
      range: request.headers.get('range'),
    });
    // Only the app's own pages may read assets with fetch(); <img>/<audio> need no CORS.
    return toResponse(r, { 'access-control-allow-origin': APP_ORIGIN, vary: 'origin' });
  });
}
