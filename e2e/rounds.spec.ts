import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createLead, expect, signIn, test } from './fixtures';
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
    },
    { name: 'dent', color: '#3cb44b', hotkey: '2', description: 'A local depression.' },
    {
      name: 'foreign particle',
      color: '#4363d8',
      hotkey: '3',
      description: 'Matter on the sheet.',
    },
  ],
  tags: [{ name: 'ok', noDefects: true }, { name: 'defective' }],
};

const PINS = { ana: '1357', ben: '2468' };

/** Calls a channel from the page as its signed-in person (the tab's session); returns the envelope. */
async function callAsPage(page: Page, channel: string, input: unknown) {
  const session = String(await page.evaluate('sessionStorage.getItem("concord.session")'));
  const res = await page.request.post(`${new URL(page.url()).origin}/api/invoke/${channel}`, {
    headers: { 'content-type': 'application/json', 'x-concord-session': session },
    data: JSON.stringify(input),
  });
  return (await res.json()) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string };
  };
}

/**
 * One labeler's turn: open the round from the Rounds screen, and on every item check that
 * the canvas starts empty (nobody else's boxes), draw the given boxes, and submit.
 */
async function labelRound(
  page: Page,
  who: 'ana' | 'ben',
  plan: Array<Array<{ from: [number, number]; to: [number, number]; key: string }>>,
  shot?: () => Promise<unknown>,
): Promise<void> {
  await signIn(page, who, PINS[who]);
  // A labeler of exactly one open round lands on it once the app has looked; going to My
  // queue before then would be overridden by that landing.
  await expect(page.getByTestId('round-banner')).toContainText('Round r1');
  // The own queue leaves the round's items out (they are labeled in the round) and says so.
  await nav(page, 'My queue');
  await expect(page.getByRole('note').filter({ hasText: 'round r1' })).toContainText(
    '4 items of round r1 are not listed here',
  );
  await nav(page, 'Rounds');
  const card = page.getByRole('article', { name: 'Round r1' });
  await expect(card).toContainText('0/4 done');
  await card.getByRole('button', { name: 'Start labeling' }).click();
  const banner = page.getByTestId('round-banner');
  await expect(banner).toContainText('Round r1');
  await expect(banner).toContainText('0/4 done');
  for (const [i, boxes] of plan.entries()) {
    // Blind: whatever the other labeler drew on this item is not here.
    await expect(page.getByTestId('box-count')).toHaveText('0 boxes');
    const c = (await page.getByTestId('editor-canvas').boundingBox())!;
    const at = ([fx, fy]: [number, number]): [number, number] => [
      c.x + c.width * fx,
      c.y + c.height * fy,
    ];
    await page.keyboard.press('n');
    for (const b of boxes) {
      // In draw mode a class key picks the class of the next box.
      await page.keyboard.press(b.key);
      await drag(page, at(b.from), at(b.to));
    }
    await expect(page.getByTestId('box-count')).toContainText(`${boxes.length} box`);
    await expect(page.getByTestId('save-status')).toHaveText('Saved');
    if (i === 1 && shot) await shot();
    await page.keyboard.press('Control+Enter');
    await expect(banner).toContainText(`${i + 1}/4 done`);
  }
}

test('a lead draws a round for two labelers, each labels it blind, and the lead reads the agreement', async ({
  page,
  context,
  concord,
}) => {
  test.setTimeout(240_000);
  const project = path.join(concord.workDir, 'steel.concord');
  const specFile = path.join(concord.workDir, 'spec.json');
  fs.writeFileSync(specFile, JSON.stringify(SPEC));
  expect(
    concord.cli(['init', project, '--name', 'Steel sheets', '--instructions', specFile]).status,
  ).toBe(0);
  const images = path.join(concord.workDir, 'images');
  const csv = path.join(concord.workDir, 'meta.csv');
  await makeImageFolder(images, 8, csv);
  expect(concord.cli(['import', project, images, '--metadata', csv]).status).toBe(0);
  const served = await concord.serve(project);

  // The lead adds the two labelers (with PINs, so nobody can sign in as the other).
  await createLead(page);
  await nav(page, 'People');
  const add = page.getByRole('form', { name: 'Add a person' });
  for (const who of ['ana', 'ben'] as const) {
    await add.getByLabel('Name').fill(who);
    await add.getByLabel('PIN (for blind rounds)').fill(PINS[who]);
    await add.getByRole('button', { name: 'Add person' }).click();
    await expect(page.locator('.people-table')).toContainText(who);
  }
  // cid has no PIN: anyone could sign in as him, so he cannot take part in a blind round.
  await add.getByLabel('Name').fill('cid');
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(page.locator('.people-table tr', { hasText: 'cid' })).toContainText(
    'No PIN: not in blind rounds',
  );
  await concord.shot(page, 'people-pins');

  // A round of 4 of the 8 images, stratified by line, seeded.
  await nav(page, 'Rounds');
  await page.getByRole('button', { name: 'New round' }).click();
  const form = page.getByRole('form', { name: 'New round' });
  await expect(form.getByRole('checkbox', { name: 'cid' })).toBeDisabled();
  await expect(form).toContainText('Labelers without a PIN cannot take part');
  await form.getByRole('checkbox', { name: 'ana' }).check();
  await form.getByRole('checkbox', { name: 'ben' }).check();
  await form.getByLabel('Number of items').fill('4');
  await form.getByLabel('Draw').selectOption({ label: 'Stratified by line (2 values)' });
  await form.getByLabel('Seed').fill('11');
  await expect(form.locator('.round-preview')).toContainText('4 of 8 images');
  await concord.shot(page, 'rounds-create');
  await form.getByRole('button', { name: 'Create round' }).click();
  const card = page.getByRole('article', { name: 'Round r1' });
  await expect(card).toContainText('Sample: 4 of 8 images, stratified by line, seed 11');
  await expect(card).toContainText('line 1: 2 of 4 · line 2: 2 of 4');

  // Each labeler in their own tab (own session), one after the other.
  const ana = await context.newPage();
  await ana.goto(served.origin);
  await labelRound(ana, 'ana', [
    [{ from: [0.3, 0.3], to: [0.5, 0.55], key: '1' }],
    [{ from: [0.3, 0.3], to: [0.5, 0.55], key: '2' }],
    [
      { from: [0.2, 0.2], to: [0.35, 0.4], key: '1' },
      { from: [0.6, 0.6], to: [0.75, 0.8], key: '3' },
    ],
    [{ from: [0.3, 0.3], to: [0.5, 0.55], key: '1' }],
  ]);
  await nav(ana, 'Rounds');
  await expect(ana.getByRole('article', { name: 'Round r1' })).toContainText('4/4 done');
  await concord.shot(ana, 'rounds-labeler');

  const ben = await context.newPage();
  await ben.goto(served.origin);
  // While r1 is open, ben cannot get its agreement (and with it ana's work) through the API either.
  await signIn(ben, 'ben', PINS.ben);
  const report = await callAsPage(ben, 'agreement:report', { roundId: 1 });
  expect(report.ok).toBe(false);
  expect(report.error?.code).toBe('FORBIDDEN');
  await ben.getByRole('button', { name: 'Switch user' }).click();
  await labelRound(
    ben,
    'ben',
    [
      [{ from: [0.31, 0.3], to: [0.5, 0.56], key: '1' }],
      [{ from: [0.3, 0.31], to: [0.5, 0.55], key: '1' }],
      [{ from: [0.2, 0.2], to: [0.35, 0.41], key: '1' }],
      [{ from: [0.3, 0.3], to: [0.51, 0.55], key: '1' }],
    ],
    () => concord.shot(ben, 'rounds-label-blind'),
  );

  // The lead follows progress, then reads the agreement.
  await page.bringToFront();
  await nav(page, 'Assets');
  await nav(page, 'Rounds');
  await expect(card.getByRole('progressbar', { name: 'ana progress' })).toHaveAttribute(
    'aria-valuenow',
    '4',
  );
  await expect(card.getByRole('progressbar', { name: 'ben progress' })).toHaveAttribute(
    'aria-valuenow',
    '4',
  );
  await concord.shot(page, 'rounds-lead');

  await card.getByRole('button', { name: 'Agreement' }).click();
  await expect(page.getByRole('heading', { name: 'Agreement' })).toBeVisible();
  await expect(page.locator('.ag-scope')).toContainText('Round r1');
  await expect(page.locator('.ag-scope')).toContainText('ana vs ben · 4 items compared');
  await expect(page.getByRole('button', { name: /Full agreement/ })).toContainText('2 / 4');
  await expect(page.getByRole('button', { name: /Class conflicts/ })).toContainText('1');
  const perClass = page.getByRole('group', { name: 'F1 per class, worst first' });
  await expect(perClass.getByRole('button').first()).toHaveAccessibleName(/^dent: F1 0\.00/);
  await concord.shot(page, 'agreement-screen');

  // Click through: the dent bar lists the item behind it (and stays the one marked);
  // opening it shows both labelers.
  await perClass.getByRole('button', { name: /^dent:/ }).click();
  const drawer = page.getByRole('complementary', { name: /Disagreements on dent/ });
  await expect(drawer).toContainText('1 item');
  await expect(perClass.getByRole('button', { name: /^dent:/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(perClass.locator('[aria-pressed="true"]')).toHaveCount(1);
  await expect(drawer).toContainText('1 class conflict (dent vs scratch)');
  await drawer.locator('.ag-item').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('figcaption')).toHaveText([/ana\s+1 dent/, /ben\s+1 scratch/]);
  await concord.shot(page, 'agreement-item');
  await dialog.getByRole('button', { name: 'Close dialog' }).click();

  // The IoU slider recomputes (a strict threshold turns near misses into unmatched boxes).
  const slider = page.getByLabel('IoU threshold');
  await slider.focus();
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.ag-iou-value')).toHaveText('0.95');
  await expect(page.getByRole('button', { name: /Full agreement/ })).not.toContainText('2 / 4');

  // The lead closes r1 (labels freeze, blindness ends), revises "dent", and runs r2 on the
  // same sample; the labelers' r2 work goes through the API as each signed-in labeler.
  await nav(page, 'Rounds');
  await card.getByRole('button', { name: 'Close round…' }).click();
  await card.getByRole('button', { name: 'Close round', exact: true }).click();
  await expect(card).toContainText('Closed');
  const r1Items = (await callAsPage(ana, 'work:queue', { roundId: 1 })).value as {
    items: Array<{ assetId: number }>;
  };
  const frozen = await callAsPage(ana, 'annotations:save', {
    assetId: r1Items.items[0]!.assetId,
    roundId: 1,
    doc: { boxes: [], tags: [], noDefects: true, uncertain: false, segments: [] },
    baseRevision: 0,
  });
  expect(frozen.error).toMatchObject({
    code: 'FORBIDDEN',
    message: expect.stringMatching(/Round r1 is closed/),
  });
  expect((await callAsPage(ana, 'agreement:report', { roundId: 1 })).ok).toBe(true);

  const current = (await callAsPage(page, 'instructions:current', {})).value as {
    version: number;
    spec: { classes: Array<{ id: string; name: string; description: string }> };
  };
  const spec = structuredClone(current.spec);
  spec.classes.find((c) => c.name === 'dent')!.description =
    'A local depression; a mark without depth is a scratch.';
  expect(
    (
      await callAsPage(page, 'instructions:save', {
        spec,
        note: 'dent vs scratch',
        baseVersion: current.version,
      })
    ).ok,
  ).toBe(true);
  const people = (await callAsPage(page, 'profiles:list', {})).value as Array<{
    id: number;
    name: string;
  }>;
  const ids = people.filter((p) => p.name === 'ana' || p.name === 'ben').map((p) => p.id);
  const r2 = await callAsPage(page, 'rounds:create', {
    labelerIds: ids,
    size: { count: 4 },
    stratify: { by: 'metadata', field: 'line' },
    seed: 11,
  });
  const r2Id = (r2.value as { id: number }).id;
  const dent = spec.classes.find((c) => c.name === 'dent')!.id;
  const queue = (await callAsPage(ana, 'work:queue', { roundId: r2Id })).value as {
    items: Array<{ assetId: number }>;
  };
  for (const who of [ana, ben]) {
    for (const { assetId } of queue.items) {
      const doc = {
        boxes: [
          {
            id: 'd1',
            classId: dent,
            x: 40,
            y: 40,
            w: 80,
            h: 60,
            attributes: {},
            uncertain: false,
            source: null,
          },
        ],
        tags: [],
        noDefects: false,
        uncertain: false,
        segments: [],
      };
      expect(
        (
          await callAsPage(who, 'annotations:save', {
            assetId,
            roundId: r2Id,
            doc,
            baseRevision: 0,
          })
        ).ok,
      ).toBe(true);
      expect((await callAsPage(who, 'annotations:submit', { assetId, roundId: r2Id })).ok).toBe(
        true,
      );
    }
  }
  await nav(page, 'Agreement');
  await page.getByLabel('Comparison').selectOption({ label: 'Round r2 (open)' });
  await expect(page.locator('.ag-scope')).toContainText('Round r2');
  await expect(page.locator('.ag-insights')).toContainText(
    "After revising 'dent' in v2, its F1 went from 0.00 to 1.00",
  );
  await concord.shot(page, 'agreement-trend');

  // On the People screen the lead gives cid a PIN; ana's cannot be removed while r2 is open.
  await nav(page, 'People');
  const cid = page.locator('.people-table tr', { hasText: 'cid' });
  await cid.getByRole('button', { name: 'Set PIN' }).click();
  await cid.getByPlaceholder('New PIN').fill('4321');
  await cid.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(cid).toContainText('Has a PIN');
  const anaRow = page.locator('.people-table tr', { hasText: 'ana' });
  await anaRow.getByRole('button', { name: 'Remove' }).click();
  await expect(anaRow).toContainText('ana labels in open round r2');
  await expect(anaRow).toContainText('Has a PIN');
});
