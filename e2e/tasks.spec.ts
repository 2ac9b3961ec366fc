import { expect, test } from '@playwright/test';
import { Master } from './helpers/master';

test.describe('Task list', () => {
  test('shows a new task and its status changes without a reload', async ({ page, request }) => {
    await page.goto('/tasks');
    await expect(page.getByRole('status').filter({ hasText: 'Auto-updating' })).toBeVisible();
    const master = new Master(request);

    const taskId = await master.submitTask('e2e-image:1', 'sleep 4; exit 0');

    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: taskId, exact: true }) });
    await expect(row).toBeVisible();
    await expect(row).toContainText('e2e-image:1');
    await expect(row).toContainText('running', { timeout: 15_000 });
    await expect(row).toContainText('completed', { timeout: 20_000 });
  });

  test('keeps the status filter and search in the URL through a reload', async ({ page, request }) => {
    const master = new Master(request);
    await master.submitTask('filter-me:2', 'sleep 600');
    await page.goto('/tasks');

    await page.getByRole('searchbox', { name: /Search id, image/ }).fill('filter-me');
    await expect(page).toHaveURL(/q=filter-me/);
    await page.getByRole('radio', { name: /^Completed/ }).click();
    await expect(page).toHaveURL(/status=completed/);
    await expect(page.getByText('No task matches this filter.')).toBeVisible();

    await page.reload();
    await expect(page.getByRole('searchbox', { name: /Search id, image/ })).toHaveValue('filter-me');
    await expect(page.getByRole('radio', { name: /^Completed/ })).toBeChecked();
    await page.goBack();
    await expect(
      page.getByRole('table', { name: 'Tasks' }).getByRole('row').filter({ hasText: 'filter-me:2' }),
    ).toBeVisible();
  });

  test('pauses and resumes auto-updating, remembered across visits', async ({ page }) => {
    await page.goto('/tasks');
    await page.getByRole('radio', { name: 'Paused' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Paused · updated/ })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: /Paused · updated/ })).toBeVisible();
    await page.getByRole('radio', { name: '3 s' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Auto-updating' })).toBeVisible();
  });
});
