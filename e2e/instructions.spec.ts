import path from 'node:path';
import { createLead, expect, LEAD, signIn, test } from './fixtures';
import { makeImageFolder } from './testMedia';

test('a lead edits the instructions, saves with a note, and the version number increases', async ({
  page,
  concord,
}) => {
  test.setTimeout(120_000);
  const project = path.join(concord.workDir, 'steel.concord');
  expect(concord.cli(['init', project, '--name', 'Steel sheets']).status).toBe(0);
  const images = path.join(concord.workDir, 'images');
  await makeImageFolder(images, 4, path.join(concord.workDir, 'meta.csv'));
  expect(concord.cli(['import', project, images]).status).toBe(0);

  // A project without a lead asks for one first.
  await concord.serve(project);
  await expect(page.getByRole('heading', { name: 'Create the lead profile' })).toBeVisible();
  await concord.shot(page, 'create-lead');
  await createLead(page);

  // The lead adds a labeler in People, then switches user: "Who is working?".
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('button', { name: 'People' })
    .click();
  const add = page.getByRole('form', { name: 'Add a person' });
  await add.getByLabel('Name').fill('ana');
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(page.locator('.people-table')).toContainText('ana');
  await concord.shot(page, 'people');
  await page.getByRole('button', { name: 'Switch user' }).click();
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await page.getByRole('button', { name: /^Lead\b/ }).click();
  await expect(page.getByLabel('Passphrase for Lead')).toBeVisible();
  await concord.shot(page, 'sign-in');
  await page.getByLabel('Passphrase for Lead').fill('wrong-one');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong passphrase for Lead');
  await page.getByLabel('Passphrase for Lead').fill(LEAD.secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-profile')).toContainText('Lead');

  // Instructions: version 1 are the defaults; add a class with a hotkey and a description.
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('button', { name: 'Instructions' })
    .click();
  const version = page.getByTestId('instructions-version');
  await expect(version).toHaveText('Version 1');
  await page.getByRole('button', { name: 'Add class' }).click();
  await page.getByLabel('Class name').fill('scratch');
  // A new class gets the first free digit, so it is one keypress away in the editor.
  await expect(page.getByLabel('Class hotkey')).toHaveValue('1');
  await page
    .getByRole('textbox', { name: 'Description', exact: true })
    .fill('A **linear** mark longer than 5 mm.\n\n- box the whole mark\n- not dust');
  await expect(page.getByLabel('Description preview').locator('strong')).toHaveText('linear');
  await page.getByRole('button', { name: 'Add attribute' }).click();

  // An example image with a highlighted box.
  await page.getByRole('button', { name: 'Add example' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose an example image' });
  await picker.locator('.example-grid-item').first().click();
  const region = page.getByRole('img', { name: 'Drag to highlight a region' });
  const r = (await region.boundingBox())!;
  await page.mouse.move(r.x + r.width * 0.2, r.y + r.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(r.x + r.width * 0.6, r.y + r.height * 0.7, { steps: 5 });
  await page.mouse.up();
  await page.getByLabel('Note', { exact: true }).fill('typical scratch');
  await page.getByRole('button', { name: 'Add example', exact: true }).last().click();
  await expect(page.locator('.examples-row svg rect')).toHaveCount(1);

  await page.getByLabel('Change note').fill('Add scratch with examples');
  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(version).toHaveText('Version 2');
  await expect(page.locator('.save-bar-state')).toContainText('Saved as version 2');
  const history = page.getByRole('complementary', { name: 'Version history' });
  await expect(history.getByRole('button').first()).toContainText('Add scratch with examples');
  await page.waitForTimeout(300); // example thumbnail
  await concord.shot(page, 'instructions-editor');

  // Old versions stay readable.
  await history.getByRole('button', { name: /^v1\b/ }).click();
  await expect(version).toHaveText('Version 1');
  await expect(page.getByText('an older version (read-only)')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the current version' }).click();
  await expect(version).toHaveText('Version 2');

  // An unsaved draft survives leaving the screen and coming back…
  const nav = (name: string) =>
    page.getByRole('navigation', { name: 'Project' }).getByRole('button', { name }).click();
  const description = page.getByRole('textbox', { name: 'Description', exact: true });
  await description.fill(
    'A **linear** mark longer than 5 mm.\n\n- box the whole mark\n- not dust\n- not rust',
  );
  await expect(page.locator('.save-bar-state')).toContainText('Unsaved changes');
  await nav('Assets');
  await nav('Instructions');
  await expect(description).toHaveValue(/- not rust$/);
  await expect(page.locator('.save-bar-state')).toContainText('Unsaved changes');
  // …and a reload: it is offered back.
  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await nav('Instructions');
  const offer = page.getByRole('alert', { name: 'Unsaved draft' });
  await expect(offer).toContainText('You have an unsaved draft from');
  await concord.shot(page, 'instructions-draft-offer');
  await offer.getByRole('button', { name: 'Keep editing' }).click();
  await expect(description).toHaveValue(/- not rust$/);
  // Tag descriptions are Markdown over several lines too.
  await page.getByRole('tab', { name: /Item tags/ }).click();
  const tagDescription = page.getByLabel('Tag description').first();
  await tagDescription.fill('The sheet shows **no defect** at all.\n\n- check both edges');
  await expect(tagDescription).toHaveValue(/\n- check both edges$/);
  await concord.shot(page, 'instructions-tags');
  await page.getByLabel('Change note').fill('Rust is not a scratch');
  await page.getByRole('button', { name: 'Save as version 3' }).click();
  await expect(version).toHaveText('Version 3');
  await page.reload();
  await nav('Instructions');
  await expect(version).toHaveText('Version 3');
  await expect(page.getByRole('alert', { name: 'Unsaved draft' })).toHaveCount(0);

  // The CLI reads the same version.
  const shown = concord.cli(['instructions', 'show', project]);
  expect(shown.stdout).toContain('instructions version 3');
  expect(shown.stdout).toContain('[1] scratch');

  // A labeler reads the instructions but cannot change them.
  await page.getByRole('button', { name: 'Switch user' }).click();
  await signIn(page, 'ana');
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('button', { name: 'Instructions' })
    .click();
  await expect(version).toHaveText('Version 3');
  await expect(page.getByRole('complementary', { name: 'Instructions for scratch' })).toContainText(
    'box the whole mark',
  );
  await expect(page.getByRole('button', { name: /Save as version/ })).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Project' }).getByRole('button', { name: 'People' }),
  ).toHaveCount(0);
  await concord.shot(page, 'instructions-labeler');

  // Her queue: every asset, none started yet.
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('button', { name: 'My queue' })
    .click();
  await expect(page.getByRole('tab', { name: /To do/ })).toContainText('4');
  await expect(page.locator('.queue-row')).toHaveCount(4);
  await concord.shot(page, 'work-queue');
});
