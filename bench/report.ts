import { ScenarioResult } from './measure';
import { TargetCheck, percent } from './targets';

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGB: number;
  readonly node: string;
  readonly chromium: string;
}

/** The results as Markdown: one row per scenario, then the targets. */
export function toMarkdown(
  date: string,
  machine: MachineInfo,
  results: readonly ScenarioResult[],
  checks: readonly TargetCheck[],
): string {
  const rows = results.map((result) =>
    [
      result.name,
      percent(result.busyShare),
      `${result.longTasks.count} / ${result.longTasks.longestMs} ms`,
      result.latencyMs ? `${result.latencyMs.p50} / ${result.latencyMs.p95} ms` : '–',
      `${result.heapMB.baseline.toFixed(1)} (${result.heapMB.baselineS} s) → ${result.heapMB.end.toFixed(1)} MB`,
      result.requestsPerMin.toFixed(0),
      result.kBPerMin.toFixed(0),
      result.scrollFps === null ? '–' : result.scrollFps.toFixed(0),
      result.paletteMs
        ? `palette answers p50 / p95: ${result.paletteMs.p50} / ${result.paletteMs.p95} ms`
        : result.sharing
          ? `${result.sharing.tabs} tabs: ${result.sharing.telemetrySockets} telemetry sockets, ${result.sharing.taskPollsPerInterval.toFixed(1)} task polls per interval`
          : result.coldLoad
            ? `initial JS ${result.coldLoad.initialJsGzipKB.toFixed(1)} kB gzip; first live number ${result.coldLoad.firstLiveNumberMs ?? '–'} ms`
            : result.pageErrors.length
              ? `${result.pageErrors.length} page errors`
              : '',
    ].join(' | '),
  );
  const targetRows = checks.map(
    (check) => `| ${check.scenario} | ${check.target} | ${check.measured} | ${check.met ? 'met' : '**missed**'} |`,
  );
  return [
    `Benchmark of ${date} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGB} GB), Node ${machine.node}, Chromium ${machine.chromium}.`,
    '',
    '| scenario | main thread busy | long tasks (count / longest) | telemetry latency p50 / p95 | JS heap baseline → end | requests/min | kB/min | scroll fps | notes |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
    '',
    '| scenario | target | measured | |',
    '|---|---|---|---|',
    ...targetRows,
    '',
  ].join('\n');
}
