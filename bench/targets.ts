import { ScenarioResult } from './measure';

export interface TargetCheck {
  readonly scenario: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** The performance targets of this 2-core machine, checked against a run's results. */
export function checkTargets(results: readonly ScenarioResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const check = (scenario: string, target: string, measured: string, met: boolean) =>
    checks.push({ scenario, target, measured, met });
  for (const result of results) {
    // The longest task a scenario may have after the first load; all of these may keep the main thread busy 15 % at most.
    const longestAllowedMs = { 'workers-1k': 200, 'tasks-10k': 200, 'workers-10k': 100 }[result.name];
    if (longestAllowedMs !== undefined) {
      check(result.name, 'main thread busy ≤ 15 %', percent(result.busyShare), result.busyShare <= 0.15);
      check(
        result.name,
        `no task over ${longestAllowedMs} ms after the first load`,
        `${result.longTasks.longestMs} ms`,
        result.longTasks.longestMs <= longestAllowedMs,
      );
    }
    if (result.name === 'workers-1k') {
      const p95 = result.latencyMs?.p95;
      check(
        result.name,
        'telemetry latency p95 ≤ 100 ms',
        p95 === undefined ? 'not measured' : `${p95} ms`,
        p95 !== undefined && p95 <= 100,
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
        `heap at the end within 10 % of ${result.heapMB.baselineS} s`,
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
