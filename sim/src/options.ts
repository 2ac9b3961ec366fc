/** Command-line flags and SIM_* environment variables. A flag wins over its environment variable. */
export interface SimOptions {
  port: number;
  host: string;
  workers: number;
  heartbeatMs: number;
  /** Generated tasks per minute; 0 turns the generator off. */
  taskRate: number;
  seed: number;
  dataDir: string;
  /** Multiplies simulated durations: task run time, the 30 s inactivity timeout, dropout length. 0.01 = 100x faster. */
  timeScale: number;
  cancelDelayMs: number;
  /** Probability, per heartbeat, that a worker goes silent for longer than the inactivity timeout. */
  dropout: number;
  /** Spacing of replayed stored log lines on the log socket (the real master uses 10 ms). */
  logReplayMs: number;
  control: boolean;
  auth: boolean;
  /** Telemetry last_update as fractional unix seconds (ms precision) taken when the frame is written. */
  preciseTimestamps: boolean;
  /** Tasks created directly in a fresh data directory (benchmarks). */
  seedTasks: number;
  /** How many of the seeded tasks start out running. */
  seedRunning: number;
  /** > 0: a finished task-bench-logs with this many stored lines and a live task-bench-logs-live streaming as many. */
  logLines: number;
  /** Debounce of background persistence writes. */
  flushMs: number;
  /** A tidy demo master: every quirk of the real one (see quirks.ts) switched off. */
  wellBehaved: boolean;
  /** Image pull before a container exists, on a worker that has pulled that image before. Scaled by timeScale. */
  pullMs: number;
  /** The same, the first time a worker pulls an image. Scaled by timeScale. */
  firstPullMs: number;
  /** False (--no-db): a master whose MongoDB is not connected (contract §1.2). */
  database: boolean;
  /** Workers report the GPUs of their profiles; real workers always report 0. */
  gpuWorkers: boolean;
  /** Added to every timestamp the master sends, as if its clock were off by that much. */
  clockOffsetMs: number;
}

export const DEFAULT_OPTIONS: SimOptions = {
  port: 8080,
  host: '127.0.0.1',
  workers: 6,
  heartbeatMs: 5000,
  taskRate: 4,
  seed: 1,
  dataDir: '.sim-data',
  timeScale: 1,
  cancelDelayMs: 10_000,
  dropout: 0.002,
  logReplayMs: 10,
  control: false,
  auth: true,
  preciseTimestamps: false,
  seedTasks: 0,
  seedRunning: 0,
  logLines: 0,
  flushMs: 200,
  wellBehaved: false,
  pullMs: 1500,
  firstPullMs: 6000,
  database: true,
  gpuWorkers: false,
  clockOffsetMs: 0,
};

export class UsageError extends Error {}

type Kind = 'port' | 'count' | 'integer' | 'positive' | 'fraction' | 'string' | 'flag';

interface FlagSpec {
  flag: string;
  env?: string;
  key: keyof SimOptions;
  kind: Kind;
  help: string;
  /** A `--no-…` flag: turning it on sets its option to false. */
  negative?: true;
}

const FLAGS: FlagSpec[] = [
  { flag: '--port', env: 'SIM_PORT', key: 'port', kind: 'port', help: 'HTTP port (0 = any free port)' },
  { flag: '--host', env: 'SIM_HOST', key: 'host', kind: 'string', help: 'interface to listen on' },
  { flag: '--workers', env: 'SIM_WORKERS', key: 'workers', kind: 'count', help: 'simulated workers created in a fresh data directory' },
  { flag: '--heartbeat-ms', env: 'SIM_HEARTBEAT_MS', key: 'heartbeatMs', kind: 'positive', help: 'heartbeat period per worker' },
  { flag: '--task-rate', env: 'SIM_TASK_RATE', key: 'taskRate', kind: 'count', help: 'generated tasks per minute (0 = off)' },
  { flag: '--seed', env: 'SIM_SEED', key: 'seed', kind: 'count', help: 'PRNG seed' },
  { flag: '--data-dir', env: 'SIM_DATA_DIR', key: 'dataDir', kind: 'string', help: 'directory for the JSON state files' },
  { flag: '--time-scale', env: 'SIM_TIME_SCALE', key: 'timeScale', kind: 'positive', help: 'multiplier for simulated durations (0.01 = 100x faster)' },
  { flag: '--cancel-delay-ms', env: 'SIM_CANCEL_DELAY_MS', key: 'cancelDelayMs', kind: 'count', help: 'time the worker takes to stop a cancelled container (the master holds its lock meanwhile)' },
  { flag: '--pull-ms', env: 'SIM_PULL_MS', key: 'pullMs', kind: 'count', help: 'image pull before a container starts, when the worker has the image (scaled)' },
  { flag: '--first-pull-ms', env: 'SIM_FIRST_PULL_MS', key: 'firstPullMs', kind: 'count', help: 'image pull the first time a worker pulls that image (scaled)' },
  { flag: '--dropout', env: 'SIM_DROPOUT', key: 'dropout', kind: 'fraction', help: 'per-heartbeat probability a worker goes silent for >30 s (0 = off)' },
  { flag: '--log-replay-ms', env: 'SIM_LOG_REPLAY_MS', key: 'logReplayMs', kind: 'count', help: 'spacing of replayed stored log lines' },
  { flag: '--control', env: 'SIM_CONTROL', key: 'control', kind: 'flag', help: 'enable the /__sim control API' },
  { flag: '--well-behaved', env: 'SIM_WELL_BEHAVED', key: 'wellBehaved', kind: 'flag', help: 'demo mode without the real master\'s bugs: no crashing handlers, image pulls, status writes by log streams, locking cancel, forgotten queue, GPU-less workers or truncated stored logs' },
  { flag: '--no-auth', env: 'SIM_NO_AUTH', key: 'auth', kind: 'flag', negative: true, help: 'no sign-in (/api/auth/* answer 404); only with --well-behaved' },
  { flag: '--no-db', env: 'SIM_NO_DB', key: 'database', kind: 'flag', negative: true, help: 'act as a master without MongoDB: no sign-in, task lists 503, nothing task-related stored' },
  { flag: '--gpu-workers', env: 'SIM_GPU_WORKERS', key: 'gpuWorkers', kind: 'flag', help: 'workers report their GPUs (real ones report 0; implied by --well-behaved)' },
  { flag: '--clock-offset-ms', env: 'SIM_CLOCK_OFFSET_MS', key: 'clockOffsetMs', kind: 'integer', help: 'shift every timestamp the master sends by this many ms (may be negative)' },
  { flag: '--precise-timestamps', env: 'SIM_PRECISE_TIMESTAMPS', key: 'preciseTimestamps', kind: 'flag', help: 'telemetry last_update = send time in unix seconds with ms fraction' },
  { flag: '--seed-tasks', env: 'SIM_SEED_TASKS', key: 'seedTasks', kind: 'count', help: 'tasks created in a fresh data directory, finished, pending and running' },
  { flag: '--seed-running', env: 'SIM_SEED_RUNNING', key: 'seedRunning', kind: 'count', help: 'how many of the seeded tasks are running' },
  { flag: '--log-lines', env: 'SIM_LOG_LINES', key: 'logLines', kind: 'count', help: 'adds task-bench-logs (N stored lines) and task-bench-logs-live (streams N lines)' },
  { flag: '--flush-ms', env: 'SIM_FLUSH_MS', key: 'flushMs', kind: 'count', help: 'debounce of background writes to the data directory' },
];

export function helpText(): string {
  const lines = [
    'Usage: tsx sim/src/main.ts [options]',
    '',
    'Simulated CloudAI master (HTTP + WebSocket on one port).',
    '',
    'Options (flag, environment variable, default):',
  ];
  for (const spec of FLAGS) {
    const value = spec.kind === 'flag' ? '' : ' <value>';
    const fallback = spec.kind === 'flag' ? 'off' : String(DEFAULT_OPTIONS[spec.key]);
    lines.push(`  ${(spec.flag + value).padEnd(26)} ${(spec.env ?? '').padEnd(24)} ${spec.help} (default: ${fallback})`);
  }
  lines.push(`  ${'--help'.padEnd(26)} ${''.padEnd(24)} print this help and exit`);
  return lines.join('\n');
}

function parseValue(spec: FlagSpec, raw: string, source: string): SimOptions[keyof SimOptions] {
  if (spec.kind === 'string') {
    if (raw === '') throw new UsageError(`${source} must not be empty`);
    return raw;
  }
  if (spec.kind === 'flag') {
    const on = ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
    const off = ['0', 'false', 'no', 'off', ''].includes(raw.toLowerCase());
    if (!on && !off) throw new UsageError(`${source} must be 1 or 0, got "${raw}"`);
    return spec.negative ? !on : on;
  }
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value)) throw new UsageError(`${source} must be a number, got "${raw}"`);
  switch (spec.kind) {
    case 'port':
      if (!Number.isInteger(value) || value < 0 || value > 65535) throw new UsageError(`${source} must be an integer port 0-65535, got "${raw}"`);
      break;
    case 'count':
      if (value < 0 || (spec.key !== 'taskRate' && !Number.isInteger(value))) throw new UsageError(`${source} must be a non-negative integer, got "${raw}"`);
      break;
    case 'integer':
      if (!Number.isSafeInteger(value)) throw new UsageError(`${source} must be an integer, got "${raw}"`);
      break;
    case 'positive':
      if (value <= 0) throw new UsageError(`${source} must be greater than 0, got "${raw}"`);
      break;
    case 'fraction':
      if (value < 0 || value > 1) throw new UsageError(`${source} must be between 0 and 1, got "${raw}"`);
      break;
  }
  return value;
}

export type ParseResult = { help: true } | { help: false; options: SimOptions };

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ParseResult {
  const options: SimOptions = { ...DEFAULT_OPTIONS };
  const assign = (key: keyof SimOptions, value: SimOptions[keyof SimOptions]) => {
    (options as unknown as Record<string, unknown>)[key] = value;
  };
  for (const spec of FLAGS) {
    const raw = spec.env ? env[spec.env] : undefined;
    if (raw !== undefined) assign(spec.key, parseValue(spec, raw, spec.env!));
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const spec = FLAGS.find((candidate) => candidate.flag === name);
    if (!spec) throw new UsageError(`unknown option "${arg}" (see --help)`);
    if (spec.kind === 'flag') {
      assign(spec.key, parseValue(spec, inline ?? '1', spec.flag));
      continue;
    }
    const raw = inline ?? argv[++i];
    if (raw === undefined) throw new UsageError(`${spec.flag} needs a value`);
    assign(spec.key, parseValue(spec, raw, spec.flag));
  }
  checkCombination(options);
  return { help: false, options };
}

/** Rules across options, for the command line and for createSimulator alike. */
export function checkCombination(options: SimOptions): void {
  if (options.seedRunning > options.seedTasks) {
    throw new UsageError(`--seed-running (${options.seedRunning}) must not exceed --seed-tasks (${options.seedTasks})`);
  }
  if (!options.auth && !options.wellBehaved) {
    throw new UsageError(
      '--no-auth (SIM_NO_AUTH) needs --well-behaved: a real master with a database always has sign-in; use --no-db for a master without one',
    );
  }
}
