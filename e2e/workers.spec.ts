import { expect, test } from '@playwright/test';
import { Master } from './helpers/master';

test.describe('Workers', () => {
  test('lists every worker with its live usage and capacity', async ({ page, request }) => {
    const master = new Master(request);
    const count = await master.workerCount();

    await page.goto('/workers');

    const table = page.getByRole('table', { name: 'Workers' });
    await expect(table.getByRole('row')).toHaveCount(count + 1);
    const kiwi = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'kiwi', exact: true }) });
    await expect(kiwi).toContainText('Active');
    await expect(kiwi).toContainText(/last heartbeat/);
    await expect(kiwi).toContainText(/\d+(\.\d)? %/);
    await expect(kiwi).toContainText(/\/ 12 cores/);
  });

  test('registers a worker through the dialog, which then appears without a reload', async ({ page }) => {
    await page.goto('/workers');
    await page.getByRole('button', { name: 'Register worker' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register worker' });

    await dialog.getByRole('textbox', { name: 'Worker id' }).fill('e2e-registered');
    await dialog.getByRole('textbox', { name: 'Address (host:port)' }).fill('not an address');
    await dialog.getByRole('button', { name: 'Register worker' }).click();
    await expect(dialog.getByText('Use host:port')).toBeVisible();

    await dialog.getByRole('textbox', { name: 'Address (host:port)' }).fill('10.20.30.40:50052');
    await dialog.getByRole('button', { name: 'Register worker' }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole('link', { name: 'e2e-registered', exact: true })).toBeVisible();
  });

  test("shows the master's own error text when registration fails", async ({ page }) => {
    await page.goto('/workers');
    await page.getByRole('button', { name: 'Register worker' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register worker' });

    await dialog.getByRole('textbox', { name: 'Worker id' }).fill('kiwi');
    await dialog.getByRole('textbox', { name: 'Address (host:port)' }).fill('10.0.0.1:50052');
    await dialog.getByRole('button', { name: 'Register worker' }).click();

    await expect(dialog.getByRole('alert')).toHaveText(
      'Failed to register worker: worker kiwi already registered (HTTP 500)',
    );
    await expect(dialog.getByRole('textbox', { name: 'Worker id' })).toHaveValue('kiwi');
  });

  test('keeps sort and filter in the URL, through a reload and Back', async ({ page }) => {
    await page.goto('/workers');
    await page.getByRole('columnheader', { name: 'CPU', exact: true }).getByRole('button').click();
    // Figures start with the largest: descending is what sorting by CPU means, so the link needs no `dir`.
    await expect(page).toHaveURL(/sort=cpu(?!.*dir=)/);
    await page.getByRole('searchbox', { name: 'Search id or address' }).fill('kiwi');
    await expect(page).toHaveURL(/q=kiwi/);
    await expect(page.getByRole('table', { name: 'Workers' }).getByRole('row')).toHaveCount(2);

    await page.reload();

    await expect(page.getByRole('searchbox', { name: 'Search id or address' })).toHaveValue('kiwi');
    await expect(page.getByRole('columnheader', { name: 'CPU', exact: true })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(page.getByRole('table', { name: 'Workers' }).getByRole('row')).toHaveCount(2);

    await page.getByRole('radio', { name: /^Inactive/ }).click();
    await expect(page).toHaveURL(/status=inactive/);
    await page.goBack();
    await expect(page).not.toHaveURL(/status=inactive/);
    await expect(page.getByRole('radio', { name: /^All/ })).toBeChecked();
  });

  test('marks a worker that stops heartbeating inactive within 35 s, without a reload', async ({ page, request }) => {
    test.setTimeout(60_000);
    const master = new Master(request);
    await master.addWorker('e2e-silent');
    await page.goto('/workers?q=e2e-silent');
    const row = page.getByRole('table', { name: 'Workers' }).getByRole('row').filter({ hasText: 'e2e-silent' });
    await expect(row).toContainText('Active', { timeout: 10_000 });

    await master.pauseWorker('e2e-silent');

    await expect(row).toContainText('Late', { timeout: 15_000 });
    await expect(row).toContainText('Inactive', { timeout: 35_000 });
  });

  test('offers a heat map, remembered across visits', async ({ page }) => {
    await page.goto('/workers');
    await page.getByRole('radio', { name: 'Heat map' }).click();
    const cells = page.getByRole('list', { name: /Workers coloured by CPU usage/ }).getByRole('listitem');
    await expect(cells.first()).toBeVisible();

    await page.getByRole('radio', { name: 'Memory' }).click();
    await expect(page.getByRole('list', { name: /coloured by Memory usage/ })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('list', { name: /coloured by Memory usage/ })).toBeVisible();

    await page.getByRole('listitem', { name: /^kiwi ·/ }).click();
    await expect(page).toHaveURL(/\/workers\/kiwi$/);
  });

  test('heat map: the figures of a cell show without a mouse, and the keyboard moves through the cells', async ({
    page,
  }) => {
    await page.goto('/workers');
    await page.getByRole('radio', { name: 'Heat map' }).click();
    const cells = page.getByRole('list', { name: /Workers coloured by/ }).getByRole('listitem');
    const readout = page.getByTestId('heat-map-readout');

    await cells.first().focus();
    const firstId = await cells.first().getAttribute('data-worker-id');
    await expect(readout).toContainText(`${firstId} ·`);
    await page.keyboard.press('ArrowRight');
    const secondId = await cells.nth(1).getAttribute('data-worker-id');
    await expect(readout).toContainText(`${secondId} ·`);
    await expect(readout).toContainText(/CPU \d/);

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/workers/${secondId}$`));
  });
});

test.describe('Worker detail', () => {
  test('shows capacities, and a usage chart that grows while the page is open', async ({ page }) => {
    await page.goto('/workers/kiwi');

    await expect(page.getByRole('heading', { level: 1, name: 'kiwi' })).toBeVisible();
    await expect(page.getByRole('meter', { name: 'CPU allocated' })).toBeVisible();
    await expect(page.getByText(/of 12 cores/)).toBeVisible();
    const chart = page.getByRole('img', { name: /usage of kiwi since this page opened/ });
    await expect(chart).toBeVisible({ timeout: 10_000 });
    const widthOfLine = () =>
      chart.evaluate(
        (element) => (element.querySelector('canvas') as HTMLCanvasElement | null)?.toDataURL().length ?? 0,
      );
    const before = await widthOfLine();
    await expect.poll(widthOfLine, { timeout: 10_000 }).not.toBe(before);
  });

  test('says clearly when a worker does not exist', async ({ page }) => {
    await page.goto('/workers/no-such-worker');

    await expect(page.getByRole('heading', { name: /No worker .no-such-worker./ })).toBeVisible();
    await page.getByRole('link', { name: 'See all workers' }).click();
    await expect(page).toHaveURL(/\/workers$/);
  });
});
