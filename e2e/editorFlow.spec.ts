import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createLead, expect, signIn, test } from './fixtures';
import type { ConcordFixture } from './fixtures';
import { makeImageFolder, writeWav } from './testMedia';
import { drag, nav } from './pageActions';

/** Classes with a text attribute, and item tags with Shift hotkeys (as the sample has). */
const SPEC = {
  name: 'Steel sheet defects',
  classes: [
    {
      name: 'scratch',
      color: '#e6194b',
      hotkey: '1',
      description: 'A linear mark.',
      attributes: [
        { name: 'severity', type: 'enum', options: ['minor', 'major'] },
        { name: 'note', type: 'text' },
      ],
    },
    { name: 'dent', color: '#3cb44b', hotkey: '2', description: 'A local depression.' },
  ],
  tags: [
    { name: 'ok', noDefects: true, hotkey: 'o' },
    { name: 'defective', hotkey: 'e' },
  ],
};

/** A project with 4 images and one audio clip, a lead, and the labeler "ana" signed in. */
async function labelerSignedIn(page: Page, concord: ConcordFixture): Promise<void> {
  const project = path.join(concord.workDir, 'steel.concord');
  const specFile = path.join(concord.workDir, 'spec.json');
  fs.writeFileSync(specFile, JSON.stringify(SPEC));
  expect(
    concord.cli(['init', project, '--name', 'Steel sheets', '--instructions', specFile]).status,
  ).toBe(0);
  const images = path.join(concord.workDir, 'images');
  await makeImageFolder(images, 4, path.join(concord.workDir, 'meta.csv'));
  const audio = path.join(concord.workDir, 'audio');
  fs.mkdirSync(audio);
  writeWav(path.join(audio, 'speech_02.wav'));
  expect(concord.cli(['import', project, images]).status).toBe(0);
  expect(concord.cli(['import', project, audio]).status).toBe(0);
  await concord.serve(project);
  await createLead(page);
  await nav(page, 'People');
  const add = page.getByRole('form', { name: 'Add a person' });
  await add.getByLabel('Name').fill('ana');
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(page.locator('.people-table')).toContainText('ana');
  await page.getByRole('button', { name: 'Switch user' }).click();
  await signIn(page, 'ana');
}

/** Calls a service channel with the page's session, as the app does. */
async function call<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const key = String(await page.evaluate('sessionStorage.getItem("concord.session")'));
  return page.evaluate(
    async ({ channel, input, key }) => {
      const r = await fetch(`/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-concord-session': key },
        body: JSON.stringify(input),
      });
      const env = (await r.json()) as { ok: boolean; value: unknown; error?: { message: string } };
      if (!env.ok) throw new Error(env.error!.message);
      return env.value;
    },
    { channel, input, key },
  ) as Promise<T>;
}

interface SavedDoc {
  revision: number;
  doc: { boxes: Array<{ classId: string; attributes: Record<string, unknown> }> };
}

test('class keys while drawing pick the next box; Esc steps out; text attributes save as typed', async ({
  page,
  concord,
}) => {
  test.setTimeout(120_000);
  await labelerSignedIn(page, concord);
  await nav(page, 'Label');
  await expect(page.getByTestId('box-count')).toHaveText('0 boxes');
  const c = (await page.getByTestId('editor-canvas').boundingBox())!;
  const at = (fx: number, fy: number): [number, number] => [
    c.x + c.width * fx,
    c.y + c.height * fy,
  ];
  const boxes = page.getByRole('listbox', { name: 'Boxes of this item' }).getByRole('option');
  const drawTool = page.getByRole('button', { name: 'Draw boxes' });

  // 1, N, draw; then 2 means "the next box is a dent": the box just drawn stays a scratch.
  await page.keyboard.press('1');
  await page.keyboard.press('n');
  await drag(page, at(0.2, 0.3), at(0.35, 0.5));
  await expect(page.getByTestId('box-count')).toHaveText('1 box · 1 selected');
  await page.keyboard.press('2');
  await expect(page.getByRole('status').filter({ hasText: 'Next box: dent' })).toBeVisible();
  await expect(page.getByTestId('class-key-hint')).toContainText('class of the next box');
  await expect(boxes.nth(0)).toContainText('scratch');
  await drag(page, at(0.55, 0.4), at(0.7, 0.6));
  await expect(boxes).toHaveCount(2);
  await expect(boxes.nth(0)).toContainText('scratch');
  await expect(boxes.nth(1)).toContainText('dent');
  await concord.shot(page, 'editor-flow-next-class');

  // Esc deselects the new box and keeps the crosshair; the next Esc leaves draw mode.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('box-count')).toHaveText('2 boxes');
  await expect(drawTool).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('3');
  await page.keyboard.press('Escape');
  await expect(drawTool).toHaveAttribute('aria-pressed', 'false');

  // With the select tool, the class key re-classes the selection as before.
  await boxes.nth(1).click();
  await page.keyboard.press('1');
  await expect(boxes.nth(1)).toContainText('scratch');
  await page.keyboard.press('Control+z');
  await expect(boxes.nth(1)).toContainText('dent');

  // Type a note without Enter: it is saved within a second, the indicator telling the truth.
  await boxes.nth(0).click();
  const note = page.getByRole('region', { name: 'Selected boxes' }).getByLabel('note');
  await note.click();
  await note.pressSequentially('hairline crack', { delay: 30 });
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const asset = Number(new URL(page.url().replace('#/', '')).searchParams.get('asset'));
  const stored = await call<SavedDoc>(page, 'annotations:get', { assetId: asset });
  expect(stored.doc.boxes[0]!.attributes).toEqual({ note: 'hairline crack' });

  // One undo step for the whole field edit, not one per keystroke.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect(note).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect(note).toHaveValue('hairline crack');

  // Typing and at once clicking "Next to do" (the button keeps the focus) still saves it.
  await note.click();
  await note.press('End');
  await note.pressSequentially(', via next');
  await page.getByRole('button', { name: 'Next to do' }).click();
  await expect(page.getByTestId('box-count')).toHaveText('0 boxes');
  await expect
    .poll(
      async () =>
        (await call<SavedDoc>(page, 'annotations:get', { assetId: asset })).doc.boxes[0]!
          .attributes,
    )
    .toEqual({ note: 'hairline crack, via next' });

  // A reload shows it too.
  await page.reload();
  await nav(page, 'Label');
  await page.locator('.lb-queue-row').first().click();
  await boxes.nth(0).click();
  await expect(note).toHaveValue('hairline crack, via next');
});

test('tag hotkeys, the cheat sheet, the "all submitted" state, and audio in My queue', async ({
  page,
  concord,
}) => {
  test.setTimeout(120_000);
  await labelerSignedIn(page, concord);

  // An audio item in My queue never opens the box editor on some other image.
  await nav(page, 'My queue');
  const audioRow = page.locator('.queue-row').filter({ hasText: 'speech_02.wav' });
  await audioRow.dblclick();
  const dialog = page.getByRole('dialog', { name: 'speech_02.wav' });
  await expect(dialog.getByTestId('transcript-unavailable')).toContainText(
    'Transcript editor: not available in this version',
  );
  await expect(page.getByRole('heading', { name: 'My queue' })).toBeVisible();
  expect(await page.evaluate('String(window.getSelection())')).toBe('');
  await concord.shot(page, 'editor-flow-audio-in-queue');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  await nav(page, 'Label');
  await expect(page.getByTestId('list-position')).toHaveText('1 / 4');
  // The item is on screen (its boxes counted, not "Loading…"): keys before that act on no item.
  await expect(page.getByTestId('box-count')).toHaveText('0 boxes');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const tags = page.getByRole('group', { name: 'Item tags' });
  await page.keyboard.press('Shift+E');
  await expect(tags.getByRole('button', { name: /defective/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.keyboard.press('Shift+E');
  await expect(tags.getByRole('button', { name: /defective/ })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Shift+E');
  await expect(sheet).toContainText('Shift+O');
  await expect(sheet.getByTestId('class-key-rule')).toContainText('the class of the next box');
  await expect(sheet).toContainText('Show / hide the item list');
  await concord.shot(page, 'editor-flow-cheat-sheet');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // Submit all four ("no defects" via Shift+O, the ok tag): To do empties as we go.
  const todoTab = page.getByRole('tab', { name: /To do/ });
  for (let i = 0; i < 4; i++) {
    await expect(page.getByTestId('readonly-banner')).toBeHidden();
    await page.keyboard.press('Shift+O');
    await expect(tags.getByRole('button', { name: /ok/ })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Control+Enter');
    await expect(todoTab).toContainText(String(3 - i));
    if (i < 3) {
      const position = page.getByTestId('list-position');
      await expect(position).toBeVisible();
      const [n, of] = (await position.textContent())!.split(' / ').map(Number);
      expect(n).toBeLessThanOrEqual(of!);
      expect(of).toBeGreaterThan(0);
    }
  }
  const done = page.getByTestId('all-done');
  await expect(done).toContainText('All 4 items submitted — nothing left to do');
  await expect(page.locator('.lb-queue-row')).toHaveCount(0);
  await expect(page.getByTestId('list-position')).toBeHidden();
  await concord.shot(page, 'editor-flow-all-done');
  await done.getByRole('button', { name: 'Review my submitted items' }).click();
  await expect(done).toBeHidden();
  await expect(page.getByRole('tab', { name: /Done/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.lb-queue-row')).toHaveCount(4);
});

test('on a laptop the navigation collapses on the Label screen; [ and \\ hide the side panels', async ({
  page,
  concord,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await labelerSignedIn(page, concord);
  const navBar = page.getByRole('navigation', { name: 'Project' });
  await expect(navBar).not.toHaveClass(/is-collapsed/);
  await nav(page, 'Label');
  await expect(page.getByTestId('box-count')).toHaveText('0 boxes');
  await expect(navBar).toHaveClass(/is-collapsed/);
  const canvasWidth = async () => (await page.getByTestId('editor-canvas').boundingBox())!.width;
  // Tabs stay on one line.
  const tab = (await page.getByRole('tab', { name: /To do/ }).boundingBox())!;
  expect(tab.height).toBeLessThan(34);
  const withList = await canvasWidth();
  expect(withList).toBeGreaterThan(1280 * 0.5);
  await concord.shot(page, 'editor-flow-1280x720');

  // [ hides the item list; the choice survives a reload.
  await page.keyboard.press('[');
  await expect(page.getByRole('complementary', { name: 'Work queue' })).toBeHidden();
  await expect.poll(canvasWidth).toBeGreaterThan(withList + 150);
  await concord.shot(page, 'editor-flow-1280x720-no-list');
  await page.reload();
  await nav(page, 'Label');
  await expect(page.getByTestId('box-count')).toHaveText('0 boxes');
  await expect(page.getByRole('complementary', { name: 'Work queue' })).toBeHidden();
  await page.getByRole('button', { name: 'Item list' }).click();
  await expect(page.getByRole('complementary', { name: 'Work queue' })).toBeVisible();

  // \ shows the navigation again (remembered too), and hides it.
  await page.keyboard.press('\\');
  await expect(navBar).not.toHaveClass(/is-collapsed/);
  await page.keyboard.press('\\');
  await expect(navBar).toHaveClass(/is-collapsed/);
  // Collapsed, the screens are still reachable by their icons.
  await nav(page, 'My queue');
  await expect(page.getByRole('heading', { name: 'My queue' })).toBeVisible();
  await navBar.getByRole('button', { name: 'Show navigation' }).click();
  await expect(navBar).not.toHaveClass(/is-collapsed/);

  await page.setViewportSize({ width: 1440, height: 900 });
  await nav(page, 'Label');
  await expect(page.getByTestId('box-count')).toHaveText('0 boxes');
  await concord.shot(page, 'editor-flow-1440x900');
});
