import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TestAccount, signInCookie } from './session';

/** The part of a Playwright browser context this needs, so scripts/ does not depend on Playwright's types. */
interface CookieJar {
  addCookies(cookies: readonly object[]): Promise<void>;
}

/** A faithful master (sign-in, crashes and all) with 1 s heartbeats, no generated tasks and no dropouts. */
export const DEFAULT_SIMULATOR_ARGS: readonly string[] = [
  '--heartbeat-ms',
  '1000',
  '--task-rate',
  '0',
  '--dropout',
  '0',
];

/**
 * A simulator plus the production server in front of it, as child processes: for tests that
 * stop and restart the master, and for the benchmark, which runs the simulator at scale.
 * Needs a production build (`npm run build`).
 */
export class Stack {
  private master: ChildProcess | null = null;
  private server: ChildProcess | null = null;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'cloudai-e2e-'));

  /**
   * `simulatorArgs` replace the defaults: a faithful master (sign-in, crashes and all) with 1 s
   * heartbeats, no generated tasks and no dropouts. `serverSettings` are added to the dashboard
   * server's environment (its settings, such as `INACTIVE_AFTER_MS`).
   */
  constructor(
    private readonly masterPort: number,
    private readonly appPort: number,
    private readonly simulatorArgs: readonly string[] = DEFAULT_SIMULATOR_ARGS,
    private readonly serverSettings: Readonly<Record<string, string>> = {},
  ) {}

  get appUrl(): string {
    return `http://127.0.0.1:${this.appPort}`;
  }

  get masterUrl(): string {
    return `http://127.0.0.1:${this.masterPort}`;
  }

  async start(): Promise<void> {
    // A server left running there (say, by an interrupted run) would answer instead of this one.
    if (await answers(`${this.appUrl}/`)) {
      throw new Error(`Port ${this.appPort} is already serving: stop whatever runs there first.`);
    }
    await this.startMaster();
    this.server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
      env: {
        ...process.env,
        ...this.serverSettings,
        PORT: String(this.appPort),
        HOST: '127.0.0.1',
        CLOUDAI_MASTER_URL: this.masterUrl,
      },
      stdio: 'ignore',
    });
    await waitFor(`${this.appUrl}/`);
  }

  /** Starts the master on the same data directory; resolves once `/health` answers. */
  async startMaster(): Promise<void> {
    if (await answers(`${this.masterUrl}/health`)) {
      throw new Error(`Port ${this.masterPort} is already serving: stop whatever runs there first.`);
    }
    const args = ['--port', String(this.masterPort), '--data-dir', this.dataDir, ...this.simulatorArgs];
    this.master = spawn(process.execPath, ['--import', 'tsx', 'sim/src/main.ts', ...args], { stdio: 'ignore' });
    await waitFor(`${this.masterUrl}/health`, 120_000);
  }

  /** Stops the master as an operator would (SIGTERM); resolves once the process has exited. */
  async stopMaster(): Promise<void> {
    await stopProcess(this.master);
    this.master = null;
  }

  /** Signs a browser context in to this stack's master (registering the account the first time). */
  async signIn(context: CookieJar, account?: TestAccount): Promise<void> {
    await context.addCookies([await signInCookie(this.appUrl, account)]);
  }

  async activeTelemetryClients(): Promise<number> {
    const health = (await (await fetch(`${this.masterUrl}/health`)).json()) as { active_clients: number };
    return health.active_clients;
  }

  /** The simulator's process id, for measuring its own CPU use. */
  get masterPid(): number | undefined {
    return this.master?.pid;
  }

  async stop(): Promise<void> {
    await Promise.all([stopProcess(this.server), stopProcess(this.master)]);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(url)) {
      return;
    }
    await sleep(50);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function stopProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}
