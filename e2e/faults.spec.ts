import { Page, expect, test } from '@playwright/test';
import { BAD_TASK_ENTRIES, BAD_WORKER_ENTRIES, TELEMETRY_CORPUS } from './helpers/malformed-corpus';
import { openLiveLogs } from './helpers/logs';
import { Master } from './helpers/master';
import { pollInPage } from './helpers/data-in-page';

const chip = (page: Page) => page.getByRole('status', { name: /^Connection: / });

/** What the toolbar says was ignored so far. */
async function ignoredCount(page: Page): Promise<number> {
  const name = (await chip(page).getAttribute('aria-label')) ?? '';
  return Number(name.match(/(\d+) malformed message/)?.[1] ?? 0);
}

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test.afterEach(async ({ request }) => {
  await new Master(request).clearFaults();
});

test.describe('Malformed input', () => {
  test(`${TELEMETRY_CORPUS.length} malformed telemetry frames are counted and skipped; live data keeps flowing`, async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    const errors = collectPageErrors(page);
    await page.goto('/workers');
    await expect(chip(page)).toHaveAccessibleName(/^Connection: Live\./);
    await expect.poll(() => master.sendTelemetryFrames(['{}'])).toBeGreaterThan(0);

    let expected = await ignoredCount(page);
    for (const { name, frame, rejected } of TELEMETRY_CORPUS) {
      await master.sendTelemetryFrames([frame]);
      expected += rejected;
      await expect.poll(() => ignoredCount(page), { message: name }).toBe(expected);
    }

    await expect(chip(page)).toContainText(`${expected} ignored`);
    await expect(chip(page)).toHaveAccessibleName(/^Connection: Live\./);
    const atlas = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'atlas', exact: true }) });
    await expect(atlas).toContainText(/last heartbeat (just now|[0-3] s ago)/);
    const taskId = await master.submitTask('after-corpus:1', 'sleep 600');
    await page.goto(`/tasks?q=${taskId}`);
    await expect(page.getByRole('link', { name: taskId, exact: true })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('task and worker entries that cannot be trusted are left out and counted; the rest show', async ({ page }) => {
    const errors = collectPageErrors(page);
    const valid = {
      task_id: 'task-1763498426116475591',
      docker_image: 'valid:1',
      command: '',
      status: 'completed',
      user_id: 'u',
      cpu_required: 1,
      memory_required: 1,
      gpu_required: 0,
      storage_required: 1,
      tag: 'mixed',
      k_value: 2,
      created_at: 1_763_498_426,
    };
    await pollInPage(page);
    await page.route('**/api/tasks', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ tasks: [valid, ...BAD_TASK_ENTRIES] }) }),
    );
    await page.route('**/api/workers', async (route) => {
      const real = (await (await route.fetch()).json()) as { workers: unknown[] };
      await route.fulfill({ json: { workers: [...real.workers, ...BAD_WORKER_ENTRIES] } });
    });

    await page.goto('/tasks');
    await expect(page.getByRole('link', { name: valid.task_id, exact: true })).toBeVisible();
    const taskRows = page
      .getByRole('table', { name: 'Tasks' })
      .getByRole('row')
      .filter({ has: page.getByRole('link') });
    await expect(taskRows).toHaveCount(1);
    // Each endpoint counts what its latest answer left out: polling the same bad list does not add up.
    await expect.poll(() => ignoredCount(page)).toBe(BAD_TASK_ENTRIES.length);
    await page.getByRole('link', { name: 'Workers', exact: true }).click();
    await expect(page.getByRole('link', { name: 'atlas', exact: true })).toBeVisible();
    await expect.poll(() => ignoredCount(page)).toBe(BAD_TASK_ENTRIES.length + BAD_WORKER_ENTRIES.length);
    expect(errors).toEqual([]);
  });

  test('an answer that is not a task list at all keeps the last good list and says the refresh failed', async ({
    page,
    request,
  }) => {
    await new Master(request).submitTask('listed:1', 'sleep 600');
    await pollInPage(page);
    await page.goto('/tasks');
    await page.getByRole('radio', { name: '1 s' }).click();
    await expect(page.getByRole('table', { name: 'Tasks' })).toBeVisible();
    const before = await ignoredCount(page);

    await page.route('**/api/tasks', (route) =>
      route.fulfill({ contentType: 'application/json', body: '{"tasks": "broken"' }),
    );

    await expect(
      page.getByText('last refresh failed: The master sent a task list that could not be read.'),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: 'Tasks' })).toBeVisible();
    await expect.poll(() => ignoredCount(page)).toBeGreaterThan(before);
    await page.unroute('**/api/tasks');
    await page.getByRole('radio', { name: '3 s' }).click();
  });
});

test.describe('REST faults', () => {
  test('the task list shows an error with retry while the master fails, then recovers by itself', async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    await master.submitTask('listed:1', 'sleep 600');
    await master.failRoute('GET', '/api/tasks', {
      status: 500,
      body: 'Failed to retrieve tasks: disk on fire',
      times: 1,
    });

    await page.goto('/tasks');
    const problem = page.getByRole('alert').filter({ hasText: 'The tasks could not be loaded' });
    await expect(problem).toContainText('Failed to retrieve tasks: disk on fire (HTTP 500)');
    await expect(problem.getByRole('button', { name: 'Retry now' })).toBeVisible();

    // No click: the poller keeps trying, backing off (6 s after the first failure).
    await expect(page.getByRole('table', { name: 'Tasks' })).toBeVisible({ timeout: 15_000 });
  });

  test('a dropped connection (the master panicking) keeps the list and warns, then polling goes on', async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    await master.submitTask('listed:1', 'sleep 600');
    await page.goto('/tasks');
    await page.getByRole('radio', { name: '1 s' }).click();
    await expect(page.getByRole('table', { name: 'Tasks' })).toBeVisible();

    await master.dropRoute('GET', '/api/tasks', { times: 2 });
    // Behind the dashboard's server, a dropped connection is told apart from a master that cannot be reached.
    await expect(page.getByText('last refresh failed: The master dropped the request')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Tasks' })).toBeVisible();

    const taskId = await master.submitTask('after-drop:1', 'sleep 600');
    await expect(page.getByRole('link', { name: taskId, exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(/last refresh failed/)).toHaveCount(0);
    await page.getByRole('radio', { name: '3 s' }).click();
  });

  test('a slow master: the list stays usable while a refresh takes seconds', async ({ page, request }) => {
    const master = new Master(request);
    await master.submitTask('listed:1', 'sleep 600');
    await page.goto('/tasks');
    await expect(page.getByRole('table', { name: 'Tasks' })).toBeVisible();

    await master.delayRoute('GET', '/api/tasks', 4000, { times: 1 });
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await page.getByRole('searchbox', { name: /Search id, image/ }).fill('after');
    await expect(page).toHaveURL(/q=after/);
  });
});

test.describe('Log stream faults', () => {
  test('unreadable log messages are skipped and counted; a stream cut without a close frame says so', async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    const taskId = await master.submitTask('log-faults:1', 'sleep 600');
    await master.waitUntilRunning(taskId);
    const errors = collectPageErrors(page);
    await page.goto(`/tasks/${taskId}`);
    await openLiveLogs(page, master, taskId);
    await expect(page.getByRole('status').filter({ hasText: /Live · \d+ lines?/ })).toBeVisible();

    await master.sendLogFrames(taskId, [
      'not json',
      '[]',
      '{"type":"log","line":42}',
      '{"type":"shout"}',
      '{"type":"log","task_id":"x","line":"<img src=x onerror=alert(1)> injected but harmless"}',
    ]);
    await expect(page.getByText('4 unreadable messages skipped')).toBeVisible();
    await expect(page.getByRole('log')).toContainText('<img src=x onerror=alert(1)> injected but harmless');

    await expect.poll(() => master.dropLogSockets(taskId)).toBeGreaterThan(0);
    await expect(page.getByText(/The log stream was cut before the task finished \(close code 1006\)/)).toBeVisible();
    // The task still runs, so the stream is opened again (with backoff) and carries on.
    await expect(page.getByRole('status').filter({ hasText: /Live · \d+ lines?/ })).toBeVisible({ timeout: 15_000 });
    expect(errors).toEqual([]);
  });
});
