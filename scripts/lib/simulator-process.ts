import { ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SimulatorProcess {
  readonly url: string;
  readonly child: ChildProcess;
}

/**
 * Starts the simulated master (`sim/`) as a child process sharing this terminal, and resolves
 * once its `/health` answers. Extra flags go straight to the simulator (`npm run sim -- --help`).
 */
export async function startSimulator(port: number, extraArgs: readonly string[] = []): Promise<SimulatorProcess> {
  const url = `http://127.0.0.1:${port}`;
  if (await answers(`${url}/health`)) {
    throw new Error(
      `Something already answers on port ${port} (another simulator or master?). ` +
        `Stop it, choose another port with SIM_PORT, or use it with CLOUDAI_MASTER_URL=${url}.`,
    );
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'sim/src/main.ts', '--port', String(port), ...extraArgs], {
    stdio: 'inherit',
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`The simulator exited with code ${code} before it was ready.`))),
  );
  await Promise.race([waitForHealth(url), exited]);
  return { url, child };
}

async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(`${url}/health`)) {
      return;
    }
    await sleep(200);
  }
  throw new Error(`The simulator did not answer ${url}/health within ${timeoutMs / 1000} s.`);
}

/** Ends the children on Ctrl-C or SIGTERM, then exits; a child that exits on its own ends the rest too. */
export function stopTogether(children: readonly ChildProcess[]): void {
  let stopping = false;
  const stopAll = (code: number) => {
    if (stopping) {
      return;
    }
    stopping = true;
    const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
    // SIGINT, as Ctrl-C would: ng serve's esbuild service dies noisily on SIGTERM.
    running.forEach((child) => child.kill('SIGINT'));
    Promise.all(running.map((child) => new Promise((resolve) => child.once('exit', resolve)))).then(() =>
      process.exit(code),
    );
    setTimeout(() => process.exit(code), 5000).unref();
  };
  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
  children.forEach((child) => child.once('exit', (code) => stopAll(code ?? 0)));
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}
