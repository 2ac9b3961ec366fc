import { expect, test } from '@playwright/test';
import { Master } from './helpers/master';

// A browser in New York with German formats: its own clock is not UTC, so the setting shows.
test.use({ timezoneId: 'America/New_York', locale: 'de-DE' });

test.describe('Time zone', () => {
  test('shows times on the local clock in the browser locale, switches to UTC, and remembers it', async ({
    page,
    request,
  }) => {
    const taskId = await new Master(request).submitTask('time-zone:1', 'sleep 1');
    await page.goto(`/tasks/${taskId}`);
    const created = page.locator('dt', { hasText: 'Created' }).locator('+ dd time');
    // German formats, New York's clock: "2. Dez. 2026, 09:03:22 GMT-5".
    await expect(created).toHaveText(/^\d{1,2}\. \S+ \d{4}, \d\d:\d\d:\d\d GMT-[45]$/);

    await page.goto('/settings');
    await expect(page.getByRole('radio', { name: /^Local time \(America\/New_York/ })).toBeChecked();
    await page.getByRole('radio', { name: /^UTC/ }).check();

    await page.goto(`/tasks/${taskId}`);
    await expect(created).toHaveText(/^\d{1,2}\. \S+ \d{4}, \d\d:\d\d:\d\d UTC$/);
    const instant = await created.getAttribute('datetime');
    const shownHour = /, (\d\d):/.exec((await created.textContent()) ?? '')?.[1];
    expect(shownHour).toBe(instant?.slice(11, 13));
  });

  test('keeps the exact time of a relative age for hovering', async ({ page, request }) => {
    await new Master(request).submitTask('time-zone-age:1', 'sleep 1');
    await page.goto('/tasks?q=time-zone-age');
    const age = page.getByRole('table', { name: 'Tasks' }).locator('app-age-text').first();
    await expect(age).toHaveText(/(just now|s ago|min ago)/);
    await expect(age).toHaveAttribute('title', /\d\d:\d\d:\d\d GMT-[45]$/);
  });
});
