import { Page, expect, test } from '@playwright/test';
import { Master } from './helpers/master';
import { APP_URL } from './helpers/ports';

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

  test('stops polling tasks while the tab is hidden and refreshes at once when it is shown', async ({ page }) => {
    await page.goto('/tasks');
    await page.getByRole('radio', { name: '1 s' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Auto-updating' })).toBeVisible();
    const requests: number[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/tasks') requests.push(Date.now());
    });

    await setTabVisible(page, false);
    const hiddenAt = Date.now();
    await page.waitForTimeout(4000);
    expect(requests.filter((at) => at > hiddenAt + 300)).toEqual([]);

    const shownAt = Date.now();
    await setTabVisible(page, true);
    await expect.poll(() => requests.filter((at) => at >= shownAt).length, { timeout: 900 }).toBeGreaterThan(0);
    await page.getByRole('radio', { name: '3 s' }).click();
  });
});

test.describe('Security', () => {
  test('the production server sends a Content-Security-Policy', async ({ request }) => {
    const response = await request.get(`${APP_URL}/dashboard`);
    const policy = response.headers()['content-security-policy'] ?? '';

    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("'unsafe-eval'");
  });

  test('markup in task and worker fields renders as text and runs nothing', async ({ page, request }) => {
    const master = new Master(request);
    const payload = (field: string) =>
      `<img src=x onerror="window.__xss='${field}'"><script>window.__xss='${field}'</script>`;
    const workerId = `w<b onmouseover="window.__xss='worker'">x</b>`;
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
    await expect(page.getByText(payload('tag')).first()).toBeVisible();
    await page.goto(`/tasks/${taskId}`);
    await expect(page.getByText(payload('image')).first()).toBeVisible();
    await page.goto('/workers');
    await expect(page.getByRole('link', { name: workerId })).toBeVisible();
    await page.getByRole('link', { name: workerId }).hover();

    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
