import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createLead, expect, signIn, test } from './fixtures';
import type { ConcordFixture } from './fixtures';
import { makeImageFolder } from './testMedia';
import { nav } from './pageActions';

/**
 * Audit 3, finding 1: ana draws a box and clicks Switch user before the autosave debounce
 * ran; the tab kept retrying the save and wrote ana's boxes over ben's annotation once
 * ben signed in. Switch user now saves as ana first, and the server refuses a document
 * edited as anyone but the signed-in person.
 */
const SPEC = {
  name: 'Steel sheet defects',
  classes: [
    { name: 'scratch', color: '#e6194b', hotkey: '1' },
    { name: 'dent', color: '#3cb44b', hotkey: '2' },
  ],
  tags: [{ name: 'ok', noDefects: true }],
};

/** The client encodes the channel name (annotations%3Asave). */
const SAVES = /\/api\/invoke\/annotations(:|%3A)save/;

async function drawBox(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const c = (await page.getByTestId('editor-canvas').boundingBox())!;
  const at = ([fx, fy]: [number, number]): [number, number] => [
    c.x + c.width * fx,
    c.y + c.height * fy,
  ];
  // Two Escapes: out of draw mode and selection, so the next N starts a fresh box.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at(to), { steps: 6 });
  await page.mouse.up();
}

async function projectWithAnaAndBen(page: Page, concord: ConcordFixture): Promise<string> {
  const project = path.join(concord.workDir, 'steel.concord');
  const specFile = path.join(concord.workDir, 'spec.json');
  fs.writeFileSync(specFile, JSON.stringify(SPEC));
  expect(concord.cli(['init', project, '--name', 'Steel', '--instructions', specFile]).status).toBe(
    0,
  );
  const images = path.join(concord.workDir, 'images');
  await makeImageFolder(images, 3, path.join(concord.workDir, 'meta.csv'));
  expect(concord.cli(['import', project, images]).status).toBe(0);
  await concord.serve(project);
  await createLead(page);
  await nav(page, 'People');
  const add = page.getByRole('form', { name: 'Add a person' });
  for (const name of ['ana', 'ben']) {
    await add.getByLabel('Name').fill(name);
    await add.getByRole('button', { name: 'Add person' }).click();
    await expect(page.locator('.people-table')).toContainText(name);
  }
  return project;
}

/** One labeler's boxes per item path, from `concord annotations export`. */
function exported(concord: ConcordFixture, project: string, who: string) {
  const file = path.join(concord.workDir, `${who}.json`);
  const r = concord.cli([
    'annotations',
    'export',
    project,
    '--labeler',
    who,
    '--format',
    'concord',
    file,
  ]);
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    items: Array<{ file: string; boxes: Array<{ x: number }> }>;
  };
  return out.items;
}

test('Switch user right after drawing saves the box as the person who drew it, never as the next one', async ({
  page,
  concord,
}) => {
  test.setTimeout(120_000);
  const project = await projectWithAnaAndBen(page, concord);
  const status = page.getByTestId('save-status');

  // ben saves one box on the first item.
  await page.getByRole('button', { name: 'Switch user' }).click();
  await signIn(page, 'ben');
  await nav(page, 'Label');
  await expect(page.getByTestId('box-count')).toHaveText('0 boxes');
  await drawBox(page, [0.6, 0.6], [0.8, 0.8]);
  await expect(page.getByTestId('box-count')).toHaveText('1 box · 1 selected');
  await expect(status).toHaveText('Saved');

  // ana labels the same item: one box saved, then a second one and Switch user at once.
  await page.getByRole('button', { name: 'Switch user' }).click();
  await signIn(page, 'ana');
  await nav(page, 'Label');
  await expect(page.getByTestId('box-count')).toHaveText('0 boxes');
  await drawBox(page, [0.1, 0.1], [0.25, 0.25]);
  await expect(status).toHaveText('Saved');
  await drawBox(page, [0.3, 0.3], [0.45, 0.45]);
  await expect(page.getByTestId('box-count')).toHaveText('2 boxes · 1 selected');
  await page.getByRole('button', { name: 'Switch user' }).click();

  await signIn(page, 'ben');
  await page.waitForTimeout(2500); // the old retry loop wrote within a few seconds
  await nav(page, 'Label');
  await expect(page.getByTestId('box-count')).toHaveText('1 box');
  await concord.shot(page, 'switch-user-ben-keeps-his-box');

  const ben = exported(concord, project, 'ben');
  const ana = exported(concord, project, 'ana');
  expect(ben).toHaveLength(1);
  expect(ana).toHaveLength(1);
  expect(ana[0]!.file).toBe(ben[0]!.file);
  // ben keeps his own box (drawn at the right); ana has both of hers, the last one too.
  expect(ben[0]!.boxes).toHaveLength(1);
  expect(ana[0]!.boxes).toHaveLength(2);
  const benX = ben[0]!.boxes[0]!.x;
  expect(ana[0]!.boxes.every((b) => b.x < benX)).toBe(true);
});

test('Switch user with saves failing asks first; kept edits go to their person only', async ({
  page,
  concord,
}) => {
  test.setTimeout(120_000);
  const project = await projectWithAnaAndBen(page, concord);
  await page.getByRole('button', { name: 'Switch user' }).click();
  await signIn(page, 'ana');
  await nav(page, 'Label');
  await expect(page.getByTestId('box-count')).toHaveText('0 boxes');

  // Saves fail from now on, as if the server were down.
  await page.route(SAVES, (route) => route.abort('connectionrefused'));
  await drawBox(page, [0.1, 0.1], [0.25, 0.25]);
  await expect(page.getByTestId('box-count')).toHaveText('1 box · 1 selected');
  await expect(page.getByTestId('save-status')).toHaveText('Not saved');
  await page.getByRole('button', { name: 'Switch user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unsaved edits' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('unsaved-edits')).toContainText(
    'ana has unsaved edits on 1 item',
  );
  await concord.shot(page, 'switch-user-unsaved-dialog');

  // Stay: still ana, still in the editor.
  await dialog.getByRole('button', { name: 'Stay and retry' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('current-profile')).toContainText('ana');

  // Keep them for ana and switch: the gate says whose they are.
  await page.getByRole('button', { name: 'Switch user' }).click();
  await dialog.getByRole('button', { name: 'Keep them for ana and switch' }).click();
  await expect(page.getByTestId('kept-edits')).toContainText(
    'ana has unsaved edits on 1 item in this tab, kept until ana signs in here again',
  );
  await concord.shot(page, 'switch-user-kept-edits-gate');
  await page.unroute(SAVES);

  // ben signs in: ana's edits are dropped with a notice, and nothing is saved as ben.
  await signIn(page, 'ben');
  await expect(page.getByRole('alert').filter({ hasText: "ana's unsaved edits" })).toContainText(
    "ana's unsaved edits on 1 item were discarded: only ana can save them.",
  );
  await concord.shot(page, 'switch-user-dropped-notice');
  await page.waitForTimeout(2500);
  expect(exported(concord, project, 'ben')).toEqual([]);
  expect(exported(concord, project, 'ana')).toEqual([]);
});
