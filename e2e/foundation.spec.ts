import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { sampleSignIns } from '../shared/domain/sampleCredentials';
import { enterAsLead, expect, test } from './fixtures';
import { makeImageFolder, writeBadFiles, writeManyPngs, writeWav } from './testMedia';

const IMAGE_COUNT = 30;

/** The bits of an <img> the checks read (this file compiles without the DOM library). */
interface DecodedImage {
  complete: boolean;
  naturalWidth: number;
}

/** Waits until every thumbnail image on screen has decoded (thumbnails may follow the import). */
async function expectThumbnailsLoaded(page: Page, atLeast: number): Promise<void> {
  await expect
    .poll(
      () =>
        page
          .locator('img.tile-img')
          .evaluateAll(
            (imgs) =>
              (imgs as unknown as DecodedImage[]).filter((i) => i.complete && i.naturalWidth > 0)
                .length,
          ),
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(atLeast);
}

/** In the open chooser dialog: opens a folder by double-click. */
async function openFolder(page: Page, chooserTitle: string, name: string): Promise<void> {
  const chooser = page.getByRole('dialog', { name: chooserTitle });
  await chooser.getByRole('option', { name, exact: true }).dblclick();
  await expect(
    chooser.getByRole('navigation', { name: 'Folder path' }).getByRole('button', { name }),
  ).toBeVisible();
}

/** A number from the import summary's cards. */
async function statValue(
  dialog: Locator,
  stat: 'imported' | 'duplicates' | 'failed',
): Promise<number> {
  const text = await dialog
    .getByTestId(`import-${stat}`)
    .locator('.import-stat-value')
    .textContent();
  return Number((text ?? '').replace(/,/g, ''));
}

async function zoomOf(page: Page): Promise<number> {
  return Number(await page.getByTestId('image-stage').getAttribute('data-zoom'));
}

test('a new user opens the sample project and sees the grid', async ({ page, concord }) => {
  test.setTimeout(180_000);
  await concord.serve();
  await page.getByRole('button', { name: /Open sample project/ }).click();
  // The first time, the sample is generated (a few seconds) while the start screen says so.
  const preparing = page.getByRole('status').filter({ hasText: 'Preparing the sample project' });
  const gate = page.locator('.gate');
  await expect(preparing.or(gate).or(page.locator('.shell'))).toBeVisible();
  if (await preparing.isVisible()) await concord.shot(page, 'sample-progress');
  // A newcomer can read who to sign in as, and what to type, on the sample's sign-in screen.
  const hint = page.getByRole('complementary', { name: 'Sample sign-in' });
  await expect(hint).toBeVisible({ timeout: 150_000 });
  for (const p of sampleSignIns()) {
    await expect(hint).toContainText(p.name);
    if (p.secret) await expect(hint).toContainText(p.secret);
  }
  await concord.shot(page, 'sample-sign-in');
  await enterAsLead(page, { timeout: 150_000 });
  await expect(page.locator('.shell-name')).toBeVisible({ timeout: 150_000 });
  await expect(page.locator('.tag', { hasText: 'Sample' })).toBeVisible();
  await expect(page.locator('button.tile').first()).toBeVisible();
  await expectThumbnailsLoaded(page, 4);
  await concord.shot(page, 'sample-grid');
});

test('creates a project, imports a folder, filters, and zooms into an image', async ({
  page,
  concord,
}) => {
  test.setTimeout(120_000);
  const inputs = path.join(concord.workDir, 'inputs');
  const images = path.join(inputs, 'images');
  const csv = path.join(inputs, 'meta.csv');
  await makeImageFolder(images, IMAGE_COUNT, csv);
  writeWav(path.join(images, 'hum.wav'));
  fs.appendFileSync(csv, 'hum.wav,A,1,mic0\n');
  fs.mkdirSync(path.join(concord.workDir, 'projects'));

  await concord.serve();
  await expect(page.getByRole('heading', { name: 'Concord' })).toBeVisible();
  await concord.shot(page, 'start');

  // New project: name + folder picked with the in-app chooser.
  await page.getByRole('button', { name: /New project/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Project name').fill('Line 2 defects');
  await concord.shot(page, 'new-project-dialog');
  await dialog.getByRole('button', { name: 'Choose…' }).click();
  const folderChooser = 'Choose a folder for the project';
  await expect(
    page.getByRole('dialog', { name: folderChooser }).getByRole('option').first(),
  ).toBeVisible();
  await openFolder(page, folderChooser, 'projects');
  await page
    .getByRole('dialog', { name: folderChooser })
    .getByRole('button', { name: 'Choose this folder' })
    .click();
  await expect(dialog.getByLabel('Folder')).toHaveValue(path.join(concord.workDir, 'projects'));
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await enterAsLead(page);
  await expect(page.locator('.shell-name')).toHaveText('Line 2 defects');
  expect(fs.existsSync(path.join(concord.workDir, 'projects', 'Line 2 defects.concord'))).toBe(
    true,
  );

  // Import the folder (recursive) with the metadata CSV.
  await page.getByRole('button', { name: 'Import images and audio' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import images and audio' });
  await importDialog.getByRole('button', { name: 'Add files or folders…' }).click();
  const sourceChooser = 'Choose files and folders to import';
  // The chooser starts in the project's folder; the inputs are one level up.
  await expect(
    page
      .getByRole('dialog', { name: sourceChooser })
      .getByRole('option', { name: 'Line 2 defects.concord', exact: true }),
  ).toBeVisible();
  await page
    .getByRole('dialog', { name: sourceChooser })
    .getByRole('button', { name: 'Parent folder' })
    .click();
  await openFolder(page, sourceChooser, 'inputs');
  await page
    .getByRole('dialog', { name: sourceChooser })
    .getByRole('option', { name: 'images', exact: true })
    .click();
  await concord.shot(page, 'file-chooser');
  await page
    .getByRole('dialog', { name: sourceChooser })
    .getByRole('button', { name: 'Add', exact: true })
    .click();
  await expect(importDialog.getByRole('list', { name: 'Chosen files and folders' })).toContainText(
    images,
  );
  await importDialog.getByRole('button', { name: 'Choose…' }).click();
  const csvChooser = page.getByRole('dialog', { name: 'Choose a metadata CSV' });
  await csvChooser.getByRole('option', { name: 'meta.csv' }).click();
  await csvChooser.getByRole('button', { name: 'Use this file' }).click();
  await expect(importDialog.getByLabel('Metadata CSV path')).toHaveValue(csv);
  await importDialog.getByRole('button', { name: 'Start import' }).click();

  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await concord.shot(page, 'import-progress');
  const summary = page.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(summary.getByRole('progressbar')).toHaveAttribute(
    'aria-valuenow',
    String(IMAGE_COUNT + 1),
  );
  await expect(summary.locator('.import-stat-ok .import-stat-value')).toHaveText(
    String(IMAGE_COUNT + 1),
  );
  await concord.shot(page, 'import-summary');
  await summary.getByRole('button', { name: 'Done' }).click();

  // The grid, with real thumbnails.
  await expect(page.getByTestId('asset-count')).toHaveText(`${IMAGE_COUNT + 1} assets`);
  await expectThumbnailsLoaded(page, 12);
  await concord.shot(page, 'grid');

  // Filter by a metadata value from the CSV: factory A is every even index plus the WAV.
  await page.getByLabel('Filter by factory').selectOption('A');
  await expect(page.getByTestId('asset-count')).toHaveText(
    `${IMAGE_COUNT / 2 + 1} assets of ${IMAGE_COUNT + 1}`,
  );
  await page.getByRole('radio', { name: 'Images' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText(
    `${IMAGE_COUNT / 2} assets of ${IMAGE_COUNT + 1}`,
  );

  // Open an image and zoom with the buttons and the wheel.
  await page.locator('button.tile').first().click();
  const viewer = page.getByRole('dialog', { name: 'Asset viewer' });
  await expect(viewer.getByTestId('asset-metadata')).toContainText('factory');
  await expect
    .poll(() =>
      page.getByTestId('viewer-image').evaluate((i) => (i as unknown as DecodedImage).naturalWidth),
    )
    .toBeGreaterThan(0);
  const fitted = await zoomOf(page);
  expect(fitted).toBeGreaterThan(0);
  const before = await page.getByTestId('zoom-level').textContent();
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  expect(await zoomOf(page)).toBeCloseTo(fitted * 1.25 * 1.25, 3);
  await expect(page.getByTestId('zoom-level')).not.toHaveText(before ?? '');
  const stage = page.getByTestId('image-stage');
  const box = (await stage.boundingBox())!;
  await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
  await page.mouse.wheel(0, -300);
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(fitted * 1.25 * 1.25);
  const transform = await page
    .getByTestId('viewer-image')
    .evaluate((i) => (i as unknown as { style: { transform: string } }).style.transform);
  expect(transform).toContain('scale(');
  await concord.shot(page, 'image-viewer-zoomed');

  // Next with the arrow key, then Escape closes.
  await page.keyboard.press('ArrowRight');
  await expect(viewer.locator('.viewer-index')).toHaveText(`2 / ${IMAGE_COUNT / 2}`);
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  // Back in the grid, focus is on the tile that was opened; arrows move it, Enter opens.
  await expect(page.locator('button.tile').first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('button.tile').nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(viewer.locator('.viewer-index')).toHaveText(`2 / ${IMAGE_COUNT / 2}`);
  await page.keyboard.press('Escape');

  // The audio clip plays in the audio viewer with its waveform.
  await page.getByRole('radio', { name: 'Audio' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText(`1 asset of ${IMAGE_COUNT + 1}`);
  await page.locator('button.tile').first().click();
  await expect(page.getByTestId('waveform')).toBeVisible();
  await expect(page.getByTestId('audio-time')).toContainText('/ 0:02');
  await page.waitForTimeout(300); // peaks are fetched after the viewer opens
  await concord.shot(page, 'audio-viewer');
});

test('bad files and bad metadata rows are listed with their reasons', async ({ page, concord }) => {
  const project = path.join(concord.workDir, 'bad.concord');
  expect(concord.cli(['init', project, '--name', 'Bad files']).status).toBe(0);
  const folder = path.join(concord.workDir, 'mixed');
  const csv = path.join(concord.workDir, 'meta.csv');
  await makeImageFolder(folder, 3, csv);
  const bad = await writeBadFiles(folder);
  fs.appendFileSync(csv, 'ghost_plate.png,A,1,cam0\n');

  await concord.serve(project);
  await enterAsLead(page);
  await expect(page.locator('.shell-name')).toHaveText('Bad files');
  await page.getByRole('button', { name: 'Import images and audio' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import images and audio' });
  await importDialog.getByRole('button', { name: 'Add files or folders…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Choose files and folders to import' });
  await chooser.getByRole('option', { name: 'mixed', exact: true }).click();
  await chooser.getByRole('button', { name: 'Add', exact: true }).click();
  await importDialog.getByLabel('Metadata CSV path').fill(csv);
  await importDialog.getByRole('button', { name: 'Start import' }).click();

  const summary = page.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toBeVisible({ timeout: 60_000 });
  expect(await statValue(summary, 'imported')).toBe(3);
  expect(await statValue(summary, 'failed')).toBe(bad.length);
  await expect(summary.getByRole('list', { name: 'Metadata warnings' })).toContainText(
    'ghost_plate.png',
  );
  const rows = summary.getByRole('table', { name: 'Failed files' }).locator('tbody tr');
  await expect(rows).toHaveCount(bad.length);
  for (const name of bad) {
    const row = rows.filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row.locator('td').nth(1)).not.toBeEmpty();
  }
  await expect(rows.filter({ hasText: 'empty.png' }).locator('td').nth(1)).toContainText(
    /empty|0 bytes|zero/i,
  );
  await concord.shot(page, 'import-summary-failures');
  await summary.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('3 assets');
});

test('opens a project from the keyboard in the chooser; recent projects grey out missing files', async ({
  page,
  concord,
}) => {
  const dir = path.join(concord.workDir, 'projects');
  fs.mkdirSync(dir);
  for (const name of ['Gone', 'Keep']) {
    expect(
      concord.cli(['init', path.join(dir, `${name.toLowerCase()}.concord`), '--name', name]).status,
    ).toBe(0);
  }
  await concord.serve();

  const openWithKeyboard = async (keys: string[]) => {
    await page.getByRole('button', { name: /Open project/ }).click();
    const chooser = page.getByRole('dialog', { name: 'Open project' });
    await expect(chooser.getByRole('listbox')).toBeFocused();
    await expect(chooser.getByRole('option', { name: 'projects' })).toBeVisible();
    await page.keyboard.type('pro'); // type-ahead jumps to the folder
    await expect(chooser.getByRole('option', { name: 'projects' })).toHaveClass(/is-cursor/);
    await page.keyboard.press('Enter');
    await expect(chooser.getByRole('option', { name: 'gone.concord' })).toBeVisible();
    for (const k of keys) await page.keyboard.press(k);
  };

  await openWithKeyboard(['Home', 'Enter']);
  await enterAsLead(page);
  await expect(page.locator('.shell-name')).toHaveText('Gone');
  await page.getByRole('button', { name: 'Close project' }).click();
  await openWithKeyboard(['Home', 'ArrowDown', 'Enter']);
  await enterAsLead(page);
  await expect(page.locator('.shell-name')).toHaveText('Keep');
  await page.getByRole('button', { name: 'Close project' }).click();

  const recent = page.getByRole('region', { name: 'Recent projects' });
  await expect(recent.getByRole('listitem')).toHaveCount(2);
  fs.rmSync(path.join(dir, 'gone.concord'));
  await page.reload();
  const gone = recent.getByRole('listitem').filter({ hasText: 'Gone' });
  await expect(gone).toContainText('File not found');
  await expect(gone.getByRole('button', { name: /Gone/ }).first()).toBeDisabled();
  await concord.shot(page, 'start-recent');
  await gone.getByRole('button', { name: 'Remove Gone from recent projects' }).click();
  await expect(recent.getByRole('listitem')).toHaveCount(1);
  await recent.getByRole('button', { name: /Keep/ }).first().click();
  await enterAsLead(page);
  await expect(page.locator('.shell-name')).toHaveText('Keep');
});

test('a long import can be cancelled and resumed; the grid pages through 10,000+ assets', async ({
  page,
  concord,
}) => {
  test.setTimeout(180_000);
  // Many tiny distinct PNGs (bytes appended after IEND change the hash, not the image): enough
  // work that the import is still running when Cancel is pressed, and a grid of 10,000+.
  const total = 24_000;
  const dir = path.join(concord.workDir, 'many');
  await writeManyPngs(dir, total);
  const project = path.join(concord.workDir, 'cancel.concord');
  expect(concord.cli(['init', project, '--name', 'Cancel']).status).toBe(0);

  await concord.serve(project);
  await enterAsLead(page);
  await page.getByRole('button', { name: 'Import images and audio' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import images and audio' });
  await importDialog.getByRole('button', { name: 'Add files or folders…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Choose files and folders to import' });
  await chooser.getByRole('option', { name: 'many', exact: true }).click();
  await chooser.getByRole('button', { name: 'Add', exact: true }).click();
  await importDialog.getByRole('button', { name: 'Start import' }).click();

  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { intervals: [50] })
    .toBeGreaterThan(100);
  await page.getByRole('button', { name: 'Cancel import' }).click();

  const cancelled = page.getByRole('dialog', { name: 'Import cancelled' });
  await expect(cancelled).toBeVisible();
  const kept = await statValue(cancelled, 'imported');
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(total);
  await concord.shot(page, 'import-cancelled');

  // Importing the same folder again skips what is already in and brings in the rest.
  await cancelled.getByRole('button', { name: 'Import more…' }).click();
  await importDialog.getByRole('button', { name: 'Add files or folders…' }).click();
  await chooser.getByRole('option', { name: 'many', exact: true }).click();
  await chooser.getByRole('button', { name: 'Add', exact: true }).click();
  await importDialog.getByRole('button', { name: 'Start import' }).click();
  const finished = page.getByRole('dialog', { name: 'Import finished' });
  await expect(finished).toBeVisible({ timeout: 120_000 });
  expect(await statValue(finished, 'imported')).toBe(total - kept);
  expect(await statValue(finished, 'duplicates')).toBe(kept);
  await finished.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText(
    `${total.toLocaleString('en-US')} assets`,
  );

  // Only the rows on screen exist; jumping to the end loads just the last page.
  const grid = page.locator('.grid-scroll');
  await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.locator(`button.tile[data-index="${total - 1}"]`)).toBeVisible();
  expect(await page.locator('button.tile').count()).toBeLessThan(200);
  await concord.shot(page, 'grid-end-of-many');
});
