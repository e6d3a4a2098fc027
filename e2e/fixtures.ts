import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliPath = path.join(repoRoot, 'bin', 'concord.cjs');
export const artifactsDir = path.join(repoRoot, 'e2e-artifacts');

export interface ServedApp {
  /** URL with the token; opening it logs the browser in. */
  launchUrl: string;
  origin: string;
  token: string;
  process: ChildProcess;
}

export interface ConcordFixture {
  /** Fresh per-test folder: CONCORD_DATA_DIR and a place for projects and inputs. */
  dataDir: string;
  workDir: string;
  /** Runs the real `concord` CLI with the test's data dir; returns stdout/stderr/status. */
  cli(args: string[]): { stdout: string; stderr: string; status: number };
  /** Starts `concord serve [project]` and opens it in the page. */
  serve(projectPath?: string): Promise<ServedApp>;
  /** Saves a full-page screenshot to e2e-artifacts/<name>.png (kept as a test artifact). */
  shot(page: Page, name: string): Promise<string>;
}

export const test = base.extend<{ concord: ConcordFixture }>({
  concord: async ({ page }, use, testInfo) => {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-e2e-'));
    const dataDir = path.join(workDir, 'appdata');
    fs.mkdirSync(dataDir, { recursive: true });
    const env = {
      ...process.env,
      CONCORD_DATA_DIR: dataDir,
      HOME: workDir,
      CONCORD_NO_BROWSER: '1',
    };
    const children: ChildProcess[] = [];

    const fixture: ConcordFixture = {
      dataDir,
      workDir,
      cli(args) {
        const r = spawnSync(process.execPath, [cliPath, ...args], {
          env,
          encoding: 'utf8',
          cwd: workDir,
        });
        return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
      },
      async serve(projectPath) {
        const child = spawn(
          process.execPath,
          [cliPath, 'serve', ...(projectPath ? [projectPath] : [])],
          {
            env,
            cwd: workDir,
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        children.push(child);
        let stderr = '';
        child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
        const launchUrl = await new Promise<string>((resolve, reject) => {
          let out = '';
          const timer = setTimeout(
            () => reject(new Error(`concord serve did not start: ${stderr}`)),
            20_000,
          );
          child.stdout!.on('data', (c: Buffer) => {
            out += c.toString();
            const nl = out.indexOf('\n');
            if (nl >= 0) {
              clearTimeout(timer);
              resolve(out.slice(0, nl).trim());
            }
          });
          child.on('exit', (code) =>
            reject(new Error(`concord serve exited with ${code}: ${stderr}`)),
          );
        });
        const u = new URL(launchUrl);
        await page.goto(launchUrl);
        return {
          launchUrl,
          origin: u.origin,
          token: u.searchParams.get('token') ?? '',
          process: child,
        };
      },
      async shot(page, name) {
        fs.mkdirSync(artifactsDir, { recursive: true });
        const file = path.join(artifactsDir, `${name}.png`);
        await page.screenshot({ path: file, fullPage: false });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
        return file;
      },
    };
    await use(fixture);
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))),
    );
    fs.rmSync(workDir, { recursive: true, force: true });
  },
});

export { expect };

/** The sample project's lead (seeded by seedSampleProfiles) and the default test lead. */
export const LEAD = { name: 'Lead', secret: 'concord' } as const;

/** On "Create the lead profile" (a project without a lead): creates the lead, signed in. */
export async function createLead(
  page: Page,
  name: string = LEAD.name,
  secret: string = LEAD.secret,
): Promise<void> {
  const form = page
    .locator('.gate')
    .filter({ has: page.getByRole('heading', { name: 'Create the lead profile' }) });
  await expect(form).toBeVisible();
  await form.getByLabel('Your name').fill(name);
  await form.getByLabel('Passphrase', { exact: true }).fill(secret);
  await form.getByLabel('Passphrase again').fill(secret);
  await form.getByRole('button', { name: 'Create lead and continue' }).click();
  await expect(page.getByTestId('current-profile')).toContainText(name);
}

/** On "Who is working?": picks the profile and types its passphrase or PIN when asked. */
export async function signIn(page: Page, name: string, secret?: string): Promise<void> {
  const gate = page
    .locator('.gate')
    .filter({ has: page.getByRole('heading', { name: 'Who is working?' }) });
  await expect(gate).toBeVisible();
  await gate
    .getByRole('list', { name: 'Profiles' })
    .getByRole('button', { name: new RegExp(`^${name}\\b`) })
    .click();
  const secretField = gate.getByLabel(/^(Passphrase|PIN) for /);
  if (secret !== undefined) {
    await secretField.fill(secret);
    await gate.getByRole('button', { name: 'Sign in' }).click();
  } else {
    // Labelers of blind rounds have PINs (the sample's: SAMPLE_LABELER_PINS): say so plainly
    // instead of timing out on a sign-in that waits for one.
    const current = page.getByTestId('current-profile');
    await expect(current.or(secretField)).toBeVisible();
    if (await secretField.isVisible())
      throw new Error(`signIn(page, '${name}'): ${name} has a PIN or passphrase; pass it`);
  }
  await expect(page.getByTestId('current-profile')).toContainText(name);
}

/**
 * After opening a project: whichever the gate shows, get in as the lead (creating it in a
 * project that has none, signing in otherwise).
 */
export async function enterAsLead(page: Page, options: { timeout?: number } = {}): Promise<void> {
  const create = page.getByRole('heading', { name: 'Create the lead profile' });
  const who = page.getByRole('heading', { name: 'Who is working?' });
  await expect(create.or(who)).toBeVisible({ timeout: options.timeout ?? 10_000 });
  if (await create.isVisible()) await createLead(page);
  else await signIn(page, LEAD.name, LEAD.secret);
}
