import { APIRequestContext, Page, expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { TEST_ACCOUNT } from '../scripts/lib/session';
import { DEFAULT_SIMULATOR_ARGS, Stack } from '../scripts/lib/stack';
import { openLiveLogs } from './helpers/logs';
import { Master } from './helpers/master';
import { MASTER_URL } from './helpers/ports';

/**
 * The real master's bugs, met the way operators meet them: every test drives the faithful
 * simulator (crashing handlers, image pulls, the log stream's status writes, the cancel lock,
 * clock offsets, no database) and checks that the dashboard neither harms the cluster nor
 * misleads. Timings shortened: see playwright.config.ts.
 */

/** Pull times of the shared simulator (playwright.config.ts); tests that slow pulls down put them back. */
const PULL_MS = 1000;
const FIRST_PULL_MS = 3000;

const unique = (name: string) => `${name}-${Date.now().toString(36)}:1`;

async function listedTask(request: APIRequestContext, taskId: string): Promise<{ user_id: string } | undefined> {
  const body = (await (await request.get(`${MASTER_URL}/api/tasks`)).json()) as {
    tasks: { task_id: string; user_id: string }[];
  };
  return body.tasks.find((task) => task.task_id === taskId);
}

const logState = (page: Page) => page.getByRole('region', { name: 'Logs' }).getByRole('status').first();

test.describe('Looking changes nothing', () => {
  test.afterEach(async ({ request }) => {
    const master = new Master(request);
    await master.setPullTimes(PULL_MS, FIRST_PULL_MS);
    await master.clearFaults();
  });

  test("a running task's page opens no log stream by itself, and the task's status stays the master's own", async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    await master.setPullTimes(PULL_MS, 8000);
    const taskId = await master.submitTask(unique('never-pulled'), 'sleep 3; exit 0');
    await master.waitUntilRunning(taskId);
    expect((await master.simTask(taskId)).phase).toBe('pulling');

    await page.goto(`/tasks/${taskId}`);
    await expect(page.getByText('The live log stream is not opened automatically')).toBeVisible();
    await expect(page.getByText(/its worker may still be downloading the image/)).toBeVisible();
    await expect(page.getByRole('button', { name: /Open anyway/ })).toBeVisible();

    // The page stays open through the download and the whole run; the master's status is never touched.
    await expect.poll(async () => (await master.simTask(taskId)).phase, { timeout: 20_000 }).toBe('running');
    expect(await master.taskStatus(taskId)).toBe('running');
    await expect.poll(() => master.taskStatus(taskId), { timeout: 20_000 }).toBe('completed');
    expect((await master.simTask(taskId)).log_sockets_opened).toBe(0);
    await expect(logState(page)).toContainText('Stored logs · final status completed', { timeout: 15_000 });
  });

  test('a stream opened while the image downloads says what happened, and the stored logs follow without a reload', async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    await master.setPullTimes(PULL_MS, 6000);
    const taskId = await master.submitTask(unique('still-pulling'), 'sleep 2; exit 0');
    await master.waitUntilRunning(taskId);
    await page.goto(`/tasks/${taskId}`);

    await page.getByRole('button', { name: /Open anyway/ }).click();
    await expect(page.getByText(/The worker has no container for this task yet/)).toBeVisible();
    await expect(page.getByText(/recorded the task as “not_found” until it finishes/)).toBeVisible();
    await expect(logState(page)).toContainText('Stored logs · final status completed', { timeout: 25_000 });
    await expect(page.getByRole('log', { name: `Logs of ${taskId}` })).toContainText('Done');
  });

  test('a stream cut while the task runs is opened again; once the task has finished, the stored logs show', async ({
    page,
    request,
  }) => {
    test.setTimeout(60_000);
    const master = new Master(request);
    const taskId = await master.submitTask(unique('cut-stream'), 'sleep 10; exit 0');
    await page.goto(`/tasks/${taskId}`);
    await openLiveLogs(page, master, taskId);
    await expect(logState(page)).toContainText(/Live · \d+ line/);

    // Cut once, and reconnected.
    await expect.poll(() => master.dropLogSockets(taskId)).toBeGreaterThan(0);
    await expect(page.getByText(/The log stream was cut before the task finished \(close code 1006\)/)).toBeVisible();
    await expect(logState(page)).toContainText(/Live · \d+ line/, { timeout: 15_000 });
    expect((await master.simTask(taskId)).log_sockets_opened).toBeGreaterThanOrEqual(2);

    // Cut again, and every new connection refused: the task finishes meanwhile.
    await master.failRoute('GET', '/ws/tasks/*', { status: 502, body: 'Bad Gateway\n' });
    await expect.poll(() => master.dropLogSockets(taskId)).toBeGreaterThan(0);
    await expect(page.getByText(/Reconnecting in \d+ s/)).toBeVisible();
    await expect.poll(() => master.taskStatus(taskId), { timeout: 20_000 }).toBe('completed');
    await expect(logState(page)).toContainText('Stored logs · final status completed', { timeout: 35_000 });
  });

  test('another client corrupting the status (not_found) is shown as it is, and the result follows without errors', async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    await master.setPullTimes(PULL_MS, 6000);
    const taskId = await master.submitTask(unique('corrupted'), 'sleep 2; exit 0');
    await master.waitUntilRunning(taskId);
    // Someone else's viewer opens the stream during the download: the master writes not_found.
    const other = new WebSocket(`${MASTER_URL.replace('http', 'ws')}/ws/tasks/${taskId}/logs`);
    other.on('error', () => undefined);
    await expect.poll(() => master.taskStatus(taskId), { timeout: 10_000 }).toBe('not_found');

    await page.goto(`/tasks/${taskId}`);
    await expect(page.getByText('not_found').first()).toBeVisible();
    await expect(page.getByRole('button', { name: /Open anyway/ })).toBeVisible();
    await expect(page.getByText(/could not be loaded/)).toHaveCount(0);

    await expect(page.getByText('Result', { exact: true })).toBeVisible({ timeout: 25_000 });
    await expect(logState(page)).toContainText('Stored logs · final status completed');
    await expect(page.getByText(/could not be loaded|dropped the request/)).toHaveCount(0);
    other.terminate();
  });
});

test.describe('Cancel only what is running now', () => {
  test('a task that finished while the dialog was open is not cancelled, and the master keeps its status', async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    const taskId = await master.submitTask(unique('finishes-first'), 'sleep 3; exit 0');
    await master.waitUntilRunning(taskId);
    const deletes: string[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'DELETE') deletes.push(sent.url());
    });
    await page.goto(`/tasks?q=${taskId}`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: taskId, exact: true }) });
    await expect(row).toContainText('running');
    await row.getByRole('button', { name: `Cancel ${taskId}` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('This running task will be stopped');

    await expect.poll(() => master.taskStatus(taskId), { timeout: 20_000 }).toBe('completed');
    await dialog.getByRole('button', { name: 'Cancel task' }).click();

    await expect(page.getByText(`Task ${taskId} was not cancelled: it is no longer running`)).toBeVisible();
    await expect(row).toContainText('completed');
    expect(await master.taskStatus(taskId)).toBe('completed');
    expect(deletes).toEqual([]);
  });

  test('cancelling from the task page closes its live stream first; the result follows, and a status the stream overwrote is explained', async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    const taskId = await master.submitTask(unique('cancel-here'), 'sleep 600');
    await page.goto(`/tasks/${taskId}`);
    await openLiveLogs(page, master, taskId);
    await expect(logState(page)).toContainText(/Live · \d+ line/);

    await page.getByRole('button', { name: 'Cancel task' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel task' }).click();
    await expect(page.getByText(/The live log stream was closed before cancelling/)).toBeVisible();

    await expect(page.getByText('Result', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(logState(page)).toContainText('Stored logs · final status cancelled');
    await expect(page.getByText(/could not be loaded|stored no result|before the cancel reached it/)).toHaveCount(0);
    // The real master has no read loop: it notices the closed stream only at its next write, and a stopped
    // container that prints nothing more ends the stream first, so "failed" is still written over
    // "cancelled". The page says so instead of calling the cancel rolled back.
    expect(await master.taskStatus(taskId)).toBe('failed');
    await expect(page.getByText(/lists this task as “failed”, but its stored result says cancelled/)).toBeVisible();
  });
});

test.describe('Ownership', () => {
  test('a task submitted here is filed under the signed-in user; Run again keeps the original owner', async ({
    page,
    request,
  }) => {
    await page.goto('/tasks/new');
    await expect(page.getByTestId('owner')).toContainText(`Submitted as ${TEST_ACCOUNT.email}`);
    await page.getByRole('textbox', { name: 'Docker image' }).fill('owned:1');
    await page.getByRole('textbox', { name: 'Command' }).fill('sleep 1; exit 0');
    await page.getByRole('button', { name: 'Submit and open' }).click();
    await expect(page).toHaveURL(/\/tasks\/task-\d+$/);
    const mine = page.url().split('/').pop()!;
    expect((await listedTask(request, mine))?.user_id).toBe(TEST_ACCOUNT.email);
    await expect(page.getByRole('link', { name: 'summary.csv' })).toBeVisible({ timeout: 25_000 });

    const master = new Master(request);
    const theirs = await master.submitTask('theirs:1', 'sleep 1; exit 0', { user_id: 'grace@example.com' });
    await expect.poll(() => master.taskStatus(theirs), { timeout: 20_000 }).toBe('completed');
    await page.goto(`/tasks/${theirs}`);
    await expect(page.getByText('These output files belong to grace@example.com')).toBeVisible();

    await page.getByRole('link', { name: 'Run again' }).click();
    await expect(page.getByTestId('owner')).toContainText('Runs as grace@example.com');
    await page.getByRole('button', { name: 'Submit and open' }).click();
    await expect(page).not.toHaveURL(new RegExp(theirs));
    await expect(page).toHaveURL(/\/tasks\/task-\d+$/);
    expect((await listedTask(request, page.url().split('/').pop()!))?.user_id).toBe('grace@example.com');
  });
});

test.describe('Crashing endpoints', () => {
  test.afterEach(async ({ request }) => new Master(request).clearFaults());

  test('a dropped request is told apart from a master that cannot be reached', async ({ page, request }) => {
    const master = new Master(request);
    await page.goto('/tasks');
    await expect(page.getByRole('table', { name: 'Tasks' })).toBeVisible();
    await page.getByRole('radio', { name: '1 s' }).click();

    await master.dropRoute('GET', '/api/tasks');
    await expect(page.getByText('last refresh failed: The master dropped the request')).toBeVisible();
    await expect(page.getByText(/updated (just now|\d+ s ago) · last refresh failed/)).toBeVisible();
    await expect(page.getByText(/cannot be reached|HTTP 500/)).toHaveCount(0);
    await master.clearFaults();
    await expect(page.getByText(/last refresh failed/)).toHaveCount(0, { timeout: 15_000 });
    await page.getByRole('radio', { name: '3 s' }).click();
  });
});

test.describe('Clock skew', () => {
  test('a master ten minutes behind: its live workers are active, with ages of seconds', async ({ page }) => {
    test.setTimeout(90_000);
    const stack = new Stack(18093, 4313, [...DEFAULT_SIMULATOR_ARGS, '--clock-offset-ms', '-600000']);
    await stack.start();
    try {
      await stack.signIn(page.context());
      await page.goto(`${stack.appUrl}/workers`);
      const rows = page.getByRole('table', { name: 'Workers' }).getByRole('row');
      await expect(rows.filter({ hasText: 'kiwi' })).toContainText('Active', { timeout: 15_000 });
      await expect(rows.filter({ hasText: 'Inactive' })).toHaveCount(0);
      await expect(rows.filter({ hasText: 'kiwi' })).toContainText(/last heartbeat (just now|\d s ago)/);
      await expect(page.getByRole('status', { name: /^Connection: / })).toHaveAccessibleName(
        /The master's clock is 10 min behind this browser's/,
      );
    } finally {
      await stack.stop();
    }
  });

  test('a master ten minutes ahead: a worker that stops reporting turns late and inactive on time', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const stack = new Stack(18094, 4314, [...DEFAULT_SIMULATOR_ARGS, '--control', '--clock-offset-ms', '600000']);
    await stack.start();
    try {
      const master = new Master(request, stack.masterUrl);
      await stack.signIn(page.context());
      await page.goto(`${stack.appUrl}/workers`);
      const kiwi = page.getByRole('table', { name: 'Workers' }).getByRole('row').filter({ hasText: 'kiwi' });
      await expect(kiwi).toContainText('Active', { timeout: 15_000 });

      await master.pauseWorker('kiwi');
      await expect(kiwi).toContainText('Late', { timeout: 20_000 });
      await expect(kiwi).toContainText('Inactive', { timeout: 30_000 });
      const taskId = await master.submitTask('skewed:1', 'sleep 600');
      await page.goto(`${stack.appUrl}/tasks?q=${taskId}`);
      await expect(page.getByRole('row').filter({ hasText: taskId })).toContainText(/just now|\d+ s ago/);
    } finally {
      await stack.stop();
    }
  });
});

test.describe('No database', () => {
  test('workers and usage are shown; task views say the master has no database; unknown capacities are not 0', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const stack = new Stack(18095, 4315, [...DEFAULT_SIMULATOR_ARGS, '--no-db']);
    await stack.start();
    try {
      await page.goto(`${stack.appUrl}/dashboard`);
      await expect(page.getByRole('note').filter({ hasText: 'No sign-in' })).toBeVisible();
      await expect(page.getByTestId('workers-total')).toHaveText('6', { timeout: 15_000 });
      await expect(page.getByTestId('tasks-total')).toHaveText('unknown');
      await expect(page.getByText('The master has no database, so it keeps no task list')).toBeVisible();
      await expect(page.getByText(/active workers are left out: the master reports no capacities/)).toBeVisible();

      await page.goto(`${stack.appUrl}/tasks`);
      await expect(page.getByRole('heading', { name: 'This master has no database' })).toBeVisible();
      await expect(page.getByText('could not be loaded')).toHaveCount(0);

      await page.goto(`${stack.appUrl}/workers/kiwi`);
      await expect(page.getByText(/Unknown: the master reports no capacities for this worker/)).toBeVisible();

      await page.goto(`${stack.appUrl}/tasks/new`);
      await expect(page.getByTestId('owner')).toContainText('Nobody is signed in');
      await page.getByRole('textbox', { name: 'Docker image' }).fill('no-db:1');
      await page.getByRole('button', { name: 'Submit and open' }).click();
      await expect(page.getByRole('heading', { name: 'This master has no database' })).toBeVisible();
      expect((await request.get(`${stack.masterUrl}/api/tasks`)).status()).toBe(503);
    } finally {
      await stack.stop();
    }
  });
});

test.describe('Hidden tabs', () => {
  test('live data keeps being applied without animation frames, as in a hidden tab', async ({ page, request }) => {
    const master = new Master(request);
    const taskId = await master.submitTask(unique('hidden'), 'sleep 600');
    await master.waitUntilRunning(taskId);
    const workerId = (await master.simTask(taskId)).worker_id!;
    // A hidden tab gets no animation frames: updates waiting for one would pile up for as long as it stays hidden.
    await page.addInitScript(() => {
      window.requestAnimationFrame = () => 0;
    });

    await page.goto(`/tasks/${taskId}`);
    await expect(page.getByRole('link', { name: workerId, exact: true })).toBeVisible({ timeout: 15_000 });
  });
});

test.describe('Half-open connections', () => {
  test('a telemetry socket that stays open but silent is closed and opened again', async ({ page, request }) => {
    test.setTimeout(90_000);
    const master = new Master(request);
    await page.goto('/dashboard');
    const chip = page.getByRole('status', { name: /^Connection: / });
    await expect(chip).toHaveAccessibleName(/^Connection: Live\./);
    // Counted by the master: the socket is the shared data worker's, which the page does not see.
    const before = await master.telemetrySockets();

    await expect.poll(() => master.stallTelemetrySockets()).toBeGreaterThan(0);
    await expect(chip).toHaveAccessibleName(/^Connection: Stale/, { timeout: 15_000 });
    // Silent for 20 s while workers are active: dropped, and a new socket opened.
    await expect
      .poll(async () => (await master.telemetrySockets()).opened, { timeout: 35_000 })
      .toBe(before.opened + 1);
    await expect(chip).toHaveAccessibleName(/^Connection: Live\./, { timeout: 15_000 });
  });
});

test.describe('Paused task list', () => {
  test('pausing the list holds only the list: a task page and notifications stay live', async ({ page }) => {
    await page.goto('/tasks');
    await page.getByRole('radio', { name: 'Paused' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Paused \(this list only\)/ })).toBeVisible();

    // Submitted here, so watched: its end is announced on whatever page is open.
    await page.goto('/tasks/new');
    await page.getByRole('textbox', { name: 'Docker image' }).fill(unique('while-paused'));
    await page.getByRole('textbox', { name: 'Command' }).fill('sleep 4; exit 0');
    await page.getByRole('button', { name: 'Submit task' }).click();
    const submitted = page.getByText(/Task task-\d+ submitted\./);
    await expect(submitted).toBeVisible();
    const taskId = /task-\d+/.exec((await submitted.textContent()) ?? '')![0];

    await page.getByRole('link', { name: 'Tasks', exact: true }).first().click();
    await expect(page.getByRole('status').filter({ hasText: /Paused \(this list only\)/ })).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: taskId, exact: true }) });
    await expect(row).toBeVisible();
    await expect(row).not.toContainText('completed');

    await expect(page.getByText(`Task ${taskId} completed.`)).toBeVisible({ timeout: 25_000 });
    await expect(row).not.toContainText('completed');
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(row).toContainText('completed');
    await page.getByRole('radio', { name: '3 s' }).click();
  });
});

test.describe('Negative amounts', () => {
  test('a worker whose allocation is negative is shown, with the figure marked', async ({ page, request }) => {
    const master = new Master(request);
    const taskId = await master.submitTask(unique('negative-gpu'), 'sleep 600', { gpu_required: -1 });
    await master.waitUntilRunning(taskId);
    const workerId = (await master.simTask(taskId)).worker_id!;

    await page.goto(`/workers?q=${workerId}`);
    const row = page.getByRole('table', { name: 'Workers' }).getByRole('row').filter({ hasText: workerId });
    await expect(row.getByLabel(/-1 \/ 0 GPUs\. The master reports a negative allocation/)).toBeVisible({
      timeout: 15_000,
    });
    await page.goto(`/workers/${workerId}`);
    await expect(page.getByText('The master reports a negative allocation')).toBeVisible();
  });
});

test.describe('After a master outage', () => {
  test('a session that ended during the outage reopens sign-in over the page once the master is back', async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const stack = new Stack(18096, 4316);
    await stack.start();
    const context = await browser.newContext();
    try {
      await stack.signIn(context);
      const page = await context.newPage();
      await page.goto(`${stack.appUrl}/tasks`);
      await expect(page.getByRole('heading', { name: 'No tasks yet' })).toBeVisible();
      const chip = page.getByRole('status', { name: /^Connection: / });
      await expect(chip).toHaveAccessibleName(/^Connection: Live\./);

      await stack.stopMaster();
      await expect(chip).toContainText(/Reconnecting/, { timeout: 15_000 });
      await context.clearCookies();
      await stack.startMaster();

      // Checked as soon as the master answers, not at the next minute's check.
      const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
      await expect(dialog).toBeVisible({ timeout: 20_000 });
      await expect(dialog.getByRole('textbox', { name: 'Password' })).toBeFocused();
      await dialog.getByRole('textbox', { name: 'Password' }).fill(TEST_ACCOUNT.password);
      await dialog.getByRole('textbox', { name: 'Password' }).press('Enter');
      await expect(dialog).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'Tasks', level: 1 })).toBeVisible();
      // Live, never stuck on "Connecting…".
      await expect(chip).toHaveAccessibleName(/^Connection: Live\./);
    } finally {
      await context.close();
      await stack.stop();
    }
  });

  test('a page opened while the master is down shows nothing until the master says who is signed in', async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const stack = new Stack(18097, 4317);
    await stack.start();
    const context = await browser.newContext();
    try {
      await stack.stopMaster();
      const page = await context.newPage();
      await page.goto(`${stack.appUrl}/tasks`);
      await expect(page.getByRole('heading', { name: 'Waiting for the master' })).toBeVisible({ timeout: 15_000 });
      await expect(page.getByRole('table', { name: 'Tasks' })).toHaveCount(0);
      await expect(page.getByRole('status', { name: /^Connection: / })).toHaveCount(0);

      await stack.startMaster();
      await expect(page).toHaveURL(/\/login\?returnUrl=%2Ftasks$/, { timeout: 20_000 });
      await expect(page.getByRole('table', { name: 'Tasks' })).toHaveCount(0);
    } finally {
      await context.close();
      await stack.stop();
    }
  });
});
