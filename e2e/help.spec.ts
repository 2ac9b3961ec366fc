import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

test.describe('Help', () => {
  test('says which dashboard and master this is, the connection, and every shortcut', async ({ page }) => {
    await page.goto('/dashboard');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Help' }).click();

    await expect(page).toHaveURL(/\/help$/);
    await expect(page.getByTestId('version')).toHaveText(VERSION);
    await expect(page.getByTestId('master')).toContainText('The built-in simulator');
    await expect(page.getByTestId('master')).toContainText(/http:\/\/127\.0\.0\.1:\d+/);
    await expect(page.getByTestId('connection-state')).toContainText('Live');
    await expect(page.getByTestId('shortcut').filter({ hasText: 'Go to the tasks' })).toBeVisible();
  });

  test("opens the guide at the section asked for, and follows the guide's own links inside the app", async ({
    page,
  }) => {
    await page.goto('/help');
    await page.getByRole('link', { name: 'Keyboard shortcuts' }).click();

    await expect(page).toHaveURL(/\/help\/guide#keyboard-shortcuts$/);
    const heading = page.getByRole('heading', { name: 'Keyboard shortcuts', level: 3 });
    await expect(heading).toBeInViewport();
    await expect(heading).toBeFocused();
    await expect(page.locator('article img').first()).toHaveJSProperty('complete', true);
    expect(
      await page
        .locator('article img')
        .first()
        .evaluate((image: HTMLImageElement) => image.naturalWidth),
    ).toBeGreaterThan(0);

    // A link from one README section to another: the page stays (no reload) and lands on it.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.locator('article a[href="help/guide#performance"]').first().click();
    await expect(page).toHaveURL(/\/help\/guide#performance$/);
    await expect(page.getByRole('heading', { name: 'Performance', level: 2 })).toBeInViewport();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    await page
      .getByRole('navigation', { name: 'Guide documents' })
      .getByRole('link', { name: "The master's contract" })
      .click();
    await expect(page).toHaveURL(/\/help\/guide\/contract$/);
    await expect(page.locator('article h1').first()).toBeVisible();
  });
});
