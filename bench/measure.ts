import { signInCookie } from '../scripts/lib/session';
import { Browser, CDPSession, Page } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PAGE_PROBES, SCROLL_AND_COUNT_FRAMES } from './page-probes';
import { Scenario } from './scenarios';
import { measurePaletteAnswers } from './palette-probe';

export interface ScenarioResult {
  readonly name: string;
  readonly page: string;
  readonly durationS: number;
  /** Main-thread task time over wall time, after the first load. */
  readonly busyShare: number;
  readonly longTasks: { readonly count: number; readonly longestMs: number };
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly samples: number } | null;
  /** Retained heap at `baselineS` seconds (10 unless the scenario's data is still arriving then) and at the end. */
  readonly heapMB: { readonly baseline: number; readonly baselineS: number; readonly end: number };
  readonly requestsPerMin: number;
  readonly kBPerMin: number;
  readonly socketFramesPerMin: number;
  readonly scrollFps: number | null;
  readonly coldLoad?: {
    readonly initialJsGzipKB: number;
    readonly jsTransferredKB: number;
    readonly firstLiveNumberMs: number | null;
  };
  /** From typing in the command palette to its options changing. */
  readonly paletteMs?: { readonly p50: number; readonly p95: number; readonly samples: number } | null;
  /** With other tabs open: what the master saw of all of them together. */
  readonly sharing?: SharingResult;
  readonly pageErrors: readonly string[];
}

export interface SharingResult {
  readonly tabs: number;
  /** Telemetry sockets open at the master at the end. */
  readonly telemetrySockets: number;
  /** `GET /api/tasks` requests the master answered per task-list interval (3 s), while measuring. */
  readonly taskPollsPerInterval: number;
}

/** The dashboard's default task-list interval. */
const TASK_INTERVAL_S = 3;

interface Traffic {
  requests: number;
  bytes: number;
  frames: number;
}

/** Opens the scenario's page in a fresh context and measures it for the scenario's duration. */
export async function measureScenario(
  browser: Browser,
  appUrl: string,
  scenario: Scenario,
  durationS: number,
  masterUrl: string,
): Promise<ScenarioResult> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // Signed in as an operator would be; the cookie is set before the page loads, so the cold load stays cold.
  await context.addCookies([await signInCookie(appUrl)]);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(PAGE_PROBES);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Network.enable');
  const traffic = countTraffic(cdp);

  const loadStarted = Date.now();
  await page.goto(`${appUrl}${scenario.page}`, { waitUntil: 'load' });
  const coldLoad = scenario.coldLoad ? await measureColdLoad(page, traffic.jsBytes) : undefined;
  await scenario.start?.(page);
  for (const path of scenario.otherTabs ?? []) {
    await (await context.newPage()).goto(`${appUrl}${path}`, { waitUntil: 'load' });
  }

  // The first load is excluded: targets are about the steady state.
  await sleep(2000);
  const measureStart = await performanceMetrics(cdp);
  const trafficStart = { ...traffic.totals };
  const longTasksBefore = (await page.evaluate('performance.now()')) as number;
  const masterBefore = scenario.otherTabs ? await masterState(masterUrl) : null;

  const baselineS = scenario.heapBaselineS ?? 10;
  await sleep(Math.max(0, baselineS * 1000 - (Date.now() - loadStarted)));
  const heapAtBaseline = await heapMB(cdp);
  await scenario.afterBaseline?.(page);
  await sleep(Math.max(0, durationS * 1000 - (Date.now() - loadStarted)));

  const measureEnd = await performanceMetrics(cdp);
  const trafficEnd = { ...traffic.totals };
  const heapEnd = await heapMB(cdp);
  const masterAfter = masterBefore ? await masterState(masterUrl) : null;
  const probes = (await page.evaluate('window.__bench')) as PageProbeResults;
  const paletteMs = scenario.palette ? summarise(await measurePaletteAnswers(page, masterUrl)) : undefined;
  const scroll = (await page.evaluate(`(${SCROLL_AND_COUNT_FRAMES})(5000)`)) as { fps: number; scrolled: boolean };
  await context.close();

  const wallS = measureEnd.timestamp - measureStart.timestamp;
  const minutes = wallS / 60;
  const steadyLongTasks = probes.longTasks.filter((task) => task.start >= longTasksBefore);
  return {
    name: scenario.name,
    page: scenario.page,
    durationS,
    busyShare: (measureEnd.taskDuration - measureStart.taskDuration) / wallS,
    longTasks: {
      count: steadyLongTasks.length,
      longestMs: Math.round(Math.max(0, ...steadyLongTasks.map((task) => task.duration))),
    },
    latencyMs: summarise(probes.latencies),
    heapMB: { baseline: heapAtBaseline, baselineS, end: heapEnd },
    requestsPerMin: (trafficEnd.requests - trafficStart.requests) / minutes,
    kBPerMin: (trafficEnd.bytes - trafficStart.bytes) / 1024 / minutes,
    socketFramesPerMin: (trafficEnd.frames - trafficStart.frames) / minutes,
    scrollFps: scroll.scrolled ? scroll.fps : null,
    ...(coldLoad ? { coldLoad } : {}),
    ...(paletteMs !== undefined ? { paletteMs } : {}),
    ...(masterBefore && masterAfter
      ? {
          sharing: {
            tabs: 1 + (scenario.otherTabs?.length ?? 0),
            telemetrySockets: masterAfter.sockets.telemetry,
            taskPollsPerInterval: (taskPolls(masterAfter) - taskPolls(masterBefore)) / (wallS / TASK_INTERVAL_S),
          },
        }
      : {}),
    pageErrors,
  };
}

interface MasterState {
  readonly sockets: { readonly telemetry: number };
  readonly requests: Readonly<Record<string, number>>;
}

/** The simulator's own account of its sockets and the requests it answered (`/__sim/state`). */
async function masterState(masterUrl: string): Promise<MasterState> {
  const response = await fetch(`${masterUrl}/__sim/state`);
  if (!response.ok) throw new Error(`/__sim/state answered ${response.status}: the scenario needs --control`);
  return (await response.json()) as MasterState;
}

const taskPolls = (state: MasterState) => state.requests['GET /api/tasks'] ?? 0;

interface PageProbeResults {
  longTasks: { start: number; duration: number }[];
  latencies: number[];
  firstLiveNumberAt: number | null;
}

async function measureColdLoad(page: Page, jsBytes: () => number) {
  // Polled from here: the page's Content-Security-Policy rightly forbids waitForFunction's eval.
  let firstLiveNumberAt: number | null = null;
  for (let waited = 0; firstLiveNumberAt === null && waited < 10_000; waited += 100) {
    firstLiveNumberAt = (await page.evaluate('window.__bench.firstLiveNumberAt')) as number | null;
    if (firstLiveNumberAt === null) {
      await sleep(100);
    }
  }
  return {
    initialJsGzipKB: initialJavaScriptGzipKB(),
    jsTransferredKB: jsBytes() / 1024,
    firstLiveNumberMs: firstLiveNumberAt === null ? null : Math.round(firstLiveNumberAt),
  };
}

/** Requests, bytes (HTTP bodies as transferred, plus socket payloads) and socket frames seen so far. */
function countTraffic(cdp: CDPSession) {
  const totals: Traffic = { requests: 0, bytes: 0, frames: 0 };
  const scriptRequests = new Set<string>();
  let jsBytes = 0;
  cdp.on('Network.requestWillBeSent', (event) => {
    totals.requests += 1;
    if (event.type === 'Script') {
      scriptRequests.add(event.requestId);
    }
  });
  cdp.on('Network.loadingFinished', (event) => {
    totals.bytes += event.encodedDataLength;
    if (scriptRequests.has(event.requestId)) {
      jsBytes += event.encodedDataLength;
    }
  });
  cdp.on('Network.webSocketFrameReceived', (event) => {
    totals.frames += 1;
    totals.bytes += event.response.payloadData.length;
  });
  cdp.on('Network.webSocketFrameSent', (event) => {
    totals.bytes += event.response.payloadData.length;
  });
  return { totals, jsBytes: () => jsBytes };
}

async function performanceMetrics(cdp: CDPSession): Promise<{ taskDuration: number; timestamp: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return { taskDuration: value('TaskDuration'), timestamp: value('Timestamp') };
}

/** Live JS heap after a full garbage collection, so two readings compare retained memory only. */
export async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

function summarise(values: readonly number[]) {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))];
  return { p50: Math.round(at(0.5)), p95: Math.round(at(0.95)), samples: sorted.length };
}

/**
 * The gzip size of the scripts the page runs before any route: those index.html names and every
 * file they import statically, transitively (index.html hints at most ten; dynamic imports are lazy).
 */
export function initialJavaScriptGzipKB(distDir = join('dist', 'cloudai-dashboard', 'browser')): number {
  const index = readFileSync(join(distDir, 'index.html'), 'utf8');
  // The server's configuration document (_dashboard/config.js, one line of settings) is not part of the build.
  const pending = [...index.matchAll(/(?:src|href)="([^"]+\.js)"/g)]
    .map((match) => match[1])
    .filter((script) => !script.startsWith('_dashboard/'));
  const initial = new Set<string>();
  while (pending.length > 0) {
    const script = pending.pop()!;
    if (initial.has(script)) continue;
    initial.add(script);
    const code = readFileSync(join(distDir, script), 'utf8');
    // Static imports only: `import"./x.js"` and `import{…}from"./x.js"`, never `import("./x.js")`.
    for (const match of code.matchAll(/(?:\bimport|\bfrom)\s*"\.\/([^"]+\.js)"/g)) {
      pending.push(match[1]);
    }
  }
  const gzipBytes = [...initial].reduce((sum, script) => {
    const gz = join(distDir, `${script}.gz`);
    return sum + (exists(gz) ? statSync(gz).size : 0);
  }, 0);
  return gzipBytes / 1024;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
