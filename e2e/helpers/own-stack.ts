import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A simulator and production server of the test's own, for tests that stop and restart the
 * master (the shared stack that Playwright starts must stay up for the other tests).
 */
export class OwnStack {
  private master: ChildProcess | null = null;
  private server: ChildProcess | null = null;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'cloudai-e2e-'));

  constructor(
    private readonly masterPort: number,
    private readonly appPort: number,
  ) {}

  get appUrl(): string {
    return `http://127.0.0.1:${this.appPort}`;
  }

  get masterUrl(): string {
    return `http://127.0.0.1:${this.masterPort}`;
  }

  async start(): Promise<void> {
    await this.startMaster();
    this.server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
      env: { ...process.env, PORT: String(this.appPort), HOST: '127.0.0.1', CLOUDAI_MASTER_URL: this.masterUrl },
      stdio: 'ignore',
    });
    await waitFor(`${this.appUrl}/`);
  }

  /** Starts the master on the same data directory; resolves once `/health` answers. */
  async startMaster(): Promise<void> {
    const args = [
      '--port',
      String(this.masterPort),
      '--data-dir',
      this.dataDir,
      '--heartbeat-ms',
      '1000',
      '--task-rate',
      '0',
      '--dropout',
      '0',
    ];
    this.master = spawn(process.execPath, ['--import', 'tsx', 'sim/src/main.ts', ...args], { stdio: 'ignore' });
    await waitFor(`${this.masterUrl}/health`);
  }

  /** Stops the master as an operator would (SIGTERM); resolves once the process has exited. */
  async stopMaster(): Promise<void> {
    await stopProcess(this.master);
    this.master = null;
  }

  async activeTelemetryClients(): Promise<number> {
    const health = (await (await fetch(`${this.masterUrl}/health`)).json()) as { active_clients: number };
    return health.active_clients;
  }

  async stop(): Promise<void> {
    await Promise.all([stopProcess(this.server), stopProcess(this.master)]);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) {
        return;
      }
    } catch {
      // not listening yet
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
