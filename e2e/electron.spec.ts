// The Electron shell itself. Everything else is tested in Chromium over the loopback
// transport; this spec needs the Electron binary, which `npm ci` cannot download on the
// offline build machines (see ../shared/docs/environment.md). There it skips and says so.
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The installed Electron executable, or null (electron's path.txt + dist/ are written by its download). */
function electronBinary(): string | null {
  try {
    const pkgDir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(pkgDir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const bin = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** What the preload exposes (renderer/src/api/bridge.ts). */
interface Bridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
}

const binary = electronBinary();
const skipReason =
  'Electron binary not installed on this machine (it cannot be downloaded here); ' +
  'the same app is covered over the loopback transport in Chromium. ' +
  'On a machine with internet: node node_modules/electron/install.js && npx electron-builder install-app-deps && npx playwright test e2e/electron.spec.ts';

test.describe('Electron shell', () => {
  test.skip(!binary, skipReason);
  if (!binary) console.log(`[e2e/electron.spec.ts] skipped: ${skipReason}`);

  let app: ElectronApplication;
  let workDir: string;

  test.beforeEach(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-electron-'));
    const args = [repoRoot];
    // Chromium's setuid sandbox refuses to start as root (CI containers).
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    app = await electron.launch({
      executablePath: binary!,
      args,
      cwd: workDir,
      env: { ...process.env, CONCORD_DATA_DIR: path.join(workDir, 'appdata'), HOME: workDir },
    });
  });

  test.afterEach(async () => {
    await app?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  test('opens the start screen from concord-app://, with only invoke/on exposed', async () => {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Concord' })).toBeVisible();
    expect(new URL(page.url()).protocol).toBe('concord-app:');

    const surface = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      const api = w.api as Record<string, unknown> | undefined;
      return {
        apiKeys: api ? Object.keys(api).sort() : null,
        process: typeof w.process,
        require: typeof w.require,
        module: typeof w.module,
      };
    });
    expect(surface).toEqual({
      apiKeys: ['invoke', 'on'],
      process: 'undefined',
      require: 'undefined',
      module: 'undefined',
    });

    // The IPC transport answers through the contract, validation included.
    const call = (channel: string, input: unknown) =>
      page.evaluate(
        ([c, i]) => (globalThis as unknown as { api: Bridge }).api.invoke(c as string, i),
        [channel, input] as const,
      );
    expect(await call('app:info', {})).toMatchObject({ ok: true, value: { transport: 'ipc' } });
    expect(await call('project:open', { path: 42 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  test('blocks navigation away from the app and new windows', async () => {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Concord' })).toBeVisible();
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href =
        'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^concord-app:\/\/app\//);
    await page.evaluate(() => {
      (globalThis as unknown as { open: (url: string) => unknown }).open('file:///etc/passwd');
    });
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
  });
});
