import fs from 'node:fs';
import path from 'node:path';
import { SAMPLE_LABELER_PINS } from '../shared/domain/sampleCredentials';
import { enterAsLead, expect, signIn, test } from './fixtures';
import { nav } from './pageActions';

/**
 * The sample project run through a blind round from the CLI (its labelers have PINs, so the
 * round may be drawn), then the Agreement screen read at 1440x900 and 1280x800: balanced
 * headline cards with their evidence, the clicked class the only one marked while its items
 * are listed, and the item dialog naming tags instead of showing their ids.
 */

interface Truth {
  images: Array<{
    file: string;
    tags: string[];
    boxes: Array<{ class: string; x: number; y: number; w: number; h: number }>;
  }>;
}

/** Two labelers' versions of the truth: ben shifts, drops, renames and retags now and then. */
function labelFiles(dir: string, truth: Truth, files: string[]): Record<'ana' | 'ben', string> {
  const byFile = new Map(truth.images.map((i) => [i.file, i]));
  const classes = ['scratch', 'spot', 'inclusion'];
  const items = (who: 'ana' | 'ben') =>
    files.map((file, n) => {
      const t = byFile.get(file)!;
      let boxes = t.boxes.map((b) => ({ ...b }));
      let tags = t.tags;
      if (who === 'ben') {
        boxes = boxes.map((b, k) => ({
          ...b,
          x: b.x + 2,
          class: (n + k) % 4 === 1 ? classes[(classes.indexOf(b.class) + 1) % 3]! : b.class,
        }));
        if (n % 3 === 2) boxes = boxes.slice(1);
        if (n % 5 === 4) tags = ['uncertain'];
      }
      return { file, tags, boxes };
    });
  const out = { ana: path.join(dir, 'ana.json'), ben: path.join(dir, 'ben.json') };
  for (const who of ['ana', 'ben'] as const)
    fs.writeFileSync(out[who], JSON.stringify({ labeler: who, items: items(who) }));
  return out;
}

test('the agreement screen of a sample round reads well at 1440 and 1280 px', async ({
  page,
  context,
  concord,
}) => {
  test.setTimeout(240_000);
  const served = await concord.serve();
  await page.getByRole('button', { name: /Open sample project/ }).click();
  await enterAsLead(page, { timeout: 150_000 });
  const sampleDir = path.join(concord.dataDir, 'sample');
  const project = path.join(sampleDir, 'Sample.concord');

  // The CLI works on the project the app has open: a round of 12 images, labeled by import.
  const created = concord.cli([
    'round',
    'create',
    project,
    '--labelers',
    'ana,ben',
    '--size',
    '12',
    '--seed',
    '5',
    '--json',
  ]);
  expect(created.stderr).toBe('');
  const files = (JSON.parse(created.stdout) as { items: Array<{ path: string }> }).items.map(
    (i) => i.path,
  );
  const truth = JSON.parse(
    fs.readFileSync(path.join(sampleDir, 'ground-truth.json'), 'utf8'),
  ) as Truth;
  const label = labelFiles(concord.workDir, truth, files);
  for (const who of ['ana', 'ben'] as const) {
    const r = concord.cli([
      'annotations',
      'import',
      project,
      '--labeler',
      who,
      '--format',
      'concord',
      '--round',
      'r1',
      label[who],
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }

  await nav(page, 'Agreement');
  await expect(page.locator('.ag-scope')).toContainText('Round r1');
  await expect(page.locator('.ag-scope')).toContainText('12 items compared');
  const cards = page.locator('.ag-card');
  await expect(page.getByRole('button', { name: /^Class conflicts/ })).toContainText(
    /in \d+ of 12 items/,
  );
  await expect(cards.filter({ hasText: 'Mean IoU' })).toContainText(/95% CI \d\.\d\d–\d\.\d\d/);
  await expect(cards.filter({ hasText: 'Mean IoU' })).toContainText(
    /matched pairs in \d+ of 12 items/,
  );

  for (const [width, height] of [
    [1440, 900],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    // No card is left alone on its row.
    const tops = await cards.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    const perRow = new Map<number, number>();
    for (const t of tops) perRow.set(Math.round(t), (perRow.get(Math.round(t)) ?? 0) + 1);
    expect([...perRow.values()].every((n) => n >= 2)).toBe(true);
    await concord.shot(page, `agreement-sample-${width}`);

    // The clicked class is the one marked while the drawer lists its items.
    const perClass = page.getByRole('group', { name: 'F1 per class, worst first' });
    const worst = perClass.getByRole('button').first();
    const name = (await worst.getAttribute('aria-label'))!.split(':')[0]!;
    await worst.click();
    await expect(
      page.getByRole('complementary', { name: `Items: Disagreements on ${name}` }),
    ).toBeVisible();
    await expect(worst).toHaveAttribute('aria-pressed', 'true');
    await expect(perClass.locator('[aria-pressed="true"]')).toHaveCount(1);
    await concord.shot(page, `agreement-sample-drawer-${width}`);

    // The item dialog names the tags.
    await page.locator('.ag-drawer .ag-item').first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('figcaption').first()).toContainText(/tags: (ok|defective)/);
    await expect(dialog).not.toContainText('tag_');
    await concord.shot(page, `agreement-sample-item-${width}`);
    await dialog.getByRole('button', { name: 'Close dialog' }).click();
    await page.getByRole('button', { name: 'Close the item list' }).click();
  }

  // ana signs in with the sample's PIN; her own queue points to the round instead of listing it.
  const ana = await context.newPage();
  await ana.setViewportSize({ width: 1280, height: 800 });
  await ana.goto(served.origin);
  await signIn(ana, 'ana', SAMPLE_LABELER_PINS.ana);
  // She lands on the round, her one open round (after a look at her work); then My queue.
  await expect(ana.getByTestId('round-banner')).toContainText('Round r1');
  await nav(ana, 'My queue');
  await expect(ana.getByRole('note')).toContainText('12 items of round r1 are not listed here');
  await concord.shot(ana, 'queue-round-note');
});
