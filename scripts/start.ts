/**
 * `npm start`: the development server with the simulated master, or with a real one when
 * CLOUDAI_MASTER_URL is set. The browser talks same-origin to the dev server, which proxies
 * /api, /ws, /health and /telemetry to the master (see proxy.conf.mjs).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { masterUrlOrSimulator, portFromEnv, stopTogether } from './lib/simulator-process';

async function main(): Promise<void> {
  const port = portFromEnv('PORT', 4200);
  const host = process.env['HOST'] || 'localhost';
  const children: ChildProcess[] = [];

  const masterUrl = await masterUrlOrSimulator(children);

  const ngCli = createRequire(import.meta.url).resolve('@angular/cli/bin/ng.js');
  const devServer = spawn(process.execPath, [ngCli, 'serve', '--port', String(port), '--host', host], {
    stdio: 'inherit',
    env: { ...process.env, CLOUDAI_MASTER_URL: masterUrl, NG_CLI_ANALYTICS: 'false' },
  });
  children.push(devServer);
  stopTogether(children);

  console.log(`\nCloudAI Dashboard (development): open http://${host}:${port}/  ·  master: ${masterUrl}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
