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
    await expect(page.getByRole('status').filter({ hasText: /Paused \(this list only\) · updated/ })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: /Paused \(this list only\) · updated/ })).toBeVisible();
    await page.getByRole('radio', { name: '3 s' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Auto-updating' })).toBeVisible();
  });
});

test.describe('Submit task', () => {
  test('submits a task through the form; it appears in the list and reaches a final status', async ({ page }) => {
    await page.goto('/tasks/new');
    await page.getByRole('textbox', { name: 'Docker image' }).fill('form-image:1');
    await page.getByRole('textbox', { name: 'Command' }).fill('sleep 3; exit 0');
    await page.getByRole('spinbutton', { name: 'CPU' }).fill('0.5');
    await page.getByRole('spinbutton', { name: 'Memory' }).fill('0.5');
    await page.getByRole('spinbutton', { name: 'Storage' }).fill('1');
    await page.getByRole('button', { name: 'Submit task' }).click();

    await expect(page.getByText(/Task task-\d+ submitted\./)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Docker image' })).toHaveValue('');
    // A fresh form after success, not a submitted one: no error beside the success message.
    await expect(page.getByText('An image is required')).toHaveCount(0);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page).toHaveURL(/\/tasks\/task-\d+$/);

    await page.goto('/tasks?q=form-image');
    const row = page.getByRole('table', { name: 'Tasks' }).getByRole('row').filter({ hasText: 'form-image:1' });
    await expect(row).toContainText('completed', { timeout: 25_000 });
  });

  test('keeps every field when the master refuses, shows its words, and keeps a draft through a reload', async ({
    page,
  }) => {
    await page.route('**/api/tasks', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 400,
            contentType: 'text/plain; charset=utf-8',
            body: 'k_value must be between 1.5 and 2.5\n',
          })
        : route.continue(),
    );
    await page.goto('/tasks/new');
    await page.getByRole('textbox', { name: 'Docker image' }).fill('refused:1');
    await page.getByRole('textbox', { name: 'Command' }).fill('echo kept');
    await page.getByRole('button', { name: 'Submit task' }).click();

    await expect(page.getByRole('alert')).toHaveText(
      'The master refused the task: k_value must be between 1.5 and 2.5 (HTTP 400)',
    );
    await expect(page.getByRole('textbox', { name: 'Docker image' })).toHaveValue('refused:1');

    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Docker image' })).toHaveValue('refused:1');
    await expect(page.getByRole('textbox', { name: 'Command' })).toHaveValue('echo kept');
  });

  test('validates like the master before sending anything', async ({ page }) => {
    await page.goto('/tasks/new');
    await page.getByRole('spinbutton', { name: 'CPU' }).fill('0');
    await page.getByRole('spinbutton', { name: 'GPU' }).fill('1.5');
    await page.getByRole('button', { name: 'Submit task' }).click();

    await expect(page.getByText('An image is required')).toBeVisible();
    await expect(page.getByText('More than 0 cores.')).toBeVisible();
    await expect(page.getByText('A whole number, 0 or more.')).toBeVisible();

    // Accepted by the master, but no worker could pull it: said before submitting.
    await page.getByRole('textbox', { name: 'Docker image' }).fill('my image <b>');
    await expect(page.getByText(/it is not an image name .* the worker will fail to pull it/)).toBeVisible();
  });
});

test.describe('Task list while the operator works', () => {
  test('holds the order while the pointer is over the rows and offers the waiting changes', async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    await master.submitTask('hold:1', 'sleep 600');
    await page.goto('/tasks?q=hold:');
    await page.getByRole('radio', { name: '1 s' }).click();
    const rows = page.getByRole('table', { name: 'Tasks' }).getByRole('row').filter({ hasText: 'hold:' });
    await expect(rows).toHaveCount(1);

    await rows.first().hover();
    const newcomer = await master.submitTask('hold:2', 'sleep 600');
    const apply = page.getByRole('button', { name: /1 change — apply/ });
    await expect(apply).toBeVisible();
    await expect(rows).toHaveCount(1);

    await apply.click();
    await expect(rows).toHaveCount(2);
    // Both may be created in the same second (the master's times are whole seconds): then their order is the ids'.
    await expect(rows.filter({ hasText: newcomer })).toHaveCount(1);
    await page.getByRole('radio', { name: '3 s' }).click();
  });

  test('"Run again" opens the form filled in from the task', async ({ page, request }) => {
    const master = new Master(request);
    const taskId = await master.submitTask('again:7', 'echo twice', { cpu_required: 1.5, tag: 'mixed' });
    await page.goto(`/tasks?q=${taskId}`);

    await page.getByRole('link', { name: `Run ${taskId} again` }).click();

    await expect(page).toHaveURL(/\/tasks\/new$/);
    await expect(page.getByRole('textbox', { name: 'Docker image' })).toHaveValue('again:7');
    await expect(page.getByRole('textbox', { name: 'Command' })).toHaveValue('echo twice');
    await expect(page.getByRole('spinbutton', { name: 'CPU' })).toHaveValue('1.5');
    await expect(page.getByRole('status').filter({ hasText: `Filled in from task ${taskId}` })).toBeVisible();
    await page.getByRole('button', { name: 'Start over' }).click();
  });
});

test.describe('Notifications', () => {
  test('a task submitted here raises a snackbar when it fails, on any page, and counts in the tab title', async ({
    page,
  }) => {
    await page.goto('/tasks/new');
    await page.getByRole('textbox', { name: 'Docker image' }).fill('notify-me:1');
    await page.getByRole('textbox', { name: 'Command' }).fill('sleep 2; exit 3');
    await page.getByRole('spinbutton', { name: 'CPU' }).fill('0.5');
    await page.getByRole('spinbutton', { name: 'Memory' }).fill('0.5');
    await page.getByRole('spinbutton', { name: 'Storage' }).fill('1');
    await page.getByRole('button', { name: 'Submit task' }).click();
    await expect(page.getByText(/Task task-\d+ submitted\./)).toBeVisible();
    await page.getByRole('link', { name: 'Workers' }).click();

    const failed = page.getByText(/Task task-\d+ failed\./);
    await expect(failed).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveTitle(/^\(1\) /);

    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page).toHaveURL(/\/tasks\/task-\d+$/);
    await expect(page).not.toHaveTitle(/^\(\d+\) /);
  });

  test('a watched task raises a snackbar when it completes', async ({ page, request }) => {
    const master = new Master(request);
    const taskId = await master.submitTask('watch-me:1', 'sleep 6; exit 0');
    await page.goto(`/tasks/${taskId}`);
    await page.getByRole('button', { name: 'Watch' }).click();
    await expect(page.getByRole('button', { name: 'Watching' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();

    await expect(page.getByText(`Task ${taskId} completed.`)).toBeVisible({ timeout: 30_000 });
  });
});
