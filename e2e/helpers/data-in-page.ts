import { Page } from '@playwright/test';

/**
 * Makes the page poll the master itself instead of through the shared data worker, for a test
 * that intercepts the master's answers with `page.route`: Playwright cannot intercept a
 * SharedWorker's requests. Call before the page loads. (The key is `DATA_IN_PAGE_KEY` of
 * src/app/core/data-worker/data-worker.ts.)
 */
export async function pollInPage(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('cloudai.debug.data-in-page', '1'));
}
