import { expect, test } from '@playwright/test';
import { Master } from './helpers/master';

test.describe('Dashboard', () => {
  test("shows the master's worker and task counts within 5 s", async ({ page, request }) => {
    const master = new Master(request);
    await master.submitTask();
    const [workers, tasks] = await Promise.all([master.workerCount(), master.taskCount()]);

    await page.goto('/');

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId('workers-total')).toHaveText(String(workers), { timeout: 5_000 });
    await expect(page.getByTestId('tasks-total')).toHaveText(String(tasks), { timeout: 5_000 });
    await expect(page.getByRole('meter', { name: 'CPU allocated' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Cluster CPU and memory' })).toBeVisible();
  });

  test('picks up a new task and a new worker without a reload', async ({ page, request }) => {
    const master = new Master(request);
    await page.goto('/dashboard');
    const tasksBefore = Number(await page.getByTestId('tasks-total').textContent());
    const workersBefore = Number(await page.getByTestId('workers-total').textContent());

    await master.submitTask('alpine:3.20');
    await master.addWorker('e2e-added-worker');

    await expect(page.getByTestId('tasks-total')).toHaveText(String(tasksBefore + 1));
    await expect(page.getByTestId('workers-total')).toHaveText(String(workersBefore + 1), { timeout: 10_000 });
  });

  test('says the connection is live', async ({ page }) => {
    await page.goto('/dashboard');

    await expect(page.getByRole('status', { name: /^Connection: Live\./ })).toContainText('Live');
  });
});
