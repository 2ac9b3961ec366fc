import { Page } from '@playwright/test';
import { Master } from './master';

/**
 * Opens a running task's live logs as an operator would: the dashboard never opens the stream by
 * itself (on the real master that can corrupt the task's status while its image downloads), so
 * wait until the simulated container exists, then ask for the stream.
 */
export async function openLiveLogs(page: Page, master: Master, taskId: string): Promise<void> {
  await master.waitForContainer(taskId);
  await page.getByRole('button', { name: /^(play_arrow|warning)?\s*Open (live logs|anyway)$/ }).click();
}
