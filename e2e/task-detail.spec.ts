import { expect, test } from '@playwright/test';
import { openLiveLogs } from './helpers/logs';
import { Master } from './helpers/master';

test.describe('Task detail', () => {
  test("streams a running task's logs live and follows the tail", async ({ page, request }) => {
    const master = new Master(request);
    const taskId = await master.submitTask('logs-live:1', 'sleep 20; exit 0');
    await master.waitUntilRunning(taskId);
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await page.goto(`/tasks/${taskId}`);
    await openLiveLogs(page, master, taskId);

    const log = page.getByRole('log', { name: `Logs of ${taskId}` });
    await expect(page.getByRole('status').filter({ hasText: /Live · \d+ lines?/ })).toBeVisible();
    await expect(log).toContainText('Starting logs-live:1');
    const countLines = async () =>
      Number(
        (
          await page
            .getByRole('status')
            .filter({ hasText: /lines?/ })
            .first()
            .innerText()
        ).match(/(\d+) lines?/)?.[1] ?? 0,
      );
    const early = await countLines();
    await expect.poll(countLines, { timeout: 15_000 }).toBeGreaterThan(early);
    expect(sockets.some((url) => url.endsWith(`/ws/tasks/${taskId}/logs`))).toBe(true);

    // Following: the newest line is on screen; the final status arrives over the same stream.
    await expect(page.getByRole('status').filter({ hasText: 'Stream complete · final status completed' })).toBeVisible({
      timeout: 25_000,
    });
    const lastLine = log.locator('app-log-row').last();
    await expect(lastLine).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
  });

  test('opens no log stream for a pending task and says when logs will start', async ({ page, request }) => {
    const master = new Master(request);
    const taskId = await master.submitTask('never-fits:1', 'sleep 1', { cpu_required: 10_000 });
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await page.goto(`/tasks/${taskId}`);

    await expect(page.getByText('The logs start when the task runs.')).toBeVisible();
    await expect(page.getByText('not assigned yet')).toBeVisible();
    await page.waitForTimeout(1500);
    expect(sockets.filter((url) => url.includes('/ws/tasks/'))).toEqual([]);
  });

  test('shows a finished task with its result, stored logs, search, and output files to download', async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    const taskId = await master.submitTask('python:3.9', 'sleep 2; exit 0');
    await expect.poll(() => master.taskStatus(taskId), { timeout: 25_000 }).toBe('completed');
    await page.goto(`/tasks/${taskId}`);

    await expect(page.getByRole('status').filter({ hasText: 'Stored logs · final status completed' })).toBeVisible();
    await expect(page.getByText('Result')).toBeVisible();
    await expect(page.getByText('Assigned')).toBeVisible();

    await page.getByRole('searchbox', { name: 'Search logs' }).fill('starting');
    await expect(page.getByRole('status').filter({ hasText: /^\s*1 \/ \d+\s*$/ })).toBeVisible();

    const files = page.getByRole('region', { name: 'Output files' });
    await expect(files.getByRole('link', { name: 'summary.csv' })).toBeVisible();
    const download = page.waitForEvent('download');
    await files.getByRole('link', { name: 'summary.csv' }).click();
    expect((await download).suggestedFilename()).toBe('summary.csv');

    const logDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download' }).click();
    expect((await logDownload).suggestedFilename()).toBe(`${taskId}.log.txt`);
  });

  test('says a task does not exist instead of failing', async ({ page }) => {
    await page.goto('/tasks/task-0000000000000000000');
    await expect(page.getByRole('heading', { name: /No task/ })).toBeVisible({ timeout: 15_000 });
  });

  test('renders markup in task fields and log lines as text', async ({ page, request }) => {
    const master = new Master(request);
    const payload = '<img src=x onerror="window.__xss=1">';
    const taskId = await master.submitTask(`xss:1`, `echo '${payload}'; sleep 1; exit 0`);
    await expect.poll(() => master.taskStatus(taskId), { timeout: 25_000 }).toBe('completed');
    await page.goto(`/tasks/${taskId}`);

    await expect(page.getByText(payload).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  test('clamps a very long command, with a button to show it all', async ({ page, request }) => {
    const master = new Master(request);
    const command = `echo ${'x'.repeat(4990)}`;
    const taskId = await master.submitTask('long-command:1', command, { cpu_required: 10_000 });
    await page.goto(`/tasks/${taskId}`);

    const showAll = page.getByRole('button', { name: `Show all ${command.length} characters` });
    await expect(showAll).toBeVisible();
    await expect(page.getByText(command)).toHaveCount(0);
    await showAll.click();
    await expect(page.getByText(command)).toBeVisible();
  });
});
