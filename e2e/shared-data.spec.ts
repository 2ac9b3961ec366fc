import { Page, expect, test } from '@playwright/test';
import { Master } from './helpers/master';

/** Hides the tab (as switching to another tab does), as far as the page can tell. */
async function hide(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

test.describe('Tabs of one browser', () => {
  test('share one task-list poll, however many are open', async ({ page, context, request }) => {
    const master = new Master(request);
    await page.goto('/tasks');
    await page.getByRole('radio', { name: '1 s' }).click();
    const second = await context.newPage();
    await second.goto('/tasks');
    await expect(second.getByRole('radio', { name: '1 s' })).toBeChecked();
    await expect(second.getByRole('status').filter({ hasText: 'Auto-updating' })).toBeVisible();

    const before = await master.answeredRequests('GET /api/tasks');
    const started = Date.now();
    await expect
      .poll(() => master.answeredRequests('GET /api/tasks'), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(before + 6);
    // One poll at 1 s needs at least five intervals for six answers; one per tab would take half as long.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4500);
  });

  test('share one telemetry socket, and it closes when the last tab closes', async ({ page, context, request }) => {
    const master = new Master(request);
    const before = await master.telemetrySockets();
    const live = (tab: Page) =>
      expect(tab.getByRole('status', { name: /^Connection: / })).toHaveAccessibleName(/^Connection: Live\./);
    await page.goto('/workers');
    await live(page);
    for (const path of ['/dashboard', '/tasks']) {
      const tab = await context.newPage();
      await tab.goto(path);
      await live(tab);
    }

    expect((await master.telemetrySockets()).opened).toBe(before.opened + 1);
    await context.close();
    // No other page is open (the tests run one at a time).
    await expect.poll(async () => (await master.telemetrySockets()).open).toBe(0);
  });

  test('a hidden tab does not stop the others, and a closed one leaves them working', async ({
    page,
    context,
    request,
  }) => {
    const master = new Master(request);
    await page.goto('/tasks');
    const second = await context.newPage();
    await second.goto('/tasks');
    await expect(second.getByRole('status').filter({ hasText: 'Auto-updating' })).toBeVisible();

    await hide(page);
    const whileHidden = await master.submitTask('shared-hidden:1', 'sleep 600');
    await expect(second.getByRole('link', { name: whileHidden, exact: true })).toBeVisible();

    await page.close();
    const afterClose = await master.submitTask('shared-closed:1', 'sleep 600');
    await expect(second.getByRole('link', { name: afterClose, exact: true })).toBeVisible();
  });
});
