import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { createLead, expect, test } from './fixtures';
import type { ConcordFixture } from './fixtures';
import { makeImageFolder } from './testMedia';
import { nav } from './pageActions';

/** A project made with the CLI holding one solid-colour PNG (its asset 1). */
async function colourProject(
  concord: ConcordFixture,
  name: string,
  size: { width: number; height: number },
  background: { r: number; g: number; b: number },
): Promise<string> {
  const dir = path.join(concord.workDir, name.toLowerCase());
  fs.mkdirSync(dir, { recursive: true });
  await sharp({ create: { ...size, channels: 3, background } })
    .png()
    .toFile(path.join(dir, 'only.png'));
  const project = path.join(concord.workDir, `${name.toLowerCase()}.concord`);
  expect(concord.cli(['init', project, '--name', name]).status).toBe(0);
  expect(concord.cli(['import', project, dir]).status).toBe(0);
  return project;
}

/** The bits of the DOM the checks use (this file compiles without the DOM library). */
interface ShownImg {
  complete: boolean;
  naturalWidth: number;
  naturalHeight: number;
  src: string;
}
interface PixelCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    drawImage(img: ShownImg, x: number, y: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
  };
}

/**
 * What the browser really shows for an <img>: its decoded size and the colour of its
 * centre pixel (read back through a canvas; the page is same-origin with the image).
 */
async function shownImage(page: Page, selector: string) {
  const img = page.locator(selector).first();
  await expect
    .poll(
      () =>
        img.evaluate((el) => {
          const i = el as unknown as ShownImg;
          return i.complete && i.naturalWidth > 0;
        }),
      { timeout: 20_000 },
    )
    .toBe(true);
  return img.evaluate((el) => {
    const i = el as unknown as ShownImg;
    const doc = (globalThis as unknown as { document: { createElement(t: 'canvas'): PixelCanvas } })
      .document;
    const c = doc.createElement('canvas');
    c.width = i.naturalWidth;
    c.height = i.naturalHeight;
    const g = c.getContext('2d');
    g.drawImage(i, 0, 0);
    const d = g.getImageData(c.width >> 1, c.height >> 1, 1, 1).data;
    return {
      width: i.naturalWidth,
      height: i.naturalHeight,
      rgb: [d[0]!, d[1]!, d[2]!],
      src: i.src,
    };
  });
}

const isRed = (rgb: number[]) => rgb[0]! > 200 && rgb[1]! < 60 && rgb[2]! < 60;
const isBlue = (rgb: number[]) => rgb[0]! < 60 && rgb[1]! < 60 && rgb[2]! > 200;

test("after switching projects the grid and viewer show the new project's images", async ({
  page,
  concord,
}) => {
  test.setTimeout(120_000);
  // Both projects have an asset 1: a wide red image in Alpha, a tall blue one in Beta.
  await colourProject(concord, 'Alpha', { width: 240, height: 120 }, { r: 220, g: 20, b: 20 });
  await colourProject(concord, 'Beta', { width: 90, height: 180 }, { r: 20, g: 20, b: 220 });
  const { origin } = await concord.serve();

  // Projects made with the CLI are in the app's Recent list.
  const recent = page.getByRole('region', { name: 'Recent projects' });
  await expect(recent.getByRole('listitem')).toHaveCount(2);
  await expect(recent).toContainText('Alpha');
  await expect(recent).toContainText('Beta');

  // The favicon is served (no 404 in the console).
  const favicon = await page.request.get(`${origin}/favicon.ico`);
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toBe('image/x-icon');
  expect((await page.request.get(`${origin}/favicon.svg`)).status()).toBe(200);

  await recent.getByRole('button', { name: /Alpha/ }).first().click();
  await createLead(page);
  const alpha = await shownImage(page, 'img.tile-img');
  expect(isRed(alpha.rgb)).toBe(true);
  expect(alpha.width).toBeGreaterThan(alpha.height);
  await page.locator('button.tile').first().dblclick();
  const alphaView = await shownImage(page, '[data-testid="viewer-image"]');
  expect(isRed(alphaView.rgb)).toBe(true);
  expect(new URL(alphaView.src).pathname).toBe('/files/asset/1/display');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Close project' }).click();

  await recent.getByRole('button', { name: /Beta/ }).first().click();
  await createLead(page);
  const beta = await shownImage(page, 'img.tile-img');
  expect(new URL(beta.src).pathname).toBe(new URL(alpha.src).pathname);
  expect(beta.src).not.toBe(alpha.src);
  expect(isBlue(beta.rgb)).toBe(true);
  expect(beta.height).toBeGreaterThan(beta.width);
  await page.locator('button.tile').first().dblclick();
  const betaView = await shownImage(page, '[data-testid="viewer-image"]');
  expect(isBlue(betaView.rgb)).toBe(true);
  expect([betaView.width, betaView.height]).toEqual([90, 180]);
  await concord.shot(page, 'shell-project-switch');
});

const SPEC = {
  name: 'Steel sheet defects',
  classes: [{ name: 'scratch', color: '#e6194b', hotkey: '1', description: 'A long mark.' }],
  tags: [{ name: 'ok', noDefects: true }, { name: 'defective' }],
};

test('reload reopens the same item; back and forward move between screens; a submitted item cannot be undone', async ({
  page,
  concord,
}) => {
  test.setTimeout(120_000);
  const project = path.join(concord.workDir, 'steel.concord');
  const specFile = path.join(concord.workDir, 'spec.json');
  fs.writeFileSync(specFile, JSON.stringify(SPEC));
  expect(concord.cli(['init', project, '--name', 'Steel', '--instructions', specFile]).status).toBe(
    0,
  );
  const images = path.join(concord.workDir, 'images');
  await makeImageFolder(images, 4, path.join(concord.workDir, 'meta.csv'));
  expect(concord.cli(['import', project, images]).status).toBe(0);
  await concord.serve(project);
  await createLead(page);
  await expect(page).toHaveURL(/#\/assets$/);

  await nav(page, 'Label');
  const file = page.locator('.lb-statusbar-file');
  await expect(file).toHaveText(/plate_000/);
  await expect(page).toHaveURL(/#\/label\?asset=\d+$/);
  await page.keyboard.press('d');
  await expect(file).not.toHaveText(/plate_000/);
  const second = (await file.textContent())!;
  const secondUrl = page.url();
  expect(secondUrl).not.toMatch(/asset=1$/);

  // F5 in the editor: the same screen and the same item, without going through Assets.
  await page.reload();
  await expect(file).toHaveText(second);
  expect(page.url()).toBe(secondUrl);

  // Back and forward move between screens; the item comes back with the Label screen.
  await nav(page, 'Instructions');
  await expect(page).toHaveURL(/#\/instructions$/);
  await page.goBack();
  await expect(file).toHaveText(second);
  expect(page.url()).toBe(secondUrl);
  await page.goBack();
  await expect(page).toHaveURL(/#\/assets$/);
  await expect(page.locator('button.tile').first()).toBeVisible();
  await page.goForward();
  await expect(file).toHaveText(second);

  // "No defects" and submit; back on the submitted item undo and redo change nothing.
  await expect(page.locator('.label-stage')).toHaveAttribute('aria-busy', 'false');
  await page.keyboard.press('0');
  const verdict = page.getByRole('button', { name: /No defects/ });
  await expect(verdict).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.keyboard.press('Control+Enter');
  await expect(file).not.toHaveText(second);
  await page.keyboard.press('a');
  await expect(file).toHaveText(second);
  await expect(page.getByTestId('readonly-banner')).toContainText('read-only');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+Shift+z');
  await expect(verdict).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'ok', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.locator('.editor-toast')).toContainText('read-only');
  await concord.shot(page, 'shell-readonly-undo');

  // The stored copy agrees with the screen after a reload.
  await page.reload();
  await expect(file).toHaveText(second);
  await expect(verdict).toHaveAttribute('aria-pressed', 'true');
});
