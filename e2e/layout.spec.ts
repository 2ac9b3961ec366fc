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

/**
 * What scrolls sideways: the page, or any box inside it that scrolls horizontally. The guide's
 * wide tables and code blocks are left out: they scroll inside themselves, on purpose.
 */
async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push(`the page (${root.scrollWidth} px)`);
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (element.closest('article.guide')) continue;
      const overflowX = getComputedStyle(element).overflowX;
      if ((overflowX === 'auto' || overflowX === 'scroll') && element.scrollWidth > element.clientWidth + 1) {
        found.push(
          `${element.tagName.toLowerCase()}.${element.className} (${element.scrollWidth} > ${element.clientWidth} px)`,
        );
      }
    }
    return found;
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
    for (const [name, path, ready] of [
      ['dashboard', () => '/dashboard', (page: Page) => page.getByTestId('workers-total')],
      ['workers', () => '/workers', (page: Page) => page.locator('app-worker-row').first()],
      ['worker detail', () => '/workers/atlas', (page: Page) => page.locator('app-usage-chart canvas').first()],
      ['tasks', () => '/tasks', (page: Page) => page.locator('app-task-row').first()],
      ['task detail', () => `/tasks/${runningTask}`, (page: Page) => page.getByText('layout-running:1').first()],
      ['submit task', () => '/tasks/new', (page: Page) => page.getByRole('textbox', { name: 'Docker image' })],
      ['settings', () => '/settings', (page: Page) => page.getByRole('radio', { name: /^UTC/ })],
      ['help', () => '/help', (page: Page) => page.getByTestId('connection-state')],
      ['guide', () => '/help/guide#performance', (page: Page) => page.locator('article.guide table').first()],
      ['not found', () => '/no/such/page', (page: Page) => page.getByRole('heading', { level: 1 })],
    ] as const) {
      test(`${name} at ${size}: nothing scrolls sideways`, async ({ page }, testInfo) => {
        await page.setViewportSize(viewport);
        await page.goto(path());
        // Live content first: a list's rows, the dashboard's figures.
        await ready(page).waitFor();
        await attach(page, testInfo, `${name} (${size})`);

        expect(await sidewaysScrollers(page)).toEqual([]);
      });
    }
  }

  test('on a phone the task list is cards, each with its key figures and its actions', async ({ page }, testInfo) => {
    await page.setViewportSize(PHONE);
    await page.goto(`/tasks?q=${runningTask}`);
    const card = page.locator(`app-task-row[data-task-id="${runningTask}"]`);
    await expect(card.getByRole('button', { name: `Cancel ${runningTask}` })).toBeVisible();
    await attach(page, testInfo, 'task card (390 × 844)');

    for (const part of [
      card.getByRole('link', { name: runningTask, exact: true }),
      card.getByText('running', { exact: true }),
      card.getByText('layout-running:1'),
      card.getByRole('button', { name: `Cancel ${runningTask}` }),
      card.getByRole('link', { name: `Run ${runningTask} again` }),
    ]) {
      expect(await inWindow(part)).toBe(true);
    }
    expect(await sidewaysScrollers(page)).toEqual([]);
  });

  test('on a phone the worker list is cards with every figure named', async ({ page }, testInfo) => {
    await page.setViewportSize(PHONE);
    await page.goto('/workers?q=atlas');
    const card = page.locator('app-worker-row').filter({ has: page.getByRole('link', { name: 'atlas', exact: true }) });
    await expect(card).toBeVisible();
    await attach(page, testInfo, 'worker card (390 × 844)');

    for (const label of ['CPU', 'Memory', 'GPU', 'CPU allocated', 'Storage allocated', 'Tasks']) {
      const cell = card.locator(`[data-label="${label}"]`);
      expect(await inWindow(cell), label).toBe(true);
    }
    expect(await sidewaysScrollers(page)).toEqual([]);
  });

  test('on a phone the navigation folds behind a menu button, and the palette fits', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/dashboard');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Workers' })).not.toBeInViewport();

    await page.getByRole('button', { name: 'Navigation' }).click();
    await nav.getByRole('link', { name: 'Workers' }).click();
    await expect(page).toHaveURL(/\/workers$/);
    await expect(nav.getByRole('link', { name: 'Workers' })).not.toBeInViewport();

    await page.getByRole('button', { name: /Jump to a task, worker or page/ }).click();
    await page.getByRole('combobox').fill('atlas');
    const option = page.getByRole('option').first();
    await expect(option).toContainText('atlas');
    expect(await inWindow(option)).toBe(true);
  });

  test('the task status filter is not cut off at 390 px', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/tasks');
    const completed = page.getByRole('radio', { name: /^Completed · \d+$/ });
    await expect(completed).toBeVisible();
    expect(await inWindow(completed)).toBe(true);
  });
});
