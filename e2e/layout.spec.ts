import { Locator, Page, TestInfo, expect, test } from '@playwright/test';
import { Master } from './helpers/master';

/** The two windows the dashboard is checked in: a small laptop and a phone. */
const LAPTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };

async function attach(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}

/** Whether the whole element lies inside the window, left to right and top to bottom. */
async function inWindow(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.left >= 0 && box.right <= window.innerWidth && box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

test.describe('Layout at 1280 × 720 and 390 × 844', () => {
  let runningTask = '';

  test.beforeAll(async ({ request }) => {
    const master = new Master(request);
    runningTask = await master.submitTask('layout-running:1', 'sleep 600');
    await master.waitUntilRunning(runningTask);
  });

  test('the task table shows every column, its actions included, at 1280 px', async ({ page }, testInfo) => {
    await page.setViewportSize(LAPTOP);
    await page.goto(`/tasks?q=${runningTask}`);
    await expect(page.getByRole('button', { name: `Cancel ${runningTask}` })).toBeVisible();
    await attach(page, testInfo, 'tasks (1280 × 720)');

    expect(await inWindow(page.getByRole('columnheader', { name: 'Actions' }))).toBe(true);
    expect(await inWindow(page.getByRole('button', { name: `Cancel ${runningTask}` }))).toBe(true);
  });

  test('the workers table shows every column at 1280 px', async ({ page }, testInfo) => {
    await page.setViewportSize(LAPTOP);
    await page.goto('/workers');
    const table = page.getByRole('table', { name: 'Workers' });
    await expect(table.getByRole('link', { name: 'atlas', exact: true })).toBeVisible();
    await attach(page, testInfo, 'workers (1280 × 720)');

    for (const column of ['GPU allocated', 'Storage allocated', 'Tasks']) {
      expect(await inWindow(table.getByRole('columnheader', { name: column })), column).toBe(true);
    }
  });

  test('the dashboard leaves no empty column at 1280 px', async ({ page }, testInfo) => {
    await page.setViewportSize(LAPTOP);
    await page.goto('/dashboard');
    const cards = page.getByRole('region', { name: 'Cluster summary' });
    await expect(page.getByTestId('workers-total')).toBeVisible();
    await attach(page, testInfo, 'dashboard (1280 × 720)');

    const [cardsBox, tasksCard] = await Promise.all([
      cards.boundingBox(),
      cards.locator('mat-card').last().boundingBox(),
    ]);
    // The last card reaches the right edge of the row: no third, empty column beside it.
    expect(Math.abs(cardsBox!.x + cardsBox!.width - (tasksCard!.x + tasksCard!.width))).toBeLessThan(2);
  });

  test("a running task's followed log tail is on screen at 720 px high", async ({ page, request }, testInfo) => {
    const master = new Master(request);
    await page.setViewportSize(LAPTOP);
    await page.goto(`/tasks/${runningTask}`);
    await master.waitForContainer(runningTask);
    await page.getByRole('button', { name: /Open (live logs|anyway)/ }).click();
    const log = page.getByRole('log', { name: `Logs of ${runningTask}` });
    await expect(log).toContainText('Starting layout-running:1');
    await log.scrollIntoViewIfNeeded();
    await attach(page, testInfo, 'running task with live logs (1280 × 720)');

    expect(await inWindow(log)).toBe(true);
  });

  for (const [size, viewport] of [
    ['1280 × 720', LAPTOP],
    ['390 × 844', PHONE],
  ] as const) {
    for (const [name, path] of [
      ['dashboard', () => '/dashboard'],
      ['workers', () => '/workers'],
      ['worker detail', () => '/workers/atlas'],
      ['tasks', () => '/tasks'],
      ['task detail', () => `/tasks/${runningTask}`],
      ['submit task', () => '/tasks/new'],
      ['settings', () => '/settings'],
      ['not found', () => '/no/such/page'],
    ] as const) {
      test(`${name} at ${size}`, async ({ page }, testInfo) => {
        await page.setViewportSize(viewport);
        await page.goto(path());
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await attach(page, testInfo, `${name} (${size})`);
      });
    }
  }

  test('the task status filter is not cut off at 390 px', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/tasks');
    const completed = page.getByRole('radio', { name: /^Completed · \d+$/ });
    await expect(completed).toBeVisible();
    expect(await inWindow(completed)).toBe(true);
  });
});
