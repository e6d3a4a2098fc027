import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';
import { parseRange } from './fileResponse';
import { appProtocolResponse, rendererResponse } from './staticFiles';

let dir: string;
let root: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-static-'));
  root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Concord</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  // A sibling of the renderer folder: what a traversal would try to read.
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'top secret');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('rendererResponse', () => {
  it('serves index.html for / with the CSP and framing headers', async () => {
    const r = await rendererResponse(root, '/');
    expect(r.status).toBe(200);
    expect(r.filePath).toBe(path.join(root, 'index.html'));
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['content-type']).toMatch(/^text\/html/);
  });

  it('serves built files with their type and falls back to index.html for client routes', async () => {
    const js = await rendererResponse(root, '/assets/app.js');
    expect(js.filePath).toBe(path.join(root, 'assets', 'app.js'));
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['content-security-policy']).toBeUndefined();
    expect((await rendererResponse(root, '/projects/recent')).filePath).toBe(
      path.join(root, 'index.html'),
    );
    expect((await rendererResponse(root, '/assets/missing.js')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2F%2FABSOLUTE', // the secret's absolute path, URL-encoded
  ])('never leaves the renderer folder: %s', async (p) => {
    const url = p.replace('ABSOLUTE', encodeURIComponent(path.join(dir, 'secret.txt')));
    const r = await rendererResponse(root, url);
    expect(r.status).toBe(404);
    expect(r.filePath).toBeUndefined();
  });

  it('answers 400 to malformed escapes and NUL bytes', async () => {
    expect((await rendererResponse(root, '/%E0%A4%A')).status).toBe(400);
    expect((await rendererResponse(root, '/index.html%00.js')).status).toBe(400);
  });

  it('says how to build when the renderer is missing', async () => {
    const r = await rendererResponse(path.join(dir, 'nothing-here'), '/');
    expect(r.status).toBe(500);
    expect(r.body?.toString()).toMatch(/npm run build/);
  });
});

describe('appProtocolResponse', () => {
  it('serves concord-app://app/index.html and refuses other hosts', async () => {
    expect((await appProtocolResponse(root, 'concord-app://app/index.html')).status).toBe(200);
    expect((await appProtocolResponse(root, 'concord-app://evil/index.html')).status).toBe(404);
    expect((await appProtocolResponse(root, 'concord-app://app/..%2fsecret.txt')).status).toBe(404);
    const normalised = await appProtocolResponse(root, 'concord-app://app/../../secret.txt');
    expect(normalised.status).toBe(404);
  });
});

describe('parseRange', () => {
  it('reads single ranges and ignores what it cannot honour', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-2', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
    expect(parseRange(undefined, 1000)).toBeNull();
  });
});
