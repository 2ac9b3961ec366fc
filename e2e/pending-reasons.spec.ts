import { expect, test } from '@playwright/test';
import { Master } from './helpers/master';

test.describe('Why pending', () => {
  test('says why a task without storage_required never starts, and filters the tasks that never will', async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    // Left out, storage_required becomes 1024 GB at the master: more than any simulated worker has.
    const taskId = await master.submitTask('why-pending:1', 'sleep 5', { storage_required: undefined });
    await page.goto('/tasks?q=why-pending');

    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: taskId, exact: true }) });
    await expect(row.getByTestId('why-pending')).toHaveText(
      /^no worker has 1,024 GB storage \(largest: \d[\d,]* GB storage\)$/,
    );

    await page.getByRole('radio', { name: /^Pending/ }).click();
    await page.getByRole('radio', { name: /^Can never run/ }).click();
    await expect(page).toHaveURL(/status=pending-never/);
    await expect(row).toBeVisible();
    await page.getByRole('radio', { name: 'Any reason' }).click();
    await expect(page).toHaveURL(/status=pending(&|$)/);
    await expect(row).toBeVisible();
  });

  test('warns on the submit form, before submitting, that no worker has a GPU', async ({ page }) => {
    await page.goto('/tasks/new');
    await page.getByLabel('CPU').fill('1');
    await page.getByLabel('Memory').fill('1');
    await page.getByLabel('Storage').fill('5');
    await page.getByLabel('GPUs').fill('0');
    await expect(page.getByTestId('placement-note')).toContainText(/^\s*\S+\s+Fits /);

    await page.getByLabel('GPUs').fill('1');

    await expect(page.getByTestId('placement-note')).toContainText(
      'No worker could ever run this task: no worker has 1 GPU (largest: 0 GPUs).',
    );
  });
});
