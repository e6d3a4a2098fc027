import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../transport/dispatch';
import { createServices } from '../appServices';
import type { Services } from '../appServices';

let dir: string;
let services: Services;
const ctx = { sessionKey: 'tab', transport: 'http' as const };
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-create-'));
  services = createServices({ appDataDir: path.join(dir, 'app'), transport: 'http' });
});
afterEach(() => {
  services.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
});

const create = (p: string) =>
  dispatch(services.handlers, 'project:create', { path: p, name: 'x' }, ctx);

describe('project:create refuses paths that are not a project file name', () => {
  it('refuses a folder path ending in a separator instead of making a hidden ".concord"', async () => {
    const res = await create(`${dir}${path.sep}`);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!res.ok && res.error.message).toContain(
      `is a folder path; choose a file name, e.g. ${path.join(dir, 'steel.concord')}`,
    );
    expect(fs.existsSync(path.join(dir, '.concord'))).toBe(false);
  });

  it('refuses the name of an existing folder', async () => {
    fs.mkdirSync(path.join(dir, 'x'));
    const res = await create(path.join(dir, 'x'));
    expect(!res.ok && res.error.message).toMatch(/x is an existing folder; choose a file name/);
    expect(fs.existsSync(path.join(dir, 'x.concord'))).toBe(false);
  });

  it('refuses a relative path over the API, since the server cwd means nothing to the caller', async () => {
    const res = await create('relative.concord');
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!res.ok && res.error.message).toMatch(/"relative\.concord" is not an absolute path/);
    expect(fs.existsSync(path.resolve('relative.concord'))).toBe(false);
  });

  it('still creates a project from an absolute file name', async () => {
    const res = await create(path.join(dir, 'steel'));
    expect(res).toMatchObject({ ok: true, value: { path: path.join(dir, 'steel.concord') } });
  });
});
