import type { Page } from '@playwright/test';

/** Opens a screen from the project's sidebar, as a user clicks it. */
export async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Project' }).getByRole('button', { name }).click();
}

/** A mouse drag in steps, so the canvas sees the moves in between (drawing, moving boxes). */
export async function drag(
  page: Page,
  from: [number, number],
  to: [number, number],
): Promise<void> {
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 8 });
  await page.mouse.up();
}
