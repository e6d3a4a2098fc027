import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createLead, expect, signIn, test } from './fixtures';
import { makeImageFolder } from './testMedia';
import { drag, nav } from './pageActions';

const SPEC = {
  name: 'Steel sheet defects',
  classes: [
    { name: 'scratch', color: '#e6194b', hotkey: '1', description: 'A linear mark.' },
    { name: 'dent', color: '#3cb44b', hotkey: '2', description: 'A local depression.' },
  ],
  tags: [{ name: 'ok', noDefects: true }, { name: 'defective' }],
};

const COMMENT = 'There is a dent too: box it as well, then submit again.';

/** Draws a box on the editor canvas (fractions of the canvas) and gives it a class hotkey. */
async function drawBox(
  page: Page,
  from: [number, number],
  to: [number, number],
  key: string,
): Promise<void> {
  const c = (await page.getByTestId('editor-canvas').boundingBox())!;
  const at = ([fx, fy]: [number, number]): [number, number] => [
    c.x + c.width * fx,
    c.y + c.height * fy,
  ];
  await page.keyboard.press('n');
  await page.keyboard.press(key); // in draw mode: the class of the box about to be drawn
  await drag(page, at(from), at(to));
}

/** The per-labeler table's cell for one person (or "Everyone") and one state. */
const cell = (page: Page, who: string, state: string) =>
  page
    .getByRole('table', { name: 'Work per labeler and state' })
    .getByRole('button', { name: new RegExp(`^${who}: \\d+ ${state}$`) });

test('a lead sends a submitted item back with a comment, the labeler fixes it, the lead accepts it', async ({
  page,
  context,
  concord,
}) => {
  test.setTimeout(180_000);
  const project = path.join(concord.workDir, 'steel.concord');
  const specFile = path.join(concord.workDir, 'spec.json');
  fs.writeFileSync(specFile, JSON.stringify(SPEC));
  expect(
    concord.cli(['init', project, '--name', 'Steel sheets', '--instructions', specFile]).status,
  ).toBe(0);
  const images = path.join(concord.workDir, 'images');
  await makeImageFolder(images, 3, path.join(concord.workDir, 'meta.csv'));
  expect(concord.cli(['import', project, images]).status).toBe(0);
  const served = await concord.serve(project);

  // The lead adds ana; Submissions says there is nothing to review yet, and why.
  await createLead(page);
  await nav(page, 'People');
  const add = page.getByRole('form', { name: 'Add a person' });
  await add.getByLabel('Name').fill('ana');
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(page.locator('.people-table')).toContainText('ana');
  await nav(page, 'Submissions');
  await expect(page.getByRole('heading', { name: 'Submissions' })).toBeVisible();
  await expect(page.getByTestId('submissions-empty')).toContainText('Nothing waiting for review');
  await expect(cell(page, 'ana', 'submitted')).toHaveText('0');
  await concord.shot(page, 'submissions-empty');

  // ana, in her own tab, draws a scratch on the first item and submits it.
  const ana = await context.newPage();
  await ana.goto(served.origin);
  await signIn(ana, 'ana');
  await expect(
    ana.getByRole('navigation', { name: 'Project' }).getByRole('button', { name: 'Submissions' }),
  ).toHaveCount(0);
  await nav(ana, 'Label');
  await expect(ana.getByTestId('box-count')).toHaveText('0 boxes');
  await drawBox(ana, [0.25, 0.3], [0.45, 0.55], '1');
  await expect(ana.getByTestId('box-count')).toContainText('1 box');
  await expect(ana.getByTestId('save-status')).toHaveText('Saved');
  await ana.keyboard.press('Control+Enter');
  await expect(ana.getByRole('tab', { name: /Done/ })).toContainText('1');

  // The lead sees it in the review queue with ana's box on the image.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(cell(page, 'ana', 'submitted')).toHaveText('1');
  await expect(cell(page, 'ana', 'submitted')).toHaveAttribute('aria-pressed', 'true');
  const items = page.getByRole('listbox', { name: 'Items' }).getByRole('option');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('ana');
  await expect(items.first()).toContainText('1 box');
  await expect(items.first()).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('review-box')).toHaveCount(1);
  await expect(page.getByTestId('review-summary')).toContainText('1 box: 1 scratch');
  await expect(page.getByTestId('review-status')).toHaveText('Submitted');
  await concord.shot(page, 'submissions-review');

  // S opens the comment box; sending needs a comment.
  await page.keyboard.press('s');
  const compose = page.getByRole('form', { name: 'Send back' });
  await expect(compose.getByRole('textbox')).toBeFocused();
  const send = compose.getByRole('button', { name: 'Send back to ana' });
  await expect(send).toBeDisabled();
  await compose.getByRole('textbox').fill(COMMENT);
  await concord.shot(page, 'submissions-send-back');
  await send.click();
  await expect(page.getByTestId('submissions-empty')).toContainText('Nothing waiting for review');
  await expect(cell(page, 'ana', 'submitted')).toHaveText('0');
  await expect(cell(page, 'ana', 'sent back')).toHaveText('1');
  // The sent-back list shows the comment with the item.
  await cell(page, 'ana', 'sent back').click();
  await expect(items.first()).toContainText(COMMENT);
  await expect(page.getByRole('button', { name: /^Send back/ })).toBeDisabled();
  await concord.shot(page, 'submissions-sent-back-list');
  await cell(page, 'ana', 'submitted').click();

  // ana sees the comment on the item, which is editable again; she adds the dent and resubmits.
  await ana.bringToFront();
  await nav(ana, 'My queue');
  await ana.getByRole('tab', { name: /Sent back/ }).click();
  await ana.locator('.queue-row').first().click();
  await expect(ana.getByText('Sent back by the lead.')).toBeVisible();
  await expect(ana.locator('.label-banner')).toContainText(COMMENT);
  await expect(ana.getByTestId('readonly-banner')).toHaveCount(0);
  await expect(ana.getByTestId('box-count')).toContainText('1 box');
  await concord.shot(ana, 'submissions-labeler-sent-back');
  await drawBox(ana, [0.6, 0.55], [0.8, 0.8], '2');
  await expect(ana.getByTestId('box-count')).toContainText('2 boxes');
  await expect(ana.getByTestId('save-status')).toHaveText('Saved');
  await ana.keyboard.press('Control+Enter');
  await nav(ana, 'My queue');
  await expect(ana.getByRole('tab', { name: /Submitted/ })).toContainText('1');

  // The lead sees the resubmission (with the earlier comment for context) and accepts it with A.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(cell(page, 'ana', 'submitted')).toHaveText('1');
  await expect(cell(page, 'ana', 'sent back')).toHaveText('0');
  await expect(items).toHaveCount(1);
  await expect(page.getByTestId('review-box')).toHaveCount(2);
  await expect(page.getByTestId('review-comment')).toContainText(COMMENT);
  await page.keyboard.press('a');
  await expect(page.getByTestId('submissions-empty')).toBeVisible();
  await expect(cell(page, 'ana', 'submitted')).toHaveText('0');
  await expect(cell(page, 'ana', 'accepted')).toHaveText('1');
  await cell(page, 'ana', 'accepted').click();
  await expect(items).toHaveCount(1);
  await expect(page.getByTestId('review-status')).toHaveText('Accepted');
  await expect(page.getByRole('button', { name: /^Accept/ })).toBeDisabled();
  await concord.shot(page, 'submissions-accepted');

  // For ana the accepted item is read-only.
  await ana.bringToFront();
  await nav(ana, 'My queue');
  await ana.getByRole('tab', { name: /Accepted/ }).click();
  await ana.locator('.queue-row').first().click();
  await expect(ana.getByTestId('readonly-banner')).toContainText('Accepted');
});

/** Calls a channel over the page's transport as the given session; returns the envelope. */
async function call(page: Page, session: string, channel: string, input: unknown) {
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

async function ok<T>(page: Page, session: string, channel: string, input: unknown): Promise<T> {
  const env = await call(page, session, channel, input);
  if (!env.ok) throw new Error(`${channel}: ${env.error?.message}`);
  return env.value as T;
}

test('the lead reviews an open round’s submissions from the keyboard, moving on after each', async ({
  page,
  concord,
}) => {
  test.setTimeout(120_000);
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
  const lead = String(await page.evaluate('sessionStorage.getItem("concord.session")'));

  // ana and ben (with PINs) label a blind round of two items and submit; ana also has one
  // item in progress outside the round. All through the API, each as themselves.
  const people: Record<string, number> = {};
  for (const [name, pin] of [
    ['ana', '1357'],
    ['ben', '2468'],
  ] as const) {
    const p = await ok<{ id: number }>(page, lead, 'profiles:create', {
      name,
      role: 'labeler',
      secret: pin,
    });
    people[name] = p.id;
    await ok(page, `e2e-session-${name}`, 'session:signIn', { profileId: p.id, secret: pin });
  }
  const round = await ok<{ id: number }>(page, lead, 'rounds:create', {
    labelerIds: [people.ana, people.ben],
    size: { count: 2 },
    seed: 5,
  });
  const spec = await ok<{ spec: { classes: Array<{ id: string }> } }>(
    page,
    lead,
    'instructions:current',
    {},
  );
  const doc = (n: number) => ({
    boxes: Array.from({ length: n }, (_, i) => ({
      id: `b${i}`,
      classId: spec.spec.classes[i % 2]!.id,
      x: 30 + i * 120,
      y: 40,
      w: 90,
      h: 70,
      attributes: {},
      uncertain: false,
      source: null,
    })),
    tags: [],
    noDefects: false,
    uncertain: false,
    segments: [],
  });
  for (const [who, boxes] of [
    ['ana', 1],
    ['ben', 2],
  ] as const) {
    const s = `e2e-session-${who}`;
    const queue = await ok<{ items: Array<{ assetId: number }> }>(page, s, 'work:queue', {
      roundId: round.id,
    });
    for (const { assetId } of queue.items) {
      await ok(page, s, 'annotations:save', {
        assetId,
        roundId: round.id,
        doc: doc(boxes),
        baseRevision: 0,
      });
      await ok(page, s, 'annotations:submit', { assetId, roundId: round.id });
    }
  }
  const own = await ok<{ items: Array<{ assetId: number }> }>(
    page,
    'e2e-session-ana',
    'work:queue',
    {},
  );
  await ok(page, 'e2e-session-ana', 'annotations:save', {
    assetId: own.items[0]!.assetId,
    doc: doc(1),
    baseRevision: 0,
  });
  // The overview is the lead's: a labeler asking for it is refused.
  const refused = await call(page, 'e2e-session-ana', 'work:overview', {});
  expect(refused.error?.code).toBe('FORBIDDEN');

  await nav(page, 'Submissions');
  await expect(cell(page, 'Everyone', 'submitted')).toHaveText('4');
  await expect(cell(page, 'ana', 'working')).toHaveText('1');
  await page.getByLabel('Scope').selectOption({ label: 'Round r1 (open)' });
  await expect(cell(page, 'ana', 'working')).toHaveText('0');
  const items = page.getByRole('listbox', { name: 'Items' }).getByRole('option');
  const review = page.getByRole('region', { name: 'Review' });
  await expect(items).toHaveCount(4);
  for (const row of await items.all()) await expect(row).toContainText('round r1');
  await expect(items.nth(0)).toHaveAttribute('aria-selected', 'true');

  // j moves down, k up; A accepts the selected item and selects the one after it.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(items.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(review).toHaveAttribute('aria-busy', 'false'); // its item is on screen
  const third = (await items.nth(2).textContent())!;
  await concord.shot(page, 'submissions-round');
  await page.keyboard.press('a');
  await expect(items).toHaveCount(3);
  await expect(items.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(items.nth(1)).toHaveText(third);
  await expect(cell(page, 'Everyone', 'accepted')).toHaveText('1');
  await expect(cell(page, 'Everyone', 'submitted')).toHaveText('3');
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(review).toHaveAttribute('aria-busy', 'false');
  await page.keyboard.press('b');
  await page.getByRole('form', { name: 'Send back' }).getByRole('textbox').fill('Too loose');
  await page.keyboard.press('Control+Enter');
  await expect(items).toHaveCount(2);
  await expect(items.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(cell(page, 'Everyone', 'sent back')).toHaveText('1');
});
