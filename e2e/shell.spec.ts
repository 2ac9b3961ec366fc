import { expect, test } from '@playwright/test';
import { MASTER_URL } from './helpers/ports';

test.describe('App shell', () => {
  test('navigates between pages from the sidenav', async ({ page }) => {
    await page.goto('/dashboard');
    const nav = page.getByRole('navigation', { name: 'Main' });

    await nav.getByRole('link', { name: 'Workers' }).click();
    await expect(page).toHaveURL(/\/workers$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Workers' })).toBeVisible();

    await nav.getByRole('link', { name: 'Submit task' }).click();
    await expect(page).toHaveURL(/\/tasks\/new$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Submit task' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Submit task' })).toHaveAttribute('aria-current', 'page');

    await nav.getByRole('link', { name: 'Tasks' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
    await expect(page).toHaveTitle('Tasks · CloudAI');
  });

  test('routes detail pages with their id and shows a not-found page for unknown addresses', async ({ page }) => {
    await page.goto('/workers/kiwi');
    await expect(page.getByText('kiwi')).toBeVisible();

    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('switches to dark and remembers it across reloads', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/dashboard');
    const colorScheme = () => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
    expect(await colorScheme()).toBe('light dark');

    const toggle = page.getByRole('button', { name: /^Colour scheme/ });
    await toggle.click();
    await expect.poll(colorScheme).toBe('light');
    await toggle.click();
    await expect.poll(colorScheme).toBe('dark');

    await page.reload();
    await expect.poll(colorScheme).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');

    await toggle.click();
    await expect.poll(colorScheme).toBe('light dark');
  });

  test('follows the OS colour scheme by default', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/dashboard');

    await expect(page.getByRole('button', { name: /^Colour scheme: system setting \(dark\)/ })).toBeVisible();
  });
});

test.describe('Production server', () => {
  test('sends a Content-Security-Policy and serves deep links', async ({ request }) => {
    const response = await request.get('/tasks/new');

    expect(response.status()).toBe(200);
    const policy = response.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(await response.text()).toContain('<app-root');
  });

  test('proxies the telemetry WebSocket to the master', async ({ page, request }) => {
    await page.goto('/dashboard');
    const firstFrame = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const socket = new WebSocket(`ws://${location.host}/ws/telemetry`);
          socket.onmessage = (event) => {
            resolve(String(event.data));
            socket.close();
          };
          socket.onerror = () => reject(new Error('socket failed'));
        }),
    );
    const workers = Object.keys(JSON.parse(firstFrame) as Record<string, unknown>);
    const listed = (await (await request.get(`${MASTER_URL}/api/workers`)).json()) as {
      workers: { worker_id: string }[];
    };

    expect(workers.sort()).toEqual(listed.workers.map((worker) => worker.worker_id).sort());
  });

  test("answers a master path with the master's own error text", async ({ request }) => {
    const response = await request.post('/api/tasks', { data: { cpu_required: 1, memory_required: 1 } });

    expect(response.status()).toBe(400);
    expect(await response.text()).toBe('Missing required field: docker_image\n');
  });
});
