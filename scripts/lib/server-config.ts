import { readFileSync } from 'node:fs';

/**
 * How the dashboard's server runs, read once at start from the environment and, when
 * `DASHBOARD_CONFIG_FILE` names one, a JSON file with the same names as keys (the environment
 * wins). Anything unknown or invalid stops the server with a message saying what and why.
 */
export interface ServerConfig {
  /** The master to proxy to; `null` starts the simulator (with a warning: not a real cluster). */
  readonly masterUrl: string | null;
  /** Shown in the toolbar and the tab title, so two clusters' tabs are told apart; `''` for none. */
  readonly clusterName: string;
  /** Where the dashboard lives on its host: `/` or a prefix such as `/cloudai/` (always with both slashes). */
  readonly basePath: string;
  /** The workers' heartbeat period: a worker silent for two of them is late. */
  readonly heartbeatMs: number;
  /** A worker silent this long is inactive. */
  readonly inactiveAfterMs: number;
  /** How often the task list is fetched by default. */
  readonly taskPollMs: number;
  /** Forward requests to the master without a signed-in session (see the README's security model). */
  readonly openMaster: boolean;
  readonly port: number;
  readonly host: string;
  /** Where the simulator listens when the server starts one. */
  readonly simulatorPort: number;
}

/** A setting that stops the server: the message names the setting and what is wrong with it. */
export class ConfigError extends Error {}

type Source = Readonly<Record<string, unknown>>;

interface Setting<K extends keyof ServerConfig> {
  readonly key: K;
  readonly fallback: ServerConfig[K];
  readonly read: (raw: string, name: string) => ServerConfig[K];
}

const integer =
  (min: number, max: number) =>
  (raw: string, name: string): number => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
    }
    return value;
  };

/** Every setting by its name, in the environment and in the file. */
const SETTINGS = {
  CLOUDAI_MASTER_URL: { key: 'masterUrl', fallback: null, read: readMasterUrl },
  CLUSTER_NAME: { key: 'clusterName', fallback: '', read: readClusterName },
  BASE_PATH: { key: 'basePath', fallback: '/', read: readBasePath },
  HEARTBEAT_MS: { key: 'heartbeatMs', fallback: 5000, read: integer(100, 600_000) },
  INACTIVE_AFTER_MS: { key: 'inactiveAfterMs', fallback: 30_000, read: integer(200, 86_400_000) },
  TASK_POLL_MS: { key: 'taskPollMs', fallback: 3000, read: integer(500, 600_000) },
  OPEN_MASTER: { key: 'openMaster', fallback: false, read: readSwitch },
  PORT: { key: 'port', fallback: 4000, read: integer(1, 65_535) },
  HOST: { key: 'host', fallback: '127.0.0.1', read: readHost },
  SIM_PORT: { key: 'simulatorPort', fallback: 8080, read: integer(1, 65_535) },
} satisfies { readonly [name: string]: Setting<keyof ServerConfig> };

export type SettingName = keyof typeof SETTINGS;

/** The names the server reads, for messages and the README. */
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

/**
 * Reads the configuration from `env` and the file `env.DASHBOARD_CONFIG_FILE` names (if any).
 * `defaults` replace the built-in fallbacks (the development server listens elsewhere).
 */
export function readServerConfig(
  env: Readonly<Record<string, string | undefined>>,
  defaults: Partial<ServerConfig> = {},
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): ServerConfig {
  const file = env['DASHBOARD_CONFIG_FILE'] ? readConfigFile(env['DASHBOARD_CONFIG_FILE'], readFile) : {};
  const config: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(SETTINGS) as [SettingName, Setting<keyof ServerConfig>][]) {
    const raw = env[name] !== undefined && env[name] !== '' ? env[name] : file[name];
    config[setting.key] =
      raw === undefined || raw === null || raw === ''
        ? (defaults[setting.key] ?? setting.fallback)
        : setting.read(String(raw), name);
  }
  const read = config as unknown as ServerConfig;
  if (read.inactiveAfterMs <= 2 * read.heartbeatMs) {
    throw new ConfigError(
      `INACTIVE_AFTER_MS (${read.inactiveAfterMs}) must be longer than two heartbeats (HEARTBEAT_MS ${read.heartbeatMs} × 2): ` +
        'a worker is late after two missed heartbeats, and only inactive after that.',
    );
  }
  return read;
}

function readConfigFile(path: string, readFile: (path: string) => string): Source {
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    throw new ConfigError(`DASHBOARD_CONFIG_FILE: cannot read ${path} (${(error as Error).message}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`DASHBOARD_CONFIG_FILE: ${path} is not JSON (${(error as Error).message}).`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`DASHBOARD_CONFIG_FILE: ${path} must hold one JSON object of settings.`);
  }
  const unknown = Object.keys(parsed).filter((name) => !(name in SETTINGS));
  if (unknown.length > 0) {
    throw new ConfigError(
      `DASHBOARD_CONFIG_FILE: ${path} has unknown setting(s) ${unknown.join(', ')}. Known: ${SETTING_NAMES.join(', ')}.`,
    );
  }
  for (const [name, value] of Object.entries(parsed)) {
    if (!['string', 'number', 'boolean'].includes(typeof value) && value !== null) {
      throw new ConfigError(`DASHBOARD_CONFIG_FILE: ${name} in ${path} must be a string or a number.`);
    }
  }
  return parsed as Source;
}

function readMasterUrl(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be the master's address, such as http://master.internal:8080, not "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(
      `${name} must start with http:// or https:// (the sockets follow as ws:// or wss://), not "${raw}".`,
    );
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new ConfigError(
      `${name} must name the master's host and port only: the master serves its paths at the root, not "${raw}".`,
    );
  }
  return url.origin;
}

function readClusterName(raw: string, name: string): string {
  const trimmed = raw.trim();
  if (trimmed.length > 60 || [...trimmed].some((character) => character < ' ' || character === '\u007f')) {
    throw new ConfigError(`${name} must be at most 60 printable characters, not "${raw}".`);
  }
  return trimmed;
}

function readBasePath(raw: string, name: string): string {
  const path = raw.trim();
  if (!/^\/([A-Za-z0-9._~-]+\/?)*$/.test(path) || path.split('/').some((part) => part === '.' || part === '..')) {
    throw new ConfigError(
      `${name} must be a path such as / or /cloudai/ (letters, digits and . _ ~ - between slashes), not "${raw}".`,
    );
  }
  return path.endsWith('/') ? path : `${path}/`;
}

function readSwitch(raw: string, name: string): boolean {
  if (['1', 'true', 'yes'].includes(raw.trim().toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.trim().toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0, not "${raw}".`);
}

function readHost(raw: string, name: string): string {
  const host = raw.trim();
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) {
    throw new ConfigError(
      `${name} must be a host name or address to listen on, such as 127.0.0.1 or 0.0.0.0, not "${raw}".`,
    );
  }
  return host;
}
