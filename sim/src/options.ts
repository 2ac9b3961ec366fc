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
  cancelDelayMs: 2000,
  dropout: 0.002,
  logReplayMs: 10,
  control: false,
  auth: true,
  preciseTimestamps: false,
  seedTasks: 0,
  seedRunning: 0,
  logLines: 0,
  flushMs: 200,
};

export class UsageError extends Error {}

type Kind = 'port' | 'count' | 'positive' | 'fraction' | 'string' | 'flag';

interface FlagSpec {
  flag: string;
  env?: string;
  key: keyof SimOptions;
  kind: Kind;
  help: string;
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
  { flag: '--cancel-delay-ms', env: 'SIM_CANCEL_DELAY_MS', key: 'cancelDelayMs', kind: 'count', help: 'time the worker takes to stop a cancelled container' },
  { flag: '--dropout', env: 'SIM_DROPOUT', key: 'dropout', kind: 'fraction', help: 'per-heartbeat probability a worker goes silent for >30 s (0 = off)' },
  { flag: '--log-replay-ms', env: 'SIM_LOG_REPLAY_MS', key: 'logReplayMs', kind: 'count', help: 'spacing of replayed stored log lines' },
  { flag: '--control', env: 'SIM_CONTROL', key: 'control', kind: 'flag', help: 'enable the /__sim control API' },
  { flag: '--no-auth', env: 'SIM_NO_AUTH', key: 'auth', kind: 'flag', help: 'act as a master without a database: /api/auth/* answer 404' },
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
    // --no-auth is the only negative flag: turning it on turns auth off.
    return spec.key === 'auth' ? !on : on;
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
  if (options.seedRunning > options.seedTasks) {
    throw new UsageError(`--seed-running (${options.seedRunning}) must not exceed --seed-tasks (${options.seedTasks})`);
  }
  return { help: false, options };
}
