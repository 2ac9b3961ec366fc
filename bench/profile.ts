/**
 * `npm run bench:profile -- --scenario workers-1k [--seconds 15] [--no-build]`: opens one
 * benchmark scenario's page, records a CPU profile of its main thread for a while after the
 * first load, writes it to bench/results/<scenario>.cpuprofile (open it in Chromium's DevTools)
 * and prints where the time went, by function and by file.
 */
import { CDPSession, chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { CHROMIUM_BIN, CHROMIUM_FLAGS } from '../scripts/lib/chromium.cjs';
import { signInCookie } from '../scripts/lib/session';
import { Stack } from '../scripts/lib/stack';
import { SCENARIOS } from './scenarios';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'workers-1k' },
      seconds: { type: 'string', default: '15' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const scenario = SCENARIOS.find((candidate) => candidate.name === values.scenario);
  if (!scenario) throw new Error(`Unknown scenario ${values.scenario}.`);
  if (!values['no-build']) execSync('npm run --silent build', { stdio: 'inherit' });

  const stack = new Stack(18181, 4381, scenario.simulatorArgs(1));
  const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: CHROMIUM_FLAGS });
  try {
    await stack.start();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([await signInCookie(stack.appUrl)]);
    const page = await context.newPage();
    await page.goto(`${stack.appUrl}${scenario.page}`, { waitUntil: 'load' });
    await scenario.start?.(page);
    await sleep(3000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await durations(cdp);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await sleep(Number(values.seconds) * 1000);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const after = await durations(cdp);
    console.log('Main thread, share of wall time (DevTools metrics):');
    for (const [name, seconds] of Object.entries(after)) {
      const share = (seconds - (before[name] ?? 0)) / Number(values.seconds);
      console.log(`${(share * 100).toFixed(2).padStart(6)} %  ${name}`);
    }
    mkdirSync('bench/results', { recursive: true });
    const file = join('bench/results', `${scenario.name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    report(profile, Number(values.seconds));
    console.log(`\nProfile written to ${file}.`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

/** The main thread's cumulative task, script, style and layout time so far, in seconds. */
async function durations(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const names = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'];
  return Object.fromEntries(
    metrics.filter((metric) => names.includes(metric.name)).map((metric) => [metric.name, metric.value]),
  );
}

/** Self time per function and per file, as a share of the wall time profiled. */
function report(profile: Profile, seconds: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)!.callFrame;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    const file = frame.url.split('/').pop() || '(native)';
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  });
  const print = (title: string, totals: Map<string, number>, rows: number) => {
    console.log(`\n${title}`);
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, rows)
      .forEach(([name, ms]) => {
        console.log(`${((ms / (seconds * 1000)) * 100).toFixed(2).padStart(6)} %  ${name}`);
      });
  };
  const total = [...byFile.values()].reduce((sum, ms) => sum + ms, 0);
  console.log(`Script and rendering sampled: ${((total / (seconds * 1000)) * 100).toFixed(1)} % of wall time`);
  print('By file (self time)', byFile, 12);
  print('By function (self time)', byFunction, 30);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
