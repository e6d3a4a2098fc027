import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/envelope';
import type { IpcInvoke, IpcSender } from './ipcHandler';
import { createIpcInvoke } from './ipcHandler';
import type { TransportWorld } from './transportTestKit';
import { createWorld } from './transportTestKit';

const appWindow: IpcSender = { frameUrl: 'concord-app://app/index.html', webContentsId: 3 };

function failure(envelope: Envelope<unknown>) {
  expect(envelope.ok).toBe(false);
  if (envelope.ok) throw new Error('expected a failure');
  return envelope.error;
}

let world: TransportWorld;
let invoke: IpcInvoke;
beforeEach(() => {
  world = createWorld('ipc');
  invoke = createIpcInvoke(world.services.handlers);
});
afterEach(() => world.dispose());

describe('IPC invoke handler', () => {
  it('runs a valid call against the real services and reports the ipc transport', async () => {
    const file = path.join(world.dir, 'projects', 'steel.concord');
    const created = await invoke(appWindow, 'project:create', { path: file, name: 'Steel' });
    expect(created).toMatchObject({
      ok: true,
      value: { name: 'Steel', path: file, assetCount: 0 },
    });
    expect(fs.existsSync(file)).toBe(true);

    const info = await invoke(appWindow, 'app:info', {});
    expect(info).toMatchObject({ ok: true, value: { transport: 'ipc' } });
    const current = await invoke({ ...appWindow, webContentsId: 4 }, 'project:current', {});
    expect(current).toMatchObject({ ok: true, value: { path: file } });
  });

  it('rejects a schema-invalid payload with INVALID_INPUT naming the field', async () => {
    const error = failure(await invoke(appWindow, 'project:create', { path: 42, name: 'x' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/^Invalid input for project:create: path: /);

    const extra = failure(
      await invoke(appWindow, 'project:open', { path: '/tmp/a.concord', sneaky: true }),
    );
    expect(extra.code).toBe('INVALID_INPUT');
    expect(extra.message).toMatch(/sneaky/);
  });

  it('rejects unknown and non-string channels', async () => {
    expect(failure(await invoke(appWindow, 'project:delete-everything', {}))).toEqual({
      code: 'UNKNOWN_CHANNEL',
      message: 'Unknown channel "project:delete-everything"',
    });
    expect(failure(await invoke(appWindow, 42, {})).code).toBe('UNKNOWN_CHANNEL');
    // Prototype keys are not channels.
    expect(failure(await invoke(appWindow, 'constructor', {})).code).toBe('UNKNOWN_CHANNEL');
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'file:///tmp/index.html',
    'concord-app://evil/index.html',
    'concord-app://user:pw@app/index.html',
    'concord-asset://asset/1/original',
    'about:blank',
    'not a url',
    '',
    null,
  ])(
    'refuses a call from a foreign sender frame (%s) before any service runs',
    async (frameUrl) => {
      const file = path.join(world.dir, 'projects', 'pwned.concord');
      const envelope = await invoke({ frameUrl, webContentsId: 9 }, 'project:create', {
        path: file,
        name: 'x',
      });
      const error = failure(envelope);
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toMatch(/IPC call refused/);
      expect(fs.existsSync(file)).toBe(false);
    },
  );
});
