import { expect, test } from '@playwright/test';
import { Master } from './helpers/master';

test.describe('Keyboard shortcuts', () => {
  test('go to pages with g then a letter, n for a new task, and ? for the sheet; not while typing', async ({
    page,
  }) => {
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await expect(page).toHaveURL(/\/tasks$/);
    await page.keyboard.press('g');
    await page.keyboard.press('w');
    await expect(page).toHaveURL(/\/workers$/);
    await page.keyboard.press('n');
    await expect(page).toHaveURL(/\/tasks\/new$/);

    // Typing in a field is typing, not shortcuts.
    const image = page.getByRole('textbox', { name: /Docker image/ });
    await image.fill('');
    await image.pressSequentially('gd');
    await expect(image).toHaveValue('gd');
    await expect(page).toHaveURL(/\/tasks\/new$/);

    await image.blur();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    await expect(sheet.getByTestId('shortcut')).toHaveCount(14);
    await expect(sheet).toContainText('Cancel the row');
    // The page behind the sheet does not take its keys.
    await page.keyboard.press('g');
    await page.keyboard.press('d');
    await expect(page).toHaveURL(/\/tasks\/new$/);
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
  });

  test('on the task list: / searches, j and k move the focus, x selects, c asks to cancel, Enter opens, p pauses', async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    for (let n = 0; n < 3; n++) await master.submitTask('keys:1', 'sleep 1; exit 0');
    await page.goto('/tasks?q=keys%3A1');
    const rows = page.getByRole('table', { name: 'Tasks' }).locator('app-task-row');
    await expect(rows).toHaveCount(3);

    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: /Search id, image/ })).toBeFocused();
    await page.getByRole('searchbox', { name: /Search id, image/ }).blur();

    await page.keyboard.press('j');
    await expect(rows.nth(0)).toBeFocused();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    // The last row holds.
    await expect(rows.nth(2)).toBeFocused();
    await page.keyboard.press('k');
    await expect(rows.nth(1)).toBeFocused();
    const secondId = await rows.nth(1).getAttribute('data-task-id');

    await page.keyboard.press('x');
    await expect(rows.nth(1).getByRole('checkbox')).toBeChecked();
    await expect(page.getByText('1 selected')).toBeVisible();

    await page.keyboard.press('c');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(secondId!);
    await dialog
      .getByRole('button', { name: /^(Keep running|Close)$/ })
      .first()
      .click();
    await expect(dialog).toBeHidden();

    await page.keyboard.press('p');
    await expect(page.getByRole('radio', { name: 'Paused' })).toBeChecked();
    await page.keyboard.press('p');
    await expect(page.getByRole('radio', { name: 'Paused' })).not.toBeChecked();

    await rows.nth(1).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/tasks/${secondId}$`));
  });

  test('on the worker list: / searches, j and k move the focus, Enter opens the worker', async ({ page }) => {
    await page.goto('/workers');
    const rows = page.getByRole('table', { name: 'Workers' }).locator('app-worker-row');
    await expect(rows.first()).toBeVisible();

    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox')).toBeFocused();
    await page.getByRole('searchbox').blur();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect(rows.nth(0)).toBeFocused();
    const workerId = await rows.nth(0).getAttribute('data-worker-id');

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/workers/${workerId}$`));
  });
});
