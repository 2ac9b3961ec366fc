import { expect, test } from '@playwright/test';
import { Stack } from '../scripts/lib/stack';

test.describe('Live connection', () => {
  test('follows the master going away and coming back, without a reload, with one socket afterwards', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const stack = new Stack(18090, 4310);
    await stack.start();
    try {
      await page.goto(`${stack.appUrl}/dashboard`);
      const chip = page.getByRole('status', { name: /^Connection: / });
      await expect(chip).toHaveAccessibleName(/^Connection: Live\./);
      const workersBefore = await page.getByTestId('workers-total').textContent();
      const sameDocument = () => page.evaluate(() => document.documentElement.dataset['marked'] === 'yes');
      await page.evaluate(() => (document.documentElement.dataset['marked'] = 'yes'));

      await stack.stopMaster();
      await expect(chip).not.toHaveAccessibleName(/^Connection: Live\./, { timeout: 1000 });
      await expect(chip).toContainText(/Reconnecting/);

      await stack.startMaster();
      await expect(chip).toHaveAccessibleName(/^Connection: Live\./, { timeout: 2000 });

      await expect.poll(() => stack.activeTelemetryClients()).toBe(1);
      await expect(page.getByTestId('workers-total')).toHaveText(workersBefore ?? '');
      expect(await sameDocument()).toBe(true);
    } finally {
      await stack.stop();
    }
  });
});
