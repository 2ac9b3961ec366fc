import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_OPTIONS, helpText, parseOptions, UsageError } from '../src/options.ts';
import { createSimulator } from '../src/simulator.ts';

describe('options', () => {
  it('uses defaults, then environment, then flags', () => {
    assert.deepEqual(parseOptions([], {}), { help: false, options: DEFAULT_OPTIONS });
    const parsed = parseOptions(['--port', '9000', '--seed=7', '--control', '--well-behaved', '--no-auth', '--time-scale', '0.5'], { SIM_PORT: '1234', SIM_WORKERS: '3', SIM_CONTROL: '0' });
    assert.equal(parsed.help, false);
    if (parsed.help) return;
    assert.equal(parsed.options.port, 9000);
    assert.equal(parsed.options.workers, 3);
    assert.equal(parsed.options.seed, 7);
    assert.equal(parsed.options.control, true);
    assert.equal(parsed.options.auth, false);
    assert.equal(parsed.options.wellBehaved, true);
    assert.equal(parsed.options.timeScale, 0.5);
    assert.equal(parseOptions([], { SIM_CONTROL: '1' }).help === false && (parseOptions([], { SIM_CONTROL: '1' }) as any).options.control, true);
  });

  it('parses the switches of the real master\'s quirks, the database, pulls and the clock offset', () => {
    assert.equal(DEFAULT_OPTIONS.cancelDelayMs, 10_000);
    assert.deepEqual(
      [DEFAULT_OPTIONS.wellBehaved, DEFAULT_OPTIONS.database, DEFAULT_OPTIONS.gpuWorkers, DEFAULT_OPTIONS.pullMs, DEFAULT_OPTIONS.firstPullMs, DEFAULT_OPTIONS.clockOffsetMs],
      [false, true, false, 1500, 6000, 0],
    );
    const parsed = parseOptions(['--well-behaved', '--no-db', '--gpu-workers', '--pull-ms', '100', '--first-pull-ms=400', '--clock-offset-ms', '-90000'], {});
    assert.ok(!parsed.help);
    const { wellBehaved, database, gpuWorkers, pullMs, firstPullMs, clockOffsetMs } = parsed.options;
    assert.deepEqual([wellBehaved, database, gpuWorkers, pullMs, firstPullMs, clockOffsetMs], [true, false, true, 100, 400, -90_000]);
    const fromEnv = parseOptions([], { SIM_WELL_BEHAVED: '1', SIM_NO_DB: 'true', SIM_GPU_WORKERS: 'yes', SIM_PULL_MS: '0', SIM_FIRST_PULL_MS: '7', SIM_CLOCK_OFFSET_MS: '3600000', SIM_NO_AUTH: '1' });
    assert.ok(!fromEnv.help);
    assert.deepEqual(
      [fromEnv.options.wellBehaved, fromEnv.options.database, fromEnv.options.gpuWorkers, fromEnv.options.pullMs, fromEnv.options.firstPullMs, fromEnv.options.clockOffsetMs, fromEnv.options.auth],
      [true, false, true, 0, 7, 3_600_000, false],
    );
  });

  it('accepts --no-auth only with --well-behaved, pointing to --no-db otherwise', () => {
    const refusal = (error: unknown) => error instanceof UsageError && /--no-auth.*--well-behaved.*--no-db/.test(error.message);
    assert.throws(() => parseOptions(['--no-auth'], {}), refusal);
    assert.throws(() => parseOptions([], { SIM_NO_AUTH: '1' }), refusal);
    assert.throws(() => parseOptions(['--no-auth', '--no-db'], {}), refusal);
    assert.throws(() => parseOptions(['--no-auth', '--well-behaved=0'], { SIM_WELL_BEHAVED: '1' }), refusal);
    assert.ok(!parseOptions(['--no-auth'], { SIM_WELL_BEHAVED: '1' }).help);
    assert.throws(() => createSimulator({ auth: false }), refusal);
    const root = join(import.meta.dirname, '..', '..');
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'sim/src/main.ts', '--no-auth'], { cwd: root, encoding: 'utf8' });
    assert.equal(cli.status, 2);
    assert.match(cli.stderr, /--no-db/);
  });

  it('rejects bad values with a clear message', () => {
    const bad: Array<[string[], NodeJS.ProcessEnv, RegExp]> = [
      [['--port', 'abc'], {}, /--port must be a number/],
      [['--port', '70000'], {}, /--port must be an integer port/],
      [['--workers', '-1'], {}, /--workers must be a non-negative integer/],
      [['--heartbeat-ms', '0'], {}, /--heartbeat-ms must be greater than 0/],
      [['--dropout', '2'], {}, /--dropout must be between 0 and 1/],
      [['--bogus'], {}, /unknown option "--bogus"/],
      [['--seed'], {}, /--seed needs a value/],
      [[], { SIM_TASK_RATE: 'lots' }, /SIM_TASK_RATE must be a number/],
      [['--clock-offset-ms', '1.5'], {}, /--clock-offset-ms must be an integer/],
      [[], { SIM_CLOCK_OFFSET_MS: 'soon' }, /SIM_CLOCK_OFFSET_MS must be a number/],
      [['--pull-ms', '-1'], {}, /--pull-ms must be a non-negative integer/],
      [[], { SIM_NO_DB: 'maybe' }, /SIM_NO_DB must be 1 or 0/],
    ];
    for (const [argv, env, message] of bad) assert.throws(() => parseOptions(argv, env), (error: unknown) => error instanceof UsageError && message.test(error.message));
  });

  it('prints help with every flag and exits 2 on bad input from the CLI', () => {
    const root = join(import.meta.dirname, '..', '..');
    const help = spawnSync(process.execPath, ['--import', 'tsx', 'sim/src/main.ts', '--help'], { cwd: root, encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.equal(help.stdout, `${helpText()}\n`);
    for (const flag of ['--port', '--host', '--workers', '--heartbeat-ms', '--task-rate', '--seed', '--data-dir', '--time-scale', '--cancel-delay-ms', '--dropout', '--control', '--no-auth', '--help',
      '--well-behaved', 'SIM_WELL_BEHAVED', '--pull-ms', 'SIM_PULL_MS', '--first-pull-ms', 'SIM_FIRST_PULL_MS', '--no-db', 'SIM_NO_DB', '--gpu-workers', 'SIM_GPU_WORKERS', '--clock-offset-ms', 'SIM_CLOCK_OFFSET_MS']) {
      assert.ok(help.stdout.includes(flag), flag);
    }
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'sim/src/main.ts', '--workers', 'many'], { cwd: root, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--workers must be a number/);
  });
});
