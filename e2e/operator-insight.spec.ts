import { Page, expect, test } from '@playwright/test';
import { DEFAULT_SIMULATOR_ARGS, Stack } from '../scripts/lib/stack';
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

  test('a task submitted while every worker is down waits for them, and after a master restart may be lost', async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    // A master five times faster than the real one (1 s heartbeats, inactive after 6 s), and the dashboard told so.
    const stack = new Stack(18098, 4318, [...DEFAULT_SIMULATOR_ARGS, '--control', '--time-scale', '0.2'], {
      HEARTBEAT_MS: '1000',
      INACTIVE_AFTER_MS: '6000',
    });
    await stack.start();
    try {
      const master = new Master(request, stack.masterUrl);
      await stack.signIn(page.context());
      await master.pauseAllWorkers();
      await expect
        .poll(
          async () => {
            const answer = await request.get(`${stack.masterUrl}/api/workers`);
            const { workers } = (await answer.json()) as { workers: { is_active: boolean }[] };
            return workers.every((worker) => !worker.is_active);
          },
          { timeout: 30_000 },
        )
        .toBe(true);
      const taskId = await master.submitTask('orphan:1', 'sleep 600');
      await page.goto(`${stack.appUrl}/tasks?q=orphan`);
      const why = page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: taskId, exact: true }) })
        .getByTestId('why-pending');
      await expect(why).toHaveText(/^only inactive workers could run it \(/, { timeout: 30_000 });

      // A restarted master forgets its queue: the workers come back, the task fits and never starts.
      await stack.stopMaster();
      await stack.startMaster();
      await expect(why).toHaveText(/^fits \S+ now; the master should start it within 5 s$/, { timeout: 30_000 });
      await expect(why).toHaveText(/the master may have lost it$/, { timeout: 60_000 });
      expect(await master.taskStatus(taskId)).toBe('pending');

      await page.getByRole('link', { name: taskId, exact: true }).click();
      const panel = page.getByTestId('why-pending-panel');
      await expect(panel).toContainText('after it restarts, tasks that were pending are never queued again');
      await expect(panel.getByRole('table')).toContainText('Asks for');
    } finally {
      await stack.stop();
    }
  });

  test('shows the headroom on the dashboard: what starts now and what could ever run', async ({ page }) => {
    await page.goto('/dashboard');
    const headroom = page.getByTestId('headroom');
    const storage = headroom.getByRole('row').filter({ hasText: 'Storage' });
    // The simulated cluster's largest disk, 1,000 GB on gpu-node-1: a task asking more never runs.
    await expect(storage.getByRole('cell').nth(1)).toHaveText(/1,000 GB\s+gpu-node-1/);
    await expect(headroom.getByRole('row').filter({ hasText: 'GPUs' }).getByRole('cell').nth(1)).toContainText(
      '0 GPUs',
    );
    await expect(headroom).toContainText(/the roomiest active worker, \S+, would start \d/);
  });

  test('groups failures by cause on the dashboard, lists a group, and tells a failed task how many failed the same way', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const stack = new Stack(18099, 4319, [...DEFAULT_SIMULATOR_ARGS, '--control']);
    await stack.start();
    try {
      const master = new Master(request, stack.masterUrl);
      await stack.signIn(page.context());
      const taskIds = await Promise.all(
        Array.from({ length: 4 }, () => master.submitTask('crashy:1', 'sleep 1; exit 3')),
      );
      await expect
        .poll(async () => Promise.all(taskIds.map((id) => master.taskStatus(id))), { timeout: 40_000 })
        .toEqual(taskIds.map(() => 'failed'));
      const resultReads = () => master.answeredRequests('GET /api/tasks/*');
      const readsBefore = await resultReads();

      await page.goto(`${stack.appUrl}/dashboard`);
      const groups = page.getByTestId('recent-failures').getByTestId('failure-group');
      await expect(groups.first()).toContainText('crashy:1', { timeout: 20_000 });
      // Every failure is in a group, and the groups' counts add up to them.
      const grouped = async (tab: Page) =>
        (await tab.getByTestId('failure-group').allTextContents()).reduce(
          (sum, text) => sum + Number(/^\s*(\d+) ×/.exec(text)?.[1] ?? 0),
          0,
        );
      await expect.poll(() => grouped(page)).toBe(4);
      // A second tab shows the same groups from the results already read: each was read once, for both.
      const second = await page.context().newPage();
      await second.goto(`${stack.appUrl}/dashboard`);
      await expect.poll(() => grouped(second)).toBe(4);
      expect(await resultReads()).toBe(readsBefore + 4);
      await second.close();
      const firstCount = Number(/^\s*(\d+) ×/.exec((await groups.first().textContent()) ?? '')?.[1]);

      await groups
        .first()
        .getByRole('link', { name: /Show the \d+ tasks? that failed this way/ })
        .click();
      await expect(page).toHaveURL(/status=failed/);
      await expect(page.getByTestId('failure-filter')).toContainText(`${firstCount} recent`);
      const rows = page.getByRole('row').filter({ has: page.getByRole('link', { name: /^task-\d+$/ }) });
      await expect(rows).toHaveCount(firstCount);

      await rows
        .first()
        .getByRole('link', { name: /^task-\d+$/ })
        .click();
      const same = page.getByTestId('same-failure');
      await expect(same).toContainText(
        firstCount > 1 ? `${firstCount - 1} other recent` : 'No other of the 4 most recent failed tasks',
      );
    } finally {
      await stack.stop();
    }
  });

  test('a task that large workers could run once their work ends waits for room, and says on which', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const stack = new Stack(18100, 4321);
    await stack.start();
    try {
      const master = new Master(request, stack.masterUrl);
      await stack.signIn(page.context());
      // Only gpu-node-1 (32 cores) and atlas (24) have 20 cores; one long task takes each.
      const holders = [
        await master.submitTask('holder:1', 'sleep 600', { cpu_required: 20 }),
        await master.submitTask('holder:1', 'sleep 600', { cpu_required: 20 }),
      ];
      await expect
        .poll(async () => Promise.all(holders.map((id) => master.taskStatus(id))), { timeout: 20_000 })
        .toEqual(['running', 'running']);
      const waiting = await master.submitTask('waiter:1', 'sleep 5', { cpu_required: 20 });

      await page.goto(`${stack.appUrl}/tasks?q=waiter`);
      const why = page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: waiting, exact: true }) })
        .getByTestId('why-pending');
      await expect(why).toHaveText('waiting for room on atlas, gpu-node-1', { timeout: 30_000 });
    } finally {
      await stack.stop();
    }
  });
});
