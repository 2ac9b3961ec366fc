import { Locator, Page, TestInfo, expect, test } from '@playwright/test';
import { seriousViolations } from './helpers/axe';
import { Master } from './helpers/master';

const SCHEMES = ['light', 'dark'] as const;

/** Presses Tab until `target` has the focus, as someone without a mouse would; fails if it never does. */
async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

test.describe('Accessibility and screenshots', () => {
  let runningTask = '';
  let finishedTask = '';

  test.beforeAll(async ({ request }) => {
    const master = new Master(request);
    runningTask = await master.submitTask('a11y-running:1', 'sleep 600');
    finishedTask = await master.submitTask('a11y-done:1', 'sleep 1; exit 0');
    await master.waitUntilRunning(runningTask);
    await expect.poll(() => master.taskStatus(finishedTask), { timeout: 25_000 }).toBe('completed');
  });

  const pages: { name: string; path: () => string; ready: (page: Page) => Promise<void> }[] = [
    {
      name: 'dashboard',
      path: () => '/dashboard',
      ready: (page) => expect(page.getByTestId('workers-total')).toBeVisible(),
    },
    {
      name: 'workers',
      path: () => '/workers',
      ready: (page) => expect(page.getByRole('table', { name: 'Workers' })).toBeVisible(),
    },
    {
      name: 'worker detail',
      path: () => '/workers/atlas',
      ready: (page) => expect(page.getByRole('heading', { name: 'atlas' })).toBeVisible(),
    },
    {
      name: 'tasks',
      path: () => '/tasks',
      ready: (page) => expect(page.getByRole('table', { name: 'Tasks' })).toBeVisible(),
    },
    {
      name: 'submit task',
      path: () => '/tasks/new',
      ready: (page) => expect(page.getByRole('textbox', { name: 'Docker image' })).toBeVisible(),
    },
    {
      name: 'running task',
      path: () => `/tasks/${runningTask}`,
      // The live stream waits for the operator: the page explains why, with a button to open it.
      ready: (page) => expect(page.getByRole('button', { name: /Open (live logs|anyway)/ })).toBeVisible(),
    },
    {
      name: 'finished task',
      path: () => `/tasks/${finishedTask}`,
      ready: (page) => expect(page.getByRole('heading', { name: 'Output files' })).toBeVisible(),
    },
    {
      name: 'settings',
      path: () => '/settings',
      ready: (page) => expect(page.getByRole('radio', { name: /^UTC/ })).toBeVisible(),
    },
    {
      name: 'help',
      path: () => '/help',
      ready: (page) => expect(page.getByTestId('connection-state')).toBeVisible(),
    },
    {
      name: 'guide',
      path: () => '/help/guide',
      ready: (page) => expect(page.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible(),
    },
    {
      name: 'not found',
      path: () => '/no/such/page',
      ready: (page) => expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible(),
    },
  ];

  for (const scheme of SCHEMES) {
    for (const entry of pages) {
      test(`${entry.name} has no serious violations (${scheme})`, async ({ page }, testInfo) => {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.goto(entry.path());
        await entry.ready(page);
        await attachScreenshot(page, testInfo, `${entry.name} (${scheme})`);

        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }

  for (const scheme of SCHEMES) {
    test(`the task and worker cards on a phone have no serious violations (${scheme})`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      for (const [path, row] of [
        ['/tasks', 'app-task-row'],
        ['/workers', 'app-worker-row'],
      ] as const) {
        await page.goto(path);
        await expect(page.locator(row).first()).toBeVisible();
        await attachScreenshot(page, testInfo, `${path} on a phone (${scheme})`);
        expect(await seriousViolations(page), path).toEqual([]);
      }
    });
  }

  for (const scheme of SCHEMES) {
    test(`the command palette has no serious violations (${scheme})`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.goto('/workers');
      await expect(page.getByRole('table', { name: 'Workers' }).locator('app-worker-row').first()).toBeVisible();
      await page.keyboard.press('Control+K');
      await page.getByRole('combobox').fill('atl');
      await expect(page.getByRole('option').first()).toContainText('atlas');
      await attachScreenshot(page, testInfo, `command palette (${scheme})`);

      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  for (const scheme of SCHEMES) {
    test(`a row focused with j, and the shortcut sheet, have no serious violations (${scheme})`, async ({
      page,
    }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.goto('/tasks');
      const rows = page.getByRole('table', { name: 'Tasks' }).locator('app-task-row');
      await expect(rows.first()).toBeVisible();
      await page.keyboard.press('j');
      await expect(rows.first()).toBeFocused();
      expect(await seriousViolations(page)).toEqual([]);

      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await attachScreenshot(page, testInfo, `shortcut sheet (${scheme})`);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('submits a task and cancels it with the keyboard alone', async ({ page, request }) => {
    test.setTimeout(60_000);
    const master = new Master(request);
    await page.goto('/tasks/new');
    await tabTo(page, page.getByRole('textbox', { name: 'Docker image' }));
    await page.keyboard.type('keyboard-only:1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('sleep 600');
    for (const [field, value] of [
      ['CPU', '0.5'],
      ['Memory', '0.5'],
      ['Storage', '1'],
    ]) {
      await tabTo(page, page.getByRole('spinbutton', { name: field }));
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(value);
    }
    await tabTo(page, page.getByRole('button', { name: 'Submit task' }));
    await page.keyboard.press('Enter');
    const submitted = page.getByText(/Task task-\d+ submitted\./);
    await expect(submitted).toBeVisible();
    const taskId = ((await submitted.textContent()) ?? '').match(/task-\d+/)?.[0] ?? '';
    await master.waitUntilRunning(taskId);

    await page.goto(`/tasks?q=${taskId}`);
    const row = page.getByRole('table', { name: 'Tasks' }).getByRole('row').filter({ hasText: taskId });
    await expect(row).toContainText('running');
    await tabTo(page, row.getByRole('button', { name: `Cancel ${taskId}` }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await tabTo(page, dialog.getByRole('button', { name: 'Cancel task' }), 10);
    await page.keyboard.press('Enter');

    await expect(dialog).toHaveCount(0);
    await expect(row).toContainText('cancelled');
    await expect.poll(() => master.taskStatus(taskId), { timeout: 15_000 }).toBe('cancelled');
  });
});
