import { expect, test } from './fixtures';

test('the app loads over the loopback transport', async ({ page, concord }) => {
  await concord.serve();
  await expect(page.getByRole('heading', { name: 'Concord' })).toBeVisible();
});
