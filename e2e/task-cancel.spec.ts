import { Page, expect, test } from '@playwright/test';
import { Master } from './helpers/master';

const rowOf = (page: Page, taskId: string) =>
  page
    .getByRole('table', { name: 'Tasks' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: taskId, exact: true }) });

test.describe('Cancelling tasks', () => {
  test('cancels a running task after confirmation; the row turns cancelled at once and stays so', async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    const taskId = await master.submitTask('cancel-me:1', 'sleep 600');
    await master.waitUntilRunning(taskId);
    await page.goto(`/tasks?q=${taskId}`);
    const row = rowOf(page, taskId);
    await expect(row).toContainText('running');

    await row.getByRole('button', { name: `Cancel ${taskId}` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('This running task will be stopped');
    await dialog.getByRole('button', { name: 'Cancel task' }).click();

    await expect(row).toContainText('cancelled');
    await expect.poll(() => master.taskStatus(taskId), { timeout: 15_000 }).toBe('cancelled');
    await expect(row).toContainText('cancelled');
    await expect(row.getByRole('progressbar')).toHaveCount(0, { timeout: 10_000 });
  });

  test('explains why a pending task cannot be cancelled', async ({ page, request }) => {
    const master = new Master(request);
    // Nothing fits 10,000 cores: the task stays pending.
    const taskId = await master.submitTask('too-big:1', 'sleep 1', { cpu_required: 10_000 });
    expect(await master.taskStatus(taskId)).toBe('pending');
    await page.goto(`/tasks/${taskId}`);

    const cancel = page.getByRole('button', { name: 'Cancel task' });
    await expect(cancel).toBeDisabled();
    await expect(page.locator('p').filter({ hasText: 'A pending task cannot be cancelled' })).toBeVisible();
  });

  test('rolls a failed cancel back to the real status and says why', async ({ page, request }) => {
    const master = new Master(request);
    const taskId = await master.submitTask('cancel-fails:1', 'sleep 600');
    await master.waitUntilRunning(taskId);
    await page.route(`**/api/tasks/${taskId}`, (route) =>
      route.request().method() === 'DELETE'
        ? route.fulfill({ status: 500, contentType: 'text/plain', body: 'Failed to cancel task: worker unreachable\n' })
        : route.continue(),
    );
    await page.goto(`/tasks?q=${taskId}`);
    const row = rowOf(page, taskId);
    await expect(row).toContainText('running');

    await row.getByRole('button', { name: `Cancel ${taskId}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel task' }).click();

    await expect(
      page.getByText(
        `Cancelling ${taskId} failed: Failed to cancel task: worker unreachable (HTTP 500) It is running again.`,
      ),
    ).toBeVisible();
    await expect(row).toContainText('running');
    expect(await master.taskStatus(taskId)).toBe('running');
  });

  test('cancels the selected tasks in bulk, skipping those that cannot be, with a result per task', async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    const first = await master.submitTask('bulk:1', 'sleep 600');
    const second = await master.submitTask('bulk:1', 'sleep 600');
    const done = await master.submitTask('bulk:1', 'sleep 1; exit 0');
    await master.waitUntilRunning(first);
    await master.waitUntilRunning(second);
    await expect.poll(() => master.taskStatus(done), { timeout: 20_000 }).toBe('completed');
    await page.goto('/tasks?q=bulk:1');
    await expect(rowOf(page, done)).toContainText('completed');

    await page.getByRole('checkbox', { name: 'Select all listed tasks' }).check();
    await expect(page.getByText('3 selected')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel selected' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('These running tasks will be stopped');
    await expect(dialog.getByRole('listitem').filter({ hasText: done })).toContainText('overwrite its final status');
    await dialog.getByRole('button', { name: 'Cancel 2 tasks' }).click();

    await expect(dialog.getByRole('status')).toHaveText('2 of 2 tasks cancelled.', { timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(rowOf(page, first)).toContainText('cancelled');
    await expect(rowOf(page, done)).toContainText('completed');
  });
});
