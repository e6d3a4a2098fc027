import path from 'node:path';
import { createLead, expect, test } from './fixtures';
import { makeImageFolder } from './testMedia';

// Answers that arrive late (a busy machine) must not show anything stale. Each test holds
// one kind of answer back with a route and checks what the screen says meanwhile and after.

test('the Label screen says "Loading…" until the item is on screen', async ({ page, concord }) => {
  const project = path.join(concord.workDir, 'slow.concord');
  expect(concord.cli(['init', project, '--name', 'Slow']).status).toBe(0);
  const images = path.join(concord.workDir, 'images');
  await makeImageFolder(images, 2, path.join(concord.workDir, 'meta.csv'));
  expect(concord.cli(['import', project, images]).status).toBe(0);
  await concord.serve(project);
  await createLead(page);

  // Hold the item's annotations back until the status bar has been read.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/invoke/annotations*get', async (route) => {
    await held;
    await route.continue();
  });
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('button', { name: 'Label' })
    .click();
  const count = page.getByTestId('box-count');
  await expect(count).toHaveText('Loading…');
  await expect(page.locator('.label-stage')).toHaveAttribute('aria-busy', 'true');
  release();
  await expect(count).toHaveText('0 boxes');
  await expect(page.locator('.label-stage')).toHaveAttribute('aria-busy', 'false');
});

test('after Switch user, an earlier answer naming the lead does not sign the lead back in', async ({
  page,
  concord,
}) => {
  const project = path.join(concord.workDir, 'people.concord');
  expect(concord.cli(['init', project, '--name', 'People']).status).toBe(0);
  await concord.serve(project);
  await createLead(page);
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('button', { name: 'People' })
    .click();

  // Adding ana makes the tab look again at who is signed in (profiles:changed). That answer
  // ("Lead") is held back until after Switch user has been answered.
  let holding = true;
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  let delivered = () => {};
  const staleDelivered = new Promise<void>((r) => (delivered = r));
  await page.route('**/api/invoke/session*current', async (route) => {
    if (!holding) return route.continue();
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
    delivered();
  });
  const add = page.getByRole('form', { name: 'Add a person' });
  await add.getByLabel('Name').fill('ana');
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(page.locator('.people-table')).toContainText('ana');
  holding = false;
  await page.getByRole('button', { name: 'Switch user' }).click();
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  release();
  await staleDelivered;
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();

  // Still nobody signed in here; the sign-in form keeps the profile being chosen.
  await page.getByRole('button', { name: /^Lead\b/ }).click();
  await expect(page.getByLabel('Passphrase for Lead')).toBeVisible();
  await expect(page.getByTestId('current-profile')).toHaveCount(0);
});
