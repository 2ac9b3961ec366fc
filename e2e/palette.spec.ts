import { expect, test } from '@playwright/test';
import { Master } from './helpers/master';

test.describe('Command palette', () => {
  test('jumps to a task by part of its id, and offers it first next time', async ({ page, request }) => {
    const taskId = await new Master(request).submitTask('palette-jump:1', 'sleep 1');
    await page.goto('/dashboard');
    await expect(page.getByTestId('workers-total')).toBeVisible();

    await page.keyboard.press('Control+K');
    const field = page.getByRole('combobox', { name: /Jump to a task/ });
    await expect(field).toBeFocused();
    await field.fill(taskId.slice(-8));
    await expect(page.getByRole('option').first()).toContainText(taskId);
    await expect(field).toHaveAttribute('aria-activedescendant', 'palette-option-0');
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}$`));
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.keyboard.press('Control+K');
    await expect(page.getByRole('option').first()).toContainText(taskId);
    await expect(page.getByRole('option').first()).toContainText('Recent');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('jumps to a worker by part of its address, with the arrows, from the toolbar button', async ({ page }) => {
    await page.goto('/tasks');
    await page.getByRole('button', { name: /Jump to a task, worker or page/ }).click();
    const field = page.getByRole('combobox');
    await field.fill('atlas');
    await expect(page.getByRole('option').first()).toContainText('atlas');
    // Known once the registry has answered (telemetry alone names no address).
    const detail = page.getByRole('option').first().locator('.detail');
    await expect(detail).toContainText(/^\d+\.\d+\.\d+\.\d+:\d+/);
    const address = ((await detail.textContent()) ?? '').split(' ')[0];

    await field.fill(address);
    const atlas = page.getByRole('option').filter({ hasText: 'atlas' });
    await expect(atlas).toHaveCount(1);
    // Down to it, whichever place it has.
    for (let step = 0; (await atlas.getAttribute('aria-selected')) !== 'true' && step < 50; step++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/workers\/atlas$/);
  });

  test("runs the page's actions and the app's: export the list, switch the clock", async ({ page }) => {
    await page.goto('/workers');
    await expect(page.getByRole('table', { name: 'Workers' }).locator('app-worker-row').first()).toBeVisible();

    await page.keyboard.press('Control+K');
    await page.getByRole('combobox').fill('export csv');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toMatch(/^cloudai-(.+-)?workers-all-.*\.csv$/);

    await page.keyboard.press('Control+K');
    await page.getByRole('combobox').fill('times utc');
    await expect(page.getByRole('option').first()).toContainText('Show times in UTC');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Workers' }).locator('app-age-text').first()).toHaveAttribute(
      'title',
      /UTC$/,
    );
    await page.goto('/settings');
    await expect(page.getByRole('radio', { name: /^UTC/ })).toBeChecked();
  });

  test('opens also while typing in a field, and the list shortcuts stay quiet inside it', async ({ page }) => {
    await page.goto('/tasks');
    await page.getByRole('searchbox', { name: /Search id, image/ }).focus();
    await page.keyboard.press('Control+K');
    const field = page.getByRole('combobox');
    await expect(field).toBeFocused();

    await page.keyboard.type('gw');

    await expect(field).toHaveValue('gw');
    await expect(page).toHaveURL(/\/tasks$/);
  });
});
