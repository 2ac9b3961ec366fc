import { Download, Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Master } from './helpers/master';

/** Exports the list shown in `format` and gives the file's name and text. */
async function exportList(page: Page, label: RegExp, format: 'CSV' | 'JSON') {
  const download: Promise<Download> = page.waitForEvent('download');
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${format}`) }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

test.describe('Export', () => {
  test('exports exactly the tasks shown, as CSV and JSON, named after the filter and the time', async ({
    page,
    request,
  }) => {
    const master = new Master(request);
    const taskIds = [
      await master.submitTask('export-me:1', 'echo "a, b"; exit 0'),
      await master.submitTask('export-me:1', 'sleep 1'),
    ];
    await page.goto('/tasks?q=export-me');
    await expect(page.getByRole('table', { name: 'Tasks' }).locator('app-task-row')).toHaveCount(2);

    const csv = await exportList(page, /^Export the 2 tasks shown$/, 'CSV');
    expect(csv.name).toMatch(/^cloudai-(.+-)?tasks-all-search-export-me-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.csv$/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^task_id,status,docker_image,command,/);
    expect(lines).toHaveLength(3);
    expect(csv.text).toContain('"echo ""a, b""; exit 0"');

    const json = await exportList(page, /^Export the 2 tasks shown$/, 'JSON');
    expect(json.name).toMatch(/\.json$/);
    const records = JSON.parse(json.text) as { task_id: string; created_at_utc: string }[];
    expect(records.map((record) => record.task_id).sort()).toEqual([...taskIds].sort());
    expect(records[0].created_at_utc).toMatch(/Z$/);
  });

  test('exports exactly the workers the filter shows', async ({ page }) => {
    await page.goto('/workers?status=active');
    await expect(page.getByRole('table', { name: 'Workers' }).locator('app-worker-row').first()).toBeVisible();
    // The filter's own count: the table renders only the rows on screen.
    const chip = (await page.getByRole('radio', { name: /^Active · \d+/ }).textContent()) ?? '';
    const shown = Number(/(\d+)/.exec(chip)?.[1]);

    const json = await exportList(page, /^Export the \d+ workers shown$/, 'JSON');
    expect(json.name).toMatch(/^cloudai-(.+-)?workers-active-/);
    const records = JSON.parse(json.text) as { worker_id: string; status: string }[];
    expect(records).toHaveLength(shown);
    expect(records.every((record) => record.status === 'active')).toBe(true);
  });
});
