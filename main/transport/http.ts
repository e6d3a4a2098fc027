import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { AppError } from '../../shared/api/envelope';
import type { Envelope } from '../../shared/api/envelope';
import type { Services } from '../services/appServices';
import { assetResponse, parseAssetPath } from './assetProtocol';
import { dispatch } from './dispatch';
import type { FileResponse } from './fileResponse';
import { rendererResponse } from './staticFiles';
import { parseTilePath, tileResponse } from './tileRoute';

export interface HttpServerOptions {
  services: Services;
  /** Built renderer (dist/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a random one per run otherwise. */
  token?: string;
}

export interface HttpServer {
  url: string;
  /** The URL to open in a browser: carries the token once, then a cookie takes over. */
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

// Cookies are not port-scoped: two `concord serve` on 127.0.0.1 would overwrite each
// other's cookie (logging the first tab out) if they shared a name.
const cookieName = (port: number) => `concord_token_${port}`;
const MAX_BODY = 16 * 1024 * 1024;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: http.IncomingMessage, name: string): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } } satisfies Envelope<never> | object);
}

/** Writes a FileResponse; a file that vanishes mid-stream ends the response, not the process. */
function sendFile(res: http.ServerResponse, r: FileResponse): void {
  res.writeHead(r.status, r.headers);
  if (!r.filePath) {
    res.end(r.body);
    return;
  }
  const stream = fs.createReadStream(r.filePath, r.range);
  stream.on('error', (e) => {
    console.error(`[concord] reading ${r.filePath} failed`, e);
    res.destroy();
  });
  stream.pipe(res);
}

/** Beyond this much, an oversized body is cut off instead of drained (the client gets a reset). */
const MAX_DRAIN = 256 * 1024 * 1024;

class BodyTooLarge extends AppError {
  constructor() {
    super('INVALID_INPUT', `Request body is larger than ${MAX_BODY} bytes`);
  }
}

/**
 * Reads the body. An oversized one is still read to its end (and thrown away) before the
 * error is raised: answering while the client is still sending makes the kernel reset the
 * connection, and the client then never sees the 413 and its JSON error.
 */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_DRAIN) {
        reject(new BodyTooLarge());
        req.destroy();
      } else if (size <= MAX_BODY) chunks.push(c);
      else chunks.length = 0; // drain: keep reading, keep nothing
    });
    req.on('end', () => {
      if (size > MAX_BODY) reject(new BodyTooLarge());
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/**
 * The loopback transport: the built renderer and the same contract as IPC, on 127.0.0.1
 * only, behind a random per-run token. It lets the whole app run in a plain browser (and
 * in Playwright) with exactly the services and validation Electron uses.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { services } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const sse = new Set<http.ServerResponse>();

  const unsubscribe = services.bus.subscribe((name, payload) => {
    const frame = `event: message\ndata: ${JSON.stringify({ name, payload })}\n\n`;
    for (const res of sse) res.write(frame);
  });

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const isAuthorized = (req: http.IncomingMessage, url: URL): boolean => {
    const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '');
    const candidate = bearer ?? cookieToken(req, cookieName(port)) ?? url.searchParams.get('token');
    return candidate !== null && safeEqual(candidate, token);
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e) => {
      console.error('[concord] http handler failed', e);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Internal error');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS-rebinding guard: a page on another origin that resolves to 127.0.0.1 still
    // sends its own Host header.
    if (!allowedHosts().has(req.headers.host ?? '')) {
      sendError(res, 403, 'FORBIDDEN', 'Unexpected Host header');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const origin = req.headers.origin;
    if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      sendError(res, 403, 'FORBIDDEN', 'Cross-origin requests are not allowed');
      return;
    }

    // First visit with ?token=: trade it for an HttpOnly cookie and drop it from the URL.
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && queryToken !== null) {
      if (!safeEqual(queryToken, token)) {
        sendError(
          res,
          401,
          'UNAUTHENTICATED',
          'Wrong token. Open the URL printed by `concord serve`.',
        );
        return;
      }
      res.writeHead(302, {
        'set-cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: '/',
        'cache-control': 'no-store',
      });
      res.end();
      return;
    }

    if (!isAuthorized(req, url)) {
      if (url.pathname.startsWith('/api/')) {
        sendError(
          res,
          401,
          'UNAUTHENTICATED',
          'Missing or wrong token. Open the URL printed by `concord serve`.',
        );
      } else {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Concord: open the URL printed by `concord serve` (it carries the access token).');
      }
      return;
    }

    if (url.pathname.startsWith('/api/invoke/')) {
      if (req.method !== 'POST') {
        sendError(res, 405, 'INVALID_INPUT', 'Use POST for /api/invoke');
        return;
      }
      let channel: string;
      let input: unknown;
      try {
        channel = decodeURIComponent(url.pathname.slice('/api/invoke/'.length));
      } catch {
        sendError(res, 400, 'UNKNOWN_CHANNEL', 'Malformed channel name in the URL');
        return;
      }
      try {
        const text = await readBody(req);
        input = text.length ? JSON.parse(text) : {};
      } catch (e) {
        if (e instanceof BodyTooLarge) {
          res.setHeader('connection', 'close');
          sendError(res, 413, 'INVALID_INPUT', e.message);
          return;
        }
        const message =
          e instanceof AppError
            ? e.message
            : `Request body is not valid JSON: ${(e as Error).message}`;
        sendError(res, 400, 'INVALID_INPUT', message);
        return;
      }
      const sessionHeader = req.headers['x-concord-session'];
      const sessionKey =
        typeof sessionHeader === 'string' && sessionHeader.length >= 8
          ? sessionHeader
          : 'http-anonymous';
      const envelope = await dispatch(services.handlers, channel, input, {
        sessionKey,
        transport: 'http',
      });
      sendJson(res, 200, envelope);
      return;
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sse.add(res);
      req.on('close', () => sse.delete(res));
      return;
    }

    const tile = req.method === 'GET' ? parseTilePath(url.pathname) : null;
    if (tile) {
      sendFile(res, await tileResponse(services.host.current, tile));
      return;
    }

    // Every /files/ URL is an asset request: one that does not parse (non-numeric id,
    // unknown variant, extra segments) is refused, never passed on to the static files.
    if (url.pathname.startsWith('/files/') && req.method === 'GET') {
      const range = req.headers.range;
      sendFile(
        res,
        await assetResponse(services.host.current, parseAssetPath(url.pathname), { range }),
      );
      return;
    }

    if (req.method === 'GET') {
      sendFile(res, await rendererResponse(options.rendererDir, url.pathname));
      return;
    }
    sendError(res, 404, 'NOT_FOUND', `No route for ${req.method} ${url.pathname}`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const res of sse) res.end();
      sse.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
