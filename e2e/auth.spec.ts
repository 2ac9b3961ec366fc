import { Page, expect, test } from '@playwright/test';
import { Stack } from '../scripts/lib/stack';
import { seriousViolations } from './helpers/axe';

/** Its own master, so accounts made here start from nothing; and no session to begin with. */
const stack = new Stack(18091, 4311);

test.describe.configure({ mode: 'serial' });
test.use({ storageState: { cookies: [], origins: [] } });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  await stack.start();
});
test.afterAll(async () => {
  await stack.stop();
});

const password = 'correct horse';

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('textbox', { name: 'Password' }).press('Enter');
}

/** The tab is hidden and shown again, which makes the dashboard check the session. */
async function hideAndShowTab(page: Page): Promise<void> {
  await page.evaluate(() => {
    const set = (state: string) => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    set('hidden');
    set('visible');
  });
}

test.describe('Sign-in', () => {
  test('a signed-out visit lands on sign-in with no error in the console and no failed request', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });

    await page.goto('/tasks');

    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    expect(errors).toEqual([]);
  });

  test('registers, lands where it was going, signs out leaving nothing, and signs in again', async ({ page }) => {
    const email = `ada-${Date.now()}@example.com`;
    await page.goto(`${stack.appUrl}/tasks?status=failed`);
    await expect(page).toHaveURL(/\/login\?returnUrl=/);
    await expect(page.getByRole('status', { name: /^Connection: / })).toHaveCount(0);

    await page.getByRole('link', { name: 'Create one' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Ada');
    await page.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
    await page.getByRole('textbox', { name: 'Confirm password' }).fill('other');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('At least 6 characters.').first()).toBeVisible();
    await expect(page.getByText('Enter an email address, such as ada@example.com.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await page.getByRole('textbox', { name: 'Confirm password' }).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page).toHaveURL(/\/tasks\?status=failed$/);
    await page.getByRole('button', { name: 'Account: Ada' }).click();
    await expect(page.getByRole('region', { name: 'Account' })).toContainText(email);
    await expect(page.getByRole('region', { name: 'Account' })).toContainText('Visit 1');

    await page.evaluate(() => localStorage.setItem('cloudai.user.watched-tasks', '[["task-1",{"status":"running"}]]'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    expect(await page.evaluate(() => localStorage.getItem('cloudai.user.watched-tasks'))).toBeNull();
    await page.goto(`${stack.appUrl}/workers`);
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fworkers$/);

    await signIn(page, email);
    await expect(page).toHaveURL(/\/workers$/);
    await page.getByRole('button', { name: 'Account: Ada' }).click();
    await expect(page.getByRole('region', { name: 'Account' })).toContainText('Visit 2');
  });

  test("shows the master's refusal and keeps what was typed", async ({ page }) => {
    await page.goto(`${stack.appUrl}/login`);
    await signIn(page, 'nobody@example.com');
    await expect(page.getByRole('alert')).toHaveText('Invalid email or password');
    await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue('nobody@example.com');
  });

  test('rejects a forged session cookie', async ({ page, context }) => {
    await context.addCookies([
      {
        name: 'auth_token',
        value:
          'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJlbWFpbCI6ImV2ZUBleGFtcGxlLmNvbSIsIm5hbWUiOiJFdmUiLCJleHAiOjQxMDI0NDQ4MDB9.forged',
        url: stack.appUrl,
      },
    ]);
    await page.goto(`${stack.appUrl}/dashboard`);
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fdashboard$/);
  });

  test('signing out in one tab signs out the others at once', async ({ page, context, request }) => {
    const email = `hopper-${Date.now()}@example.com`;
    await request.post(`${stack.masterUrl}/api/auth/register`, { data: { name: 'Hopper', email, password } });
    await page.goto(`${stack.appUrl}/login?returnUrl=%2Ftasks`);
    await signIn(page, email);
    await expect(page).toHaveURL(/\/tasks$/);
    const other = await context.newPage();
    await other.goto(`${stack.appUrl}/workers`);
    await expect(other.getByRole('button', { name: 'Account: Hopper' })).toBeVisible();

    await page.getByRole('button', { name: 'Account: Hopper' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await expect(other.getByRole('dialog', { name: 'Your session has ended' })).toBeVisible();
  });

  test('reopens sign-in over the page when the session ends mid-form, and the form keeps its values', async ({
    page,
    context,
    request,
  }) => {
    const email = `grace-${Date.now()}@example.com`;
    await request.post(`${stack.masterUrl}/api/auth/register`, { data: { name: 'Grace', email, password } });
    await page.goto(`${stack.appUrl}/login?returnUrl=%2Ftasks%2Fnew`);
    await signIn(page, email);
    await expect(page).toHaveURL(/\/tasks\/new$/);
    await page.getByRole('textbox', { name: 'Docker image' }).fill('half-done:1');
    await page.getByRole('textbox', { name: 'Command' }).fill('echo keep me');

    await context.clearCookies();
    await hideAndShowTab(page);

    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue(email);
    // The dialog moves the focus once it has opened; typing before that could land elsewhere.
    await expect(dialog.getByRole('textbox', { name: 'Password' })).toBeFocused();
    await dialog.getByRole('textbox', { name: 'Password' }).fill(password);
    await dialog.getByRole('textbox', { name: 'Password' }).press('Enter');

    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(/\/tasks\/new$/);
    await expect(page.getByRole('textbox', { name: 'Docker image' })).toHaveValue('half-done:1');
    await expect(page.getByRole('textbox', { name: 'Command' })).toHaveValue('echo keep me');
  });
});

test.describe('Sign-in pages', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const path of ['/login', '/register']) {
      test(`${path} has no serious accessibility violations (${scheme})`, async ({ page }, testInfo) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${stack.appUrl}${path}`);
        await expect(page.getByRole('textbox', { name: 'Email' })).toBeVisible();
        await testInfo.attach(`${path} (${scheme})`, { body: await page.screenshot(), contentType: 'image/png' });

        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }
});
