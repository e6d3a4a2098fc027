import fs from 'node:fs';
import path from 'node:path';
import { enterAsLead, expect, test } from './fixtures';
import { makeImageFolder } from './testMedia';

// QA audit follow-ups that show in the app: the import dialog refuses an unusable metadata
// CSV before importing anything, and the instructions' hotkey pickers leave out the keys
// the editor itself uses.

test('the import dialog names a missing metadata CSV and imports nothing', async ({
  page,
  concord,
}) => {
  test.setTimeout(90_000);
  const project = path.join(concord.workDir, 'steel.concord');
  expect(concord.cli(['init', project, '--name', 'Steel']).status).toBe(0);
  await makeImageFolder(
    path.join(concord.workDir, 'plates'),
    2,
    path.join(concord.workDir, 'm.csv'),
  );
  await concord.serve(project);
  await enterAsLead(page);

  await page.getByRole('button', { name: 'Import images and audio' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import images and audio' });
  await dialog.getByRole('button', { name: 'Add files or folders…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Choose files and folders to import' });
  await chooser.getByRole('option', { name: 'plates', exact: true }).click();
  await chooser.getByRole('button', { name: 'Add', exact: true }).click();
  const missing = path.join(concord.workDir, 'nope.csv');
  await dialog.getByLabel('Metadata CSV path').fill(missing);
  await dialog.getByRole('button', { name: 'Start import' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    `Metadata CSV ${missing} does not exist; nothing was imported`,
  );
  await concord.shot(page, 'import-missing-csv');

  const noFile = path.join(concord.workDir, 'no-file-column.csv');
  fs.writeFileSync(noFile, 'name,line\nplate_000.png,1\n');
  await dialog.getByLabel('Metadata CSV path').fill(noFile);
  await dialog.getByRole('button', { name: 'Start import' }).click();
  await expect(dialog.getByRole('alert')).toContainText('the header row needs a "file" column');
  const assets = JSON.parse(concord.cli(['assets', project, '--json']).stdout) as { total: number };
  expect(assets.total).toBe(0);
});

test('hotkey pickers do not offer the editor keys', async ({ page, concord }) => {
  test.setTimeout(90_000);
  const project = path.join(concord.workDir, 'steel.concord');
  expect(concord.cli(['init', project, '--name', 'Steel']).status).toBe(0);
  await concord.serve(project);
  await enterAsLead(page);
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('button', { name: 'Instructions' })
    .click();
  await page.getByRole('button', { name: 'Add class' }).click();
  await page.getByLabel('Class name').fill('scratch');
  const classKeys = await page.getByLabel('Class hotkey').locator('option').allTextContents();
  expect(classKeys).toContain('e');
  for (const reserved of ['a', 'b', 'c', 'd', 'f', 'h', 'i', 'n', 'u', 'v'])
    expect(classKeys, reserved).not.toContain(reserved);
  await page.getByLabel('Class hotkey').selectOption('e');
  await concord.shot(page, 'instructions-class-hotkey');
  await page.getByRole('tab', { name: /^Item tags/ }).click();
  const tagKeys = await page.getByLabel('Tag hotkey').first().locator('option').allTextContents();
  expect(tagKeys).toContain('a');
  expect(tagKeys).not.toContain('d');
  expect(tagKeys).not.toContain('f');
  await concord.shot(page, 'instructions-tag-hotkeys');
});
