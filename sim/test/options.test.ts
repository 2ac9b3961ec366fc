import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_OPTIONS, helpText, parseOptions, UsageError } from '../src/options.ts';

describe('options', () => {
  it('uses defaults, then environment, then flags', () => {
    assert.deepEqual(parseOptions([], {}), { help: false, options: DEFAULT_OPTIONS });
    const parsed = parseOptions(['--port', '9000', '--seed=7', '--control', '--no-auth', '--time-scale', '0.5'], { SIM_PORT: '1234', SIM_WORKERS: '3', SIM_CONTROL: '0' });
    assert.equal(parsed.help, false);
    if (parsed.help) return;
    assert.equal(parsed.options.port, 9000);
    assert.equal(parsed.options.workers, 3);
    assert.equal(parsed.options.seed, 7);
    assert.equal(parsed.options.control, true);
    assert.equal(parsed.options.auth, false);
    assert.equal(parsed.options.timeScale, 0.5);
    assert.equal(parseOptions([], { SIM_CONTROL: '1' }).help === false && (parseOptions([], { SIM_CONTROL: '1' }) as any).options.control, true);
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
    ];
    for (const [argv, env, message] of bad) assert.throws(() => parseOptions(argv, env), (error: unknown) => error instanceof UsageError && message.test(error.message));
  });

  it('prints help with every flag and exits 2 on bad input from the CLI', () => {
    const root = join(import.meta.dirname, '..', '..');
    const help = spawnSync(process.execPath, ['--import', 'tsx', 'sim/src/main.ts', '--help'], { cwd: root, encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.equal(help.stdout, `${helpText()}\n`);
    for (const flag of ['--port', '--host', '--workers', '--heartbeat-ms', '--task-rate', '--seed', '--data-dir', '--time-scale', '--cancel-delay-ms', '--dropout', '--control', '--no-auth', '--help']) {
      assert.ok(help.stdout.includes(flag), flag);
    }
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'sim/src/main.ts', '--workers', 'many'], { cwd: root, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--workers must be a number/);
  });
});
