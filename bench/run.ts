/**
 * `npm run bench [-- --scenario workers-1k,cold-load] [--duration 60] [--scale 1] [--no-build]`:
 * builds for production, runs the simulator at scale behind the production server, measures
 * each scenario in headless Chromium over the DevTools protocol, and writes
 * bench/results/<date>.json and .md.
 */
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_BIN, CHROMIUM_FLAGS } from '../scripts/lib/chromium.cjs';
import { Stack } from '../scripts/lib/stack';
import { ScenarioResult, measureScenario } from './measure';
import { waitForQuietMachine } from './quiet-machine';
import { MachineInfo, toMarkdown } from './report';
import { SCENARIOS } from './scenarios';
import { checkTargets } from './targets';

const SIM_PORT = 18180;
const APP_PORT = 4380;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      duration: { type: 'string' },
      scale: { type: 'string', default: '1' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run bench -- [--scenario a,b] [--duration seconds] [--scale factor] [--no-build]');
    console.log(
      `Scenarios:\n${SCENARIOS.map((s) => `  ${s.name.padEnd(12)} ${s.description}${s.onRequest ? ' (only when named)' : ''}`).join('\n')}`,
    );
    return;
  }
  const chosen = values.scenario
    ? values.scenario.split(',')
    : SCENARIOS.filter((scenario) => !scenario.onRequest).map((scenario) => scenario.name);
  const unknown = chosen.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length) {
    throw new Error(`Unknown scenario(s): ${unknown.join(', ')}. Known: ${SCENARIOS.map((s) => s.name).join(', ')}.`);
  }
  const scale = Number(values.scale);
  if (!(scale > 0)) {
    throw new Error('--scale must be a positive number.');
  }
  if (!values['no-build']) {
    execSync('npm run --silent build', { stdio: 'inherit' });
  }

  const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: CHROMIUM_FLAGS });
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of SCENARIOS.filter((candidate) => chosen.includes(candidate.name))) {
      const durationS = values.duration ? Number(values.duration) : scenario.durationS;
      console.log(`\n▶ ${scenario.name}: ${scenario.description} (${durationS} s, scale ${scale})`);
      const busy = await waitForQuietMachine();
      if (busy >= 0.1) console.log(`(the machine is still ${Math.round(busy * 100)} % busy: measuring anyway)`);
      const stack = new Stack(SIM_PORT, APP_PORT, scenario.simulatorArgs(scale));
      await stack.start();
      try {
        const result = await measureScenario(browser, stack.appUrl, scenario, durationS, stack.masterUrl);
        results.push(result);
        console.log(JSON.stringify(result));
      } finally {
        await stack.stop();
      }
    }
    const machine: MachineInfo = {
      cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
      cores: cpus().length,
      memoryGB: Math.round(totalmem() / 1024 ** 3),
      node: process.versions.node,
      chromium: browser.version(),
    };
    writeReport(machine, results, scale);
  } finally {
    await browser.close();
  }
}

function writeReport(machine: MachineInfo, results: readonly ScenarioResult[], scale: number): void {
  const date = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
  const checks = checkTargets(results);
  const markdown = toMarkdown(date, machine, results, checks);
  const dir = join('bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${date}.json`),
    `${JSON.stringify({ date, machine, scale, results, targets: checks }, null, 2)}\n`,
  );
  writeFileSync(join(dir, `${date}.md`), markdown);
  console.log(`\n${markdown}\nWritten to ${join(dir, `${date}.json`)} and .md`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
