import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createLead, expect, signIn, test } from './fixtures';
import type { ConcordFixture } from './fixtures';
import { makeImageFolder } from './testMedia';
import { drag, nav } from './pageActions';

const SPEC = {
  name: 'Steel sheet defects',
  classes: [
    {
      name: 'scratch',
      color: '#e6194b',
      hotkey: '1',
      description: 'A linear mark longer than 5 mm.',
      attributes: [{ name: 'severity', type: 'enum', options: ['minor', 'major'] }],
    },
    { name: 'dent', color: '#3cb44b', hotkey: '2', description: 'A local depression.' },
  ],
  tags: [{ name: 'ok', noDefects: true }, { name: 'defective' }],
};

/** A project with images and instructions, a lead, and the labeler "ana" signed in. */
async function labelerOnLabelScreen(page: Page, concord: ConcordFixture): Promise<void> {
  const project = path.join(concord.workDir, 'steel.concord');
  const specFile = path.join(concord.workDir, 'spec.json');
  fs.writeFileSync(specFile, JSON.stringify(SPEC));
  expect(
    concord.cli(['init', project, '--name', 'Steel sheets', '--instructions', specFile]).status,
  ).toBe(0);
  const images = path.join(concord.workDir, 'images');
  await makeImageFolder(images, 4, path.join(concord.workDir, 'meta.csv'));
  expect(concord.cli(['import', project, images]).status).toBe(0);
  await concord.serve(project);
  await createLead(page);
  await nav(page, 'People');
  const add = page.getByRole('form', { name: 'Add a person' });
  await add.getByLabel('Name').fill('ana');
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(page.locator('.people-table')).toContainText('ana');
  await page.getByRole('button', { name: 'Switch user' }).click();
  await signIn(page, 'ana');
  await nav(page, 'Label');
  await expect(page.getByTestId('editor-canvas')).toBeVisible();
  await expect(page.getByTestId('box-count')).toHaveText('0 boxes');
}

test('a labeler draws, recolours, resizes and undoes; everything is saved, then submitted', async ({
  page,
  concord,
}) => {
  test.setTimeout(120_000);
  await labelerOnLabelScreen(page, concord);
  const c = (await page.getByTestId('editor-canvas').boundingBox())!;
  const at = (fx: number, fy: number): [number, number] => [
    c.x + c.width * fx,
    c.y + c.height * fy,
  ];
  const boxes = page.getByRole('listbox', { name: 'Boxes of this item' }).getByRole('option');
  const geometry = page.getByTestId('box-geometry');
  const status = page.getByTestId('save-status');

  // Draw two boxes with the crosshair tool; "2" while drawing makes the NEXT box a dent
  // (the box just drawn, still selected, keeps its class).
  await page.keyboard.press('n');
  await drag(page, at(0.3, 0.35), at(0.45, 0.5));
  await expect(page.getByTestId('box-count')).toHaveText('1 box · 1 selected');
  await page.keyboard.press('2');
  await drag(page, at(0.55, 0.4), at(0.7, 0.6));
  await expect(boxes).toHaveCount(2);
  await expect(boxes.nth(0)).toContainText('scratch');
  await expect(boxes.nth(1)).toContainText('dent');

  // Select the first box and resize it from its bottom-right handle.
  await page.keyboard.press('v');
  await page.mouse.click(...at(0.37, 0.42));
  await expect(page.getByTestId('box-count')).toHaveText('2 boxes · 1 selected');
  const drawn = (await geometry.textContent())!;
  const corner = at(0.45, 0.5);
  await drag(page, corner, [corner[0] + 60, corner[1] + 45]);
  await expect(geometry).not.toHaveText(drawn);
  const resized = (await geometry.textContent())!;
  const size = (t: string) => /(\d+) × (\d+) px/.exec(t)!.slice(1).map(Number);
  expect(size(resized)[0]).toBeGreaterThan(size(drawn)[0]!);
  expect(size(resized)[1]).toBeGreaterThan(size(drawn)[1]!);

  // Undo the resize: back to the drawn size. Redo and undo again: one step per gesture.
  await page.keyboard.press('Control+z');
  await expect(geometry).toHaveText(drawn);
  await page.keyboard.press('Control+Shift+z');
  await expect(geometry).toHaveText(resized);
  await page.keyboard.press('Control+z');
  await expect(geometry).toHaveText(drawn);

  // Escape in the middle of a move puts the box back; nothing to undo.
  await page.mouse.move(...at(0.37, 0.42));
  await page.mouse.down();
  await page.mouse.move(...at(0.2, 0.2), { steps: 6 });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await expect(geometry).toHaveText(drawn);
  await expect(status).toHaveText('Saved');
  await concord.shot(page, 'editor-few-boxes');

  // Reload: the item reopens exactly as it was left.
  await page.reload();
  await nav(page, 'Label');
  await expect(boxes).toHaveCount(2);
  await expect(boxes.nth(0)).toContainText('scratch');
  await expect(boxes.nth(1)).toContainText('dent');
  await boxes.nth(0).click();
  await expect(geometry).toHaveText(drawn);

  // Submit with the hotkey: the next item opens; C copies the previous item's boxes.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('tab', { name: /Done/ })).toContainText('1');
  await expect(page.getByTestId('box-count')).toHaveText('0 boxes');
  await page.keyboard.press('c');
  await expect(boxes).toHaveCount(2);
  await expect(status).toHaveText('Saved');

  // Going back shows the submitted item read-only.
  await page.keyboard.press('a');
  await expect(page.getByTestId('readonly-banner')).toContainText('read-only');
  await expect(boxes).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect(boxes).toHaveCount(2);
  await concord.shot(page, 'editor-submitted');
});

test('5,000 boxes on one image stay interactive', async ({ page, concord }) => {
  test.setTimeout(120_000);
  await labelerOnLabelScreen(page, concord);
  // Seed 5,000 boxes on the third item through the same channel autosave uses.
  const key = String(await page.evaluate('sessionStorage.getItem("concord.session")'));
  const n = await page.evaluate(async (key) => {
    const call = async (channel: string, input: unknown) => {
      const r = await fetch(`/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-concord-session': key },
        body: JSON.stringify(input),
      });
      const env = (await r.json()) as { ok: boolean; value: never; error?: { message: string } };
      if (!env.ok) throw new Error(env.error!.message);
      return env.value as Record<string, unknown>;
    };
    const spec = (await call('instructions:current', {})) as {
      spec: { classes: Array<{ id: string }> };
    };
    const q = (await call('work:queue', { kind: 'image', offset: 0, limit: 10 })) as {
      items: Array<{ assetId: number; width: number; height: number }>;
    };
    const item = q.items[2]!;
    let s = 7;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const boxes = Array.from({ length: 5000 }, (_, i) => {
      const w = 2 + rnd() * 14;
      const h = 2 + rnd() * 14;
      return {
        id: `seed${i}`,
        classId: spec.spec.classes[i % 2]!.id,
        x: Math.round(rnd() * (item.width - w) * 100) / 100,
        y: Math.round(rnd() * (item.height - h) * 100) / 100,
        w: Math.round(w * 100) / 100,
        h: Math.round(h * 100) / 100,
        attributes: {},
        uncertain: i % 29 === 0,
        source: null,
      };
    });
    const doc = { boxes, tags: [], noDefects: false, uncertain: false, segments: [] };
    await call('annotations:save', { assetId: item.assetId, doc, baseRevision: 0 });
    return boxes.length;
  }, key);
  expect(n).toBe(5000);
  await page.locator('.lb-queue-row').nth(2).click();
  await expect(page.getByTestId('box-count')).toHaveText('5000 boxes');
  await page.waitForTimeout(300);
  await concord.shot(page, 'editor-5000-boxes');

  // Zoom in at the cursor, select everything with a rubber band, move it, undo.
  const c = (await page.getByTestId('editor-canvas').boundingBox())!;
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -120);
  await page.waitForTimeout(200);
  await concord.shot(page, 'editor-5000-boxes-zoomed');
  await page.keyboard.press('f');
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('box-count')).toHaveText('5000 boxes · 5000 selected');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('box-count')).toHaveText('5000 boxes');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
});
