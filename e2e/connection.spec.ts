import { expect, test } from '@playwright/test';
import { Stack } from '../scripts/lib/stack';

test.describe('Live connection', () => {
  test('follows the master going away and coming back, without a reload, with one socket afterwards', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const stack = new Stack(18090, 4310);
    await stack.start();
    try {
      await stack.signIn(page.context());
      await page.goto(`${stack.appUrl}/dashboard`);
      const chip = page.getByRole('status', { name: /^Connection: / });
      await expect(chip).toHaveAccessibleName(/^Connection: Live\./);
      const workersBefore = await page.getByTestId('workers-total').textContent();
      const sameDocument = () => page.evaluate(() => document.documentElement.dataset['marked'] === 'yes');
      await page.evaluate(() => (document.documentElement.dataset['marked'] = 'yes'));

      await stack.stopMaster();
      await expect(chip).not.toHaveAccessibleName(/^Connection: Live\./, { timeout: 1000 });
      await expect(chip).toContainText(/Reconnecting/);

      await stack.startMaster();
      await expect(chip).toHaveAccessibleName(/^Connection: Live\./, { timeout: 2000 });

      await expect.poll(() => stack.activeTelemetryClients()).toBe(1);
      await expect(page.getByTestId('workers-total')).toHaveText(workersBefore ?? '');
      expect(await sameDocument()).toBe(true);
    } finally {
      await stack.stop();
    }
  });

  test('the task list resumes after the master restarts', async ({ page }) => {
    test.setTimeout(60_000);
    const stack = new Stack(18092, 4312);
    await stack.start();
    try {
      await stack.signIn(page.context());
      await page.goto(`${stack.appUrl}/tasks`);
      await page.getByRole('radio', { name: '1 s' }).click();
      await stack.stopMaster();
      await expect(page.getByText(/could not be loaded|last refresh failed/)).toBeVisible({ timeout: 10_000 });

      await stack.startMaster();
      const submitted = await fetch(`${stack.masterUrl}/api/tasks`, {
        method: 'POST',
        body: JSON.stringify({
          docker_image: 'after-restart:1',
          command: 'sleep 600',
          cpu_required: 0.5,
          memory_required: 0.5,
          storage_required: 1,
        }),
      });
      const { task_id: taskId } = (await submitted.json()) as { task_id: string };

      await expect(page.getByRole('link', { name: taskId, exact: true })).toBeVisible({ timeout: 15_000 });
      await page.getByRole('radio', { name: '3 s' }).click();
    } finally {
      await stack.stop();
    }
  });
});
