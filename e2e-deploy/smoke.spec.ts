import { expect, request as playwrightRequest, test } from '@playwright/test';
import { TEST_ACCOUNT, signInCookie } from '../scripts/lib/session';
import { openLiveLogs } from '../e2e/helpers/logs';
import { Master } from '../e2e/helpers/master';
import { CLUSTER_NAME, DEPLOY_MASTER_URL } from './ports';

/**
 * What an operator does first with a deployed dashboard, under a sub-path: sign in, watch live
 * telemetry and tasks, read a running task's live logs, reload a deep link; and what the door
 * must refuse. Paths are relative: the project's base URL ends with the sub-path.
 */
test.describe('Deployed under a sub-path', () => {
  const baseUrlOf = (baseURL: string | undefined) => baseURL!.replace(/\/$/, '');

  test('signs in through the sign-in page and lands on the dashboard, the toolbar and title naming the cluster', async ({
    page,
    baseURL,
  }) => {
    // Registers the account (registration is open) and discards the session: the page signs in itself.
    await signInCookie(baseUrlOf(baseURL));
    await page.goto('');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(new URL(page.url()).pathname).toMatch(/^\/cloudai\/login/);
    await page.getByRole('textbox', { name: 'Email' }).fill(TEST_ACCOUNT.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(TEST_ACCOUNT.password);
    await page.getByRole('textbox', { name: 'Password' }).press('Enter');

    await expect(page).toHaveURL(/\/cloudai\/dashboard$/);
    await expect(page.locator('.shell-cluster')).toHaveText(CLUSTER_NAME);
    await expect(page.getByText('Simulated cluster')).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`· ${CLUSTER_NAME} · CloudAI$`));
  });

  test.describe('signed in', () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([await signInCookie(baseUrlOf(baseURL))]);
    });

    test('shows live telemetry', async ({ page }) => {
      await page.goto('workers');
      await expect(page.getByRole('status', { name: /^Connection: Live/ })).toBeVisible({ timeout: 15_000 });
      await expect(page.getByRole('link', { name: 'atlas' })).toBeVisible();
    });

    test('fits a phone: with the cluster name and the simulator badge, nothing scrolls sideways', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('workers');
      await expect(page.getByRole('link', { name: 'atlas' })).toBeVisible();
      await expect(page.locator('.shell-cluster')).toBeVisible();
      await expect(page.getByText('Simulated cluster')).toBeAttached();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });

    test("lists tasks, and streams a running task's live logs", async ({ page, request }) => {
      const master = new Master(request, DEPLOY_MASTER_URL);
      const taskId = await master.submitTask('smoke-logs:1', 'sleep 20; exit 0');
      await master.waitUntilRunning(taskId);

      await page.goto('tasks');
      const link = page.getByRole('link', { name: taskId, exact: true });
      await expect(link).toBeVisible({ timeout: 15_000 });
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/cloudai/tasks/${taskId}$`));
      await openLiveLogs(page, master, taskId);
      await expect(page.getByRole('log', { name: `Logs of ${taskId}` })).toContainText('Starting smoke-logs:1');
    });

    test('reloads a deep link to the same page', async ({ page, request }) => {
      const taskId = await new Master(request, DEPLOY_MASTER_URL).submitTask('smoke-deep-link:1', 'sleep 1; exit 0');
      await page.goto(`tasks/${taskId}`);
      await expect(page.getByRole('heading', { name: new RegExp(taskId) })).toBeVisible();

      await page.reload();
      await expect(page).toHaveURL(new RegExp(`/cloudai/tasks/${taskId}$`));
      await expect(page.getByRole('heading', { name: new RegExp(taskId) })).toBeVisible();
    });
  });

  test('refuses a signed-out cancel at the door; the task is untouched', async ({ baseURL, request }) => {
    const master = new Master(request, DEPLOY_MASTER_URL);
    const taskId = await master.submitTask('smoke-door:1', 'sleep 30; exit 0');
    const signedOut = await playwrightRequest.newContext({ baseURL });
    try {
      const cancel = await signedOut.delete(`api/tasks/${taskId}`);
      expect(cancel.status()).toBe(401);
      expect((await signedOut.get('api/workers')).status()).toBe(401);
    } finally {
      await signedOut.dispose();
    }
    expect(await master.taskStatus(taskId)).not.toBe('cancelled');
  });
});
