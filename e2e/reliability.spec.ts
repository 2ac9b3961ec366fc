import { Page, expect, test } from '@playwright/test';
import { openLiveLogs } from './helpers/logs';
import { Master } from './helpers/master';

const chip = (page: Page) => page.getByRole('status', { name: /^Connection: / });

/** Hides or shows the tab as the browser would, for the page's visibility listeners. */
async function setTabVisible(page: Page, visible: boolean): Promise<void> {
  await page.evaluate(
    (state) => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      Object.defineProperty(document, 'hidden', { value: state === 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    },
    visible ? 'visible' : 'hidden',
  );
}

test.describe('Live without reload', () => {
  test('a usage change appears without a reload', async ({ page, request }) => {
    const master = new Master(request);
    await master.pauseWorker('raspberry-7');
    try {
      await page.goto('/workers');
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'raspberry-7', exact: true }) });
      await expect(row).toBeVisible();
      const frame = {
        'raspberry-7': {
          worker_id: 'raspberry-7',
          cpu_usage: 77.7,
          memory_usage: 12.3,
          gpu_usage: 0,
          running_tasks: [],
          last_update: Math.floor(Date.now() / 1000) + 1,
          is_active: true,
        },
      };
      await expect.poll(() => master.sendTelemetryFrames([JSON.stringify(frame)])).toBeGreaterThan(0);

      await expect(row).toContainText('77.7 %');
      await expect(row).toContainText('12.3 %');
    } finally {
      await master.resumeWorker('raspberry-7');
    }
  });
});

test.describe('Network and tab', () => {
  test('says "Offline" when the browser loses the network and reconnects at once when it is back', async ({
    page,
    context,
  }) => {
    await page.goto('/dashboard');
    await expect(chip(page)).toHaveAccessibleName(/^Connection: Live\./);

    await context.setOffline(true);
    await expect(chip(page)).toContainText('Offline');

    await context.setOffline(false);
    // Reconnecting waits for no backoff timer: the browser's online event triggers it.
    await expect(chip(page)).toHaveAccessibleName(/^Connection: Live\./, { timeout: 2000 });
  });

  test('stops polling tasks while the tab is hidden and refreshes at once when it is shown', async ({
    page,
    request,
  }) => {
    // Counted by the master: the poll runs in the shared data worker, whose requests the page does not see.
    const master = new Master(request);
    const polls = () => master.answeredRequests('GET /api/tasks');
    await page.goto('/tasks');
    await page.getByRole('radio', { name: '1 s' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Auto-updating' })).toBeVisible();

    await setTabVisible(page, false);
    // A request already on its way when the tab was hidden may still be answered.
    const hidden = (await polls()) + 1;
    await page.waitForTimeout(4000);
    expect(await polls()).toBeLessThanOrEqual(hidden);

    const beforeShown = await polls();
    await setTabVisible(page, true);
    await expect.poll(polls, { timeout: 1500 }).toBeGreaterThan(beforeShown);
    await page.getByRole('radio', { name: '3 s' }).click();
  });
});

test.describe('Security', () => {
  test('markup in task and worker fields renders as text and runs nothing', async ({ page, request }) => {
    const master = new Master(request);
    const payload = (field: string) =>
      `<img src=x onerror="window.__xss='${field}'"><script>window.__xss='${field}'</script>`;
    const workerId = `w<b onmouseover="window.__xss='worker'">${Date.now()}</b>`;
    await master.addWorker(workerId);
    const taskId = await master.submitTask(payload('image'), `echo '${payload('log')}'; sleep 600`, {
      tag: payload('tag'),
    });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await page.goto(`/tasks?q=${taskId}`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: taskId, exact: true }) });
    for (const field of ['image', 'tag', 'log']) await expect(row).toContainText(payload(field));
    await master.waitUntilRunning(taskId);
    await page.goto(`/tasks/${taskId}`);
    await expect(page.getByText(payload('image')).first()).toBeVisible();
    await openLiveLogs(page, master, taskId);
    await expect(page.getByRole('log')).toContainText(payload('log'), { timeout: 15_000 });
    await page.goto('/workers');
    await expect(page.getByRole('link', { name: workerId })).toBeVisible();
    await page.getByRole('link', { name: workerId }).hover();

    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
