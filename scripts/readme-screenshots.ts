/**
 * `npm run screenshots`: takes the README's screenshots (docs/screenshot-*.png) from the production
 * build, in front of a faithful simulator that generates tasks. Needs `npm run build`. Takes about
 * two minutes, because the dashboard's charts fill from what arrives while the page is open.
 */
import { type Browser, type Locator, type Page, chromium } from '@playwright/test';
import { CHROMIUM_BIN, CHROMIUM_FLAGS } from './lib/chromium.cjs';
import { DEFAULT_SIMULATOR_ARGS, Stack } from './lib/stack';

const VIEWPORT = { width: 1400, height: 1000 };
const PHONE = { width: 390, height: 844 };
const CHARTS_FILL_MS = 75_000;

type Scheme = 'light' | 'dark';

/** Generated tasks at a visible rate, a few of them running from the start; the control API to follow a container. */
const stack = new Stack(18_190, 4_390, [
  ...DEFAULT_SIMULATOR_ARGS.filter((arg, index, args) => arg !== '--task-rate' && args[index - 1] !== '--task-rate'),
  '--task-rate',
  '12',
  '--seed-tasks',
  '60',
  '--seed-running',
  '5',
  '--control',
]);

async function openPage(browser: Browser, scheme: Scheme, viewport = VIEWPORT): Promise<Page> {
  const context = await browser.newContext({ viewport, colorScheme: scheme, isMobile: viewport.width < 600 });
  await stack.signIn(context);
  return context.newPage();
}

/** Opens a page, waits until `ready` shows (the data, not a skeleton), and saves the window. */
async function shoot(page: Page, path: string, ready: (page: Page) => Locator, name: string): Promise<void> {
  await page.goto(`${stack.appUrl}${path}`);
  await ready(page).first().waitFor();
  // Live figures settle after the first frames: usage, sparklines, ages.
  await page.waitForTimeout(2_000);
  await save(page, name);
}

async function save(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `docs/screenshot-${name}.png` });
  console.log(`docs/screenshot-${name}.png`);
}

/** A task the simulator has started a container for, so its live log stream has lines. */
async function runningTaskWithContainer(): Promise<string> {
  const { tasks } = (await (await fetch(`${stack.masterUrl}/api/tasks?status=running`)).json()) as {
    tasks: Array<{ task_id: string }>;
  };
  for (const { task_id } of tasks) {
    const phase = ((await (await fetch(`${stack.masterUrl}/__sim/tasks/${task_id}`)).json()) as { phase: string })
      .phase;
    if (phase === 'running') return task_id;
  }
  throw new Error('No running task has a container yet.');
}

/** Two tasks no simulated worker can run: one without `storage_required` (1024 GB at the master), one asking for a GPU. */
async function submitTasksThatWait(): Promise<void> {
  const submit = (body: Record<string, unknown>) =>
    fetch(`${stack.masterUrl}/api/tasks`, {
      method: 'POST',
      body: JSON.stringify({ command: 'python train.py', cpu_required: 1, memory_required: 1, ...body }),
    });
  await submit({ docker_image: 'trainer:2' });
  await submit({ docker_image: 'pytorch:2.4-cuda', storage_required: 5, gpu_required: 1 });
}

async function main(): Promise<void> {
  await stack.start();
  const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: CHROMIUM_FLAGS });
  try {
    const light = await openPage(browser, 'light');
    const dark = await openPage(browser, 'dark');
    await Promise.all([light, dark].map((page) => page.goto(`${stack.appUrl}/dashboard`)));
    console.log(`Letting the dashboard charts fill for ${CHARTS_FILL_MS / 1000} s…`);
    await light.waitForTimeout(CHARTS_FILL_MS);
    await save(light, 'dashboard');
    await save(dark, 'dashboard-dark');
    await light.getByTestId('headroom').scrollIntoViewIfNeeded();
    await save(light, 'dashboard-insight');

    const workersTable = (page: Page) => page.getByRole('table', { name: 'Workers' }).getByRole('link');
    await shoot(light, '/workers', workersTable, 'workers-light');
    await shoot(dark, '/workers', workersTable, 'workers-dark');
    await shoot(light, '/workers/atlas', (page) => page.getByRole('img', { name: /usage of atlas/ }), 'worker-detail');
    await shoot(light, '/tasks', (page) => page.getByRole('table', { name: 'Tasks' }).getByRole('link'), 'tasks');
    // The keyboard: a row moved to with j and selected with x, then the sheet of every shortcut.
    for (const key of ['j', 'j', 'x', '?']) await light.keyboard.press(key);
    await light.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await light.waitForTimeout(500);
    await save(light, 'shortcuts');
    await light.keyboard.press('Escape');
    await light.getByRole('dialog').waitFor({ state: 'detached' });
    // The command palette, finding tasks by part of their image.
    await light.keyboard.press('Control+K');
    await light.getByRole('combobox').pressSequentially('pyth', { delay: 80 });
    await light.getByRole('option').nth(2).waitFor();
    await save(light, 'palette');
    await light.keyboard.press('Escape');

    const phone = await openPage(browser, 'light', PHONE);
    await shoot(phone, '/tasks', (page) => page.locator('app-task-row'), 'phone-tasks');
    await shoot(phone, '/workers', (page) => page.locator('app-worker-row'), 'phone-workers');

    await submitTasksThatWait();
    await shoot(light, '/tasks?status=pending&sort=created', (page) => page.getByTestId('why-pending'), 'why-pending');
    await light.goto(`${stack.appUrl}/tasks/new`);
    for (const [label, value] of [
      ['CPU', '1'],
      ['Memory', '1'],
      ['Storage', '5'],
      ['GPUs', '2'],
    ] as const) {
      await light.getByLabel(label).fill(value);
    }
    await light.getByTestId('placement-note').waitFor();
    await save(light, 'submit-warning');

    const taskId = await runningTaskWithContainer();
    await dark.goto(`${stack.appUrl}/tasks/${taskId}`);
    await dark.getByRole('button', { name: /Open (live logs|anyway)$/ }).click();
    await dark
      .getByText(/Live · \d+/)
      .first()
      .waitFor();
    await dark.waitForTimeout(3_000);
    await save(dark, 'task-detail-dark');
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
