/**
 * `npm run soak [-- --minutes 30] [--workers 200] [--no-build]`: the dashboard left open for a long
 * time on a busy simulated cluster, moving between its pages inside the app (no reloads), reporting
 * every minute the JS heap after a forced GC, the number of telemetry sockets the master sees and
 * any page errors. Passes when the heap at the end is within 10 % of minute 2, there was exactly one
 * telemetry socket throughout, and no page error.
 */
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_BIN, CHROMIUM_FLAGS } from '../scripts/lib/chromium.cjs';
import { Stack } from '../scripts/lib/stack';
import { heapMB } from './measure';

const SIM_PORT = 18190;
const APP_PORT = 4390;
/** How long the dashboard stays on each page before moving on. */
const DWELL_MS = 20_000;

interface MinuteReport {
  readonly minute: number;
  readonly heapMB: number;
  readonly telemetrySockets: number;
  readonly page: string;
  readonly pageErrors: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '30' },
      workers: { type: 'string', default: '200' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const minutes = Number(values.minutes);
  if (!(minutes >= 3)) throw new Error('--minutes must be at least 3 (the heap is compared with minute 2).');
  if (!values['no-build']) execSync('npm run --silent build', { stdio: 'inherit' });

  const stack = new Stack(SIM_PORT, APP_PORT, ['--workers', values.workers, '--task-rate', '2', '--flush-ms', '5000']);
  await stack.start();
  const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: CHROMIUM_FLAGS });
  const reports: MinuteReport[] = [];
  const pageErrors: string[] = [];
  let running = true;
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await stack.signIn(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('crash', () => pageErrors.push('the page crashed'));
    page.on('close', () => {
      if (running) pageErrors.push('the page was closed');
    });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${stack.appUrl}/dashboard`);

    // Each step moves inside the app, as an operator clicking around would.
    const steps: { name: string; go: () => Promise<void> }[] = [
      { name: 'workers', go: () => page.getByRole('link', { name: 'Workers', exact: true }).click() },
      {
        name: 'worker detail',
        go: () => page.getByRole('table', { name: 'Workers' }).getByRole('link').first().click(),
      },
      { name: 'tasks', go: () => page.getByRole('link', { name: 'Tasks', exact: true }).click() },
      { name: 'task detail', go: () => page.getByRole('table', { name: 'Tasks' }).getByRole('link').first().click() },
      { name: 'dashboard', go: () => page.getByRole('link', { name: 'Dashboard', exact: true }).click() },
    ];
    const started = Date.now();
    let step = 0;
    let current = 'dashboard';
    let nextMinute = 1;
    while (Date.now() - started < minutes * 60_000) {
      await sleep(DWELL_MS);
      const { name, go } = steps[step % steps.length];
      await go().catch((error: Error) => pageErrors.push(`could not open ${name}: ${error.message.split('\n')[0]}`));
      current = name;
      step += 1;
      if (Date.now() - started >= nextMinute * 60_000) {
        const report: MinuteReport = {
          minute: nextMinute,
          heapMB: await heapMB(cdp),
          telemetrySockets: await stack.activeTelemetryClients(),
          page: current,
          pageErrors: pageErrors.length,
        };
        reports.push(report);
        console.log(
          `minute ${String(report.minute).padStart(2)}: heap ${report.heapMB.toFixed(1)} MB, ${report.telemetrySockets} telemetry socket(s), on ${report.page}, ${report.pageErrors} page error(s)`,
        );
        nextMinute += 1;
      }
    }
  } finally {
    running = false;
    await browser.close();
    await stack.stop();
  }

  const baseline = reports.find((report) => report.minute === 2);
  const last = reports[reports.length - 1];
  const growth = baseline && last ? last.heapMB / baseline.heapMB - 1 : NaN;
  const checks = [
    { what: 'heap at the end within 10 % of minute 2', ok: growth <= 0.1, measured: `${(growth * 100).toFixed(1)} %` },
    {
      what: 'exactly one telemetry socket throughout',
      ok: reports.every((report) => report.telemetrySockets === 1),
      measured: [...new Set(reports.map((report) => report.telemetrySockets))].join(', '),
    },
    { what: 'no page errors', ok: pageErrors.length === 0, measured: pageErrors.slice(0, 5).join(' | ') || 'none' },
  ];
  for (const check of checks) console.log(`${check.ok ? 'met   ' : 'MISSED'} ${check.what}: ${check.measured}`);

  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
  mkdirSync(join('bench', 'results'), { recursive: true });
  writeFileSync(
    join('bench', 'results', `soak-${stamp}.json`),
    JSON.stringify({ minutes, reports, pageErrors, checks }, null, 2),
  );
  process.exitCode = checks.every((check) => check.ok) ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
