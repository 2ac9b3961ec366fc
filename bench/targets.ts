import { ScenarioResult } from './measure';

export interface TargetCheck {
  readonly scenario: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/**
 * How busy each scenario may keep the main thread, and its longest task after the first load: a
 * laptop stays smooth at 10,000 workers, and live data costs the page little beyond rendering.
 */
const MAIN_THREAD_TARGETS: Readonly<Record<string, { busyShare: number; longestTaskMs: number }>> = {
  'workers-1k': { busyShare: 0.05, longestTaskMs: 200 },
  'tasks-10k': { busyShare: 0.05, longestTaskMs: 200 },
  dashboard: { busyShare: 0.06, longestTaskMs: 200 },
  'workers-10k': { busyShare: 0.15, longestTaskMs: 100 },
};

/** From a key typed in the command palette to its answer in the DOM: within one frame at 60 Hz. */
const PALETTE_P95_TARGET_MS = 16.7;

/** From the master sending a heartbeat to the DOM showing it, at 1,000 workers. */
const LATENCY_P95_TARGET_MS = 50;

/** The performance targets of this 2-core machine, checked against a run's results. */
export function checkTargets(results: readonly ScenarioResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const check = (scenario: string, target: string, measured: string, met: boolean) =>
    checks.push({ scenario, target, measured, met });
  for (const result of results) {
    const mainThread = MAIN_THREAD_TARGETS[result.name];
    if (mainThread) {
      const { busyShare, longestTaskMs } = mainThread;
      check(
        result.name,
        `main thread busy ≤ ${percent(busyShare)}`,
        percent(result.busyShare),
        result.busyShare <= busyShare,
      );
      check(
        result.name,
        `no task over ${longestTaskMs} ms after the first load`,
        `${result.longTasks.longestMs} ms`,
        result.longTasks.longestMs <= longestTaskMs,
      );
    }
    if (result.name === 'workers-1k') {
      const p95 = result.latencyMs?.p95;
      check(
        result.name,
        `telemetry latency p95 ≤ ${LATENCY_P95_TARGET_MS} ms`,
        p95 === undefined ? 'not measured' : `${p95} ms`,
        p95 !== undefined && p95 <= LATENCY_P95_TARGET_MS,
      );
    }
    if (result.name === 'logs-100k') {
      const fps = result.scrollFps;
      check(
        result.name,
        'scrolling ≥ 50 frames/s',
        fps === null ? 'nothing to scroll' : `${fps.toFixed(0)} fps`,
        fps !== null && fps >= 50,
      );
      check(result.name, 'heap < 150 MB', `${result.heapMB.end.toFixed(1)} MB`, result.heapMB.end < 150);
    }
    if (result.paletteMs !== undefined) {
      const p95 = result.paletteMs?.p95;
      check(
        result.name,
        `command palette answers within a frame (p95 ≤ ${PALETTE_P95_TARGET_MS} ms)`,
        p95 === undefined ? 'not measured' : `${p95} ms (p50 ${result.paletteMs?.p50} ms)`,
        p95 !== undefined && p95 <= PALETTE_P95_TARGET_MS,
      );
    }
    if (result.sharing) {
      const { tabs, telemetrySockets, taskPollsPerInterval } = result.sharing;
      check(
        result.name,
        `${tabs} tabs: one telemetry socket at the master`,
        String(telemetrySockets),
        telemetrySockets <= 1,
      );
      check(
        result.name,
        `${tabs} tabs: one task poll per interval at the master`,
        taskPollsPerInterval.toFixed(1),
        taskPollsPerInterval <= 1.1,
      );
    }
    if (result.coldLoad) {
      const { initialJsGzipKB, firstLiveNumberMs } = result.coldLoad;
      check(
        result.name,
        'initial JavaScript ≤ 100 kB gzip',
        `${initialJsGzipKB.toFixed(1)} kB`,
        initialJsGzipKB <= 100,
      );
      check(
        result.name,
        'first live number within 1 s',
        firstLiveNumberMs === null ? 'never shown' : `${firstLiveNumberMs} ms`,
        firstLiveNumberMs !== null && firstLiveNumberMs <= 1000,
      );
    } else {
      const growth = result.heapMB.end / result.heapMB.baseline - 1;
      check(
        result.name,
        result.name === 'hidden-hour'
          ? `heap after ${Math.round(result.durationS / 60)} min hidden within 10 % of visible (${result.heapMB.baselineS} s)`
          : `heap at the end within 10 % of ${result.heapMB.baselineS} s`,
        `${signedPercent(growth)}`,
        growth <= 0.1,
      );
    }
  }
  return checks;
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

function signedPercent(share: number): string {
  return `${share >= 0 ? '+' : ''}${(share * 100).toFixed(1)} %`;
}
