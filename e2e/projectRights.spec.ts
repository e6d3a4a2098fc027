import path from 'node:path';
import type { Page } from '@playwright/test';
import { createLead, expect, signIn, test } from './fixtures';

/** Calls a channel as this tab's session (the key the app keeps in sessionStorage). */
async function invokeAsTab(page: Page, channel: string, input: unknown): Promise<unknown> {
  const session = String(await page.evaluate('sessionStorage.getItem("concord.session")'));
  return page.evaluate(
    async ({ channel, input, session }) => {
      const res = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-concord-session': session },
        body: JSON.stringify(input),
      });
      return (await res.json()) as unknown;
    },
    { channel, input, session },
  );
}

test('a labeler cannot import or close the project while the lead works; alone she can leave', async ({
  page,
  concord,
}) => {
  const project = path.join(concord.workDir, 'rights.concord');
  expect(concord.cli(['init', project, '--name', 'Rights']).status).toBe(0);
  const served = await concord.serve(project);
  await createLead(page);
  expect(
    await invokeAsTab(page, 'profiles:create', { name: 'ana', role: 'labeler' }),
  ).toMatchObject({ ok: true });

  // ana, in her own tab: no Import anywhere, and the empty project says who imports.
  const ana = await page.context().newPage();
  await ana.goto(served.origin);
  await signIn(ana, 'ana');
  // Labelers land on their queue; the asset browser is one click away.
  await expect(ana.getByRole('heading', { name: 'My queue' })).toBeVisible();
  await ana.getByRole('button', { name: /^Assets/ }).click();
  await expect(ana.getByRole('heading', { name: 'No images or audio yet' })).toBeVisible();
  await expect(ana.getByText('The lead imports')).toBeVisible();
  await expect(ana.getByRole('button', { name: /Import/ })).toHaveCount(0);
  await concord.shot(ana, 'rights-labeler-empty');

  // Closing would sign the lead out: refused, and said where she clicked.
  await ana.getByRole('button', { name: 'Close project' }).click();
  await expect(ana.getByRole('alert')).toHaveText(
    'Lead is signed in to this project; only a lead can close it while others are working',
  );
  await concord.shot(ana, 'rights-labeler-close-refused');
  await expect(ana.locator('.shell-name')).toHaveText('Rights');

  // A third tab nobody signed in to is refused from the sign-in gate too.
  const stranger = await page.context().newPage();
  await stranger.goto(served.origin);
  await expect(stranger.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await stranger.getByRole('button', { name: 'Close project' }).click();
  await expect(stranger.getByRole('alert')).toHaveText(
    'ana and Lead are signed in to this project; only a lead can close it while others are working',
  );
  await concord.shot(stranger, 'rights-gate-close-refused');
  await stranger.close();

  // The lead still sees Import; once the lead leaves, ana may close her own project.
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Switch user' }).click();
  // Only once the lead is signed out (the lead's tab is back at "Who is working?") is ana
  // alone; closing before that is refused, as above.
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await ana.getByRole('button', { name: 'Dismiss' }).click();
  await ana.getByRole('button', { name: 'Close project' }).click();
  await expect(ana.getByRole('button', { name: /Open project/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Open project/ })).toBeVisible();
});
