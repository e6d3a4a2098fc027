import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';
import type { HttpServer } from './http';
import { startHttpServer } from './http';
import type { TransportWorld } from './transportTestKit';
import { createWorld, insertAssetRow } from './transportTestKit';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

let world: TransportWorld;
let server: HttpServer;
let rendererDir: string;

/** A raw HTTP request: node:http sends the path and Host exactly as given (fetch would normalise them). */
function request(
  rawPath: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    auth?: boolean;
  } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { host: `127.0.0.1:${server.port}`, ...options.headers };
  if (options.auth !== false) headers.authorization = `Bearer ${server.token}`;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: rawPath,
        method: options.method ?? 'GET',
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (channel: string, body: string) =>
  request(`/api/invoke/${channel}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });

const json = (r: Reply) =>
  JSON.parse(r.text) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };

beforeEach(async () => {
  world = createWorld('http');
  rendererDir = path.join(world.dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Concord</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(world.dir, 'secret.txt'), 'top secret');
  server = await startHttpServer({ services: world.services, rendererDir });
});
afterEach(async () => {
  await server.close();
  world.dispose();
});

describe('HTTP transport: access', () => {
  it('answers 401 without the token, on the API and on pages', async () => {
    const api = await request('/api/invoke/app:info', { method: 'POST', body: '{}', auth: false });
    expect(api.status).toBe(401);
    expect(json(api).error?.code).toBe('UNAUTHENTICATED');
    expect((await request('/', { auth: false })).status).toBe(401);
    const wrong = await request('/api/invoke/app:info', {
      method: 'POST',
      body: '{}',
      auth: false,
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
  });

  it('answers 403 to a foreign Host header (DNS rebinding)', async () => {
    const r = await request('/api/invoke/app:info', {
      method: 'POST',
      body: '{}',
      headers: { host: 'evil.example' },
    });
    expect(r.status).toBe(403);
    expect(json(r).error?.code).toBe('FORBIDDEN');
    const sameHostOtherPort = await request('/', {
      headers: { host: `127.0.0.1:${server.port + 1}` },
    });
    expect(sameHostOtherPort.status).toBe(403);
    expect((await request('/', { headers: { host: `localhost:${server.port}` } })).status).toBe(
      200,
    );
  });

  it('answers 403 to a cross-origin request, even with the token', async () => {
    for (const origin of ['http://evil.example', `https://127.0.0.1:${server.port}`, 'null']) {
      const r = await request('/api/invoke/app:info', {
        method: 'POST',
        body: '{}',
        headers: { origin },
      });
      expect(r.status).toBe(403);
    }
    const same = await request('/api/invoke/app:info', {
      method: 'POST',
      body: '{}',
      headers: { origin: `http://127.0.0.1:${server.port}` },
    });
    expect(json(same)).toMatchObject({ ok: true, value: { transport: 'http' } });
  });

  it('trades ?token= on / for an HttpOnly cookie and redirects to a clean URL', async () => {
    const r = await request(`/?token=${server.token}`, { auth: false });
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/');
    const cookie = r.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie.split(';')[0]!;
    expect(pair).toBe(`concord_token_${server.port}=${server.token}`);

    const page = await request('/', { auth: false, headers: { cookie: pair } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);

    expect((await request('/?token=wrong', { auth: false })).status).toBe(401);
  });
});

describe('HTTP transport: contract validation', () => {
  it('rejects a body that is not JSON with INVALID_INPUT', async () => {
    const r = await call('project:open', '{"path": ');
    expect(r.status).toBe(400);
    expect(json(r).error?.code).toBe('INVALID_INPUT');
    expect(json(r).error?.message).toMatch(/not valid JSON/);
  });

  it('rejects a schema-invalid payload with INVALID_INPUT naming the field', async () => {
    const r = await call(
      'project:create',
      JSON.stringify({ path: path.join(world.dir, 'a.concord'), name: '   ' }),
    );
    expect(json(r)).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Invalid input for project:create: name: name is empty',
      },
    });
    const wrongType = json(await call('project:open', JSON.stringify({ path: 7 })));
    expect(wrongType.error?.message).toMatch(/^Invalid input for project:open: path: /);
    expect(fs.existsSync(path.join(world.dir, 'a.concord'))).toBe(false);
  });

  it('rejects an unknown channel', async () => {
    const r = json(await call('project:drop', '{}'));
    expect(r.error).toEqual({ code: 'UNKNOWN_CHANNEL', message: 'Unknown channel "project:drop"' });
    expect(json(await call('%E0%A4%A', '{}')).error?.code).toBe('UNKNOWN_CHANNEL');
    expect((await request('/api/invoke/app:info')).status).toBe(405);
  });

  it('runs a valid call and pushes its event to /api/events', async () => {
    const events: string[] = [];
    const stream = await new Promise<http.IncomingMessage>((resolve) => {
      http
        .get(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/api/events',
            headers: { authorization: `Bearer ${server.token}` },
          },
          resolve,
        )
        .end();
    });
    stream.on('data', (c: Buffer) => events.push(c.toString()));
    const file = path.join(world.dir, 'steel.concord');
    const r = json(await call('project:create', JSON.stringify({ path: file, name: 'Steel' })));
    expect(r).toMatchObject({ ok: true, value: { name: 'Steel', path: file } });
    await expect.poll(() => events.join('')).toMatch(/"name":"project:changed".*"name":"Steel"/);
    stream.destroy();
  });
});

describe('HTTP transport: files', () => {
  it('serves index.html with the CSP header', async () => {
    const r = await request('/');
    expect(r.status).toBe(200);
    expect(r.text).toContain('<title>Concord</title>');
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
  ])('refuses static traversal %s', async (p) => {
    const r = await request(p);
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('top secret');
  });

  it('refuses asset requests for non-numeric ids, unknown ids and traversal', async () => {
    const project = world.createProject();
    const photo = path.join(project.dir, 'photo.png');
    fs.writeFileSync(photo, 'png bytes');
    const id = insertAssetRow(project, photo);

    for (const p of [
      '/files/asset/abc/thumb',
      '/files/asset/1abc/original',
      '/files/asset/..%2f..%2fsecret.txt/original',
      '/files/asset/%2e%2e/%2e%2e/secret.txt',
      `/files/asset/${id}/secret`,
      `/files/asset/${id}/original/extra`,
      '/files/secret.txt',
    ]) {
      const r = await request(p);
      expect(r.status, p).toBe(404);
      expect(r.headers['content-type'], p).toMatch(/^application\/json/);
      expect(r.text, p).not.toContain('top secret');
    }
    const unknown = await request('/files/asset/999/original');
    expect(unknown.status).toBe(404);
    expect(json(unknown).error).toEqual({
      code: 'NOT_FOUND',
      message: 'No asset with id 999 in this project',
    });
  });

  it('answers NO_PROJECT for assets when no project is open', async () => {
    const r = await request('/files/asset/1/thumb');
    expect(r.status).toBe(404);
    expect(json(r).error?.code).toBe('NO_PROJECT');
  });
});

describe('oversized request bodies', () => {
  it('answers 413 with the JSON envelope error instead of resetting the connection', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(17 * 1024 * 1024) });
    const reply = await call('project:current', body);
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    expect(json(reply)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Request body is larger than 16777216 bytes' },
    });
    // the server is fine afterwards
    expect((await call('project:current', '{}')).status).toBe(200);
  });
});
