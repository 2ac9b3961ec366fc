import { Page } from '@playwright/test';

/** Queries typed: how many, as an operator types them (parts of ids and images). */
const QUERY_COUNT = 40;

/**
 * Opens the command palette and times its answers: for each query, from the field's `input` event
 * to the options in the DOM changing (ranking every task and worker, and rendering). Consecutive
 * queries differ, so each one changes the options. The queries are parts of the ids and images the
 * master lists, as an operator would type them.
 */
export async function measurePaletteAnswers(page: Page, masterUrl: string): Promise<number[]> {
  const { tasks } = (await (await fetch(`${masterUrl}/api/tasks`)).json()) as {
    tasks: { task_id: string; docker_image: string }[];
  };
  const queries = Array.from({ length: QUERY_COUNT }, (_, index) => {
    const task = tasks[Math.floor((index * tasks.length) / QUERY_COUNT)];
    if (index % 4 === 3) return task.docker_image.slice(0, 3 + (index % 3));
    const start = (index * 7) % Math.max(1, task.task_id.length - 6);
    return task.task_id.slice(start, start + 3 + (index % 4));
  });

  await page.keyboard.press('Control+K');
  const field = page.getByRole('combobox');
  await field.waitFor();
  // Every task is listed once the status line stops saying it is still loading them.
  await page.waitForFunction(
    () => !document.querySelector('app-command-palette .status')?.textContent?.includes('loading'),
  );

  const times = (await page.evaluate(async (texts: string[]) => {
    const input = document.querySelector<HTMLInputElement>('app-command-palette [role="combobox"]')!;
    const options = document.getElementById('palette-options')!;
    const answered: number[] = [];
    for (const text of texts) {
      const changed = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve();
        });
        observer.observe(options, { childList: true, subtree: true, characterData: true });
        setTimeout(() => {
          observer.disconnect();
          resolve();
        }, 2000);
      });
      const typedAt = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await changed;
      answered.push(performance.now() - typedAt);
      // As a typist would: the next key after this frame has been drawn.
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    return answered;
  }, queries)) as number[];
  await page.keyboard.press('Escape');
  return times;
}
