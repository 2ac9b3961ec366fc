/**
 * `npm start`: the development server with the simulated master, or with a real one when
 * CLOUDAI_MASTER_URL is set. The browser talks same-origin to the dev server, which proxies
 * /api, /ws, /health and /telemetry to the master and answers the configuration document
 * (see proxy.conf.mjs). Takes the same settings as `npm run serve`, except BASE_PATH.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { configScript } from './lib/config-script';
import { ConfigError, readServerConfig } from './lib/server-config';
import { startSimulator, stopTogether } from './lib/simulator-process';

async function main(): Promise<void> {
  const config = readServerConfig(process.env, { port: 4200, host: 'localhost' });
  if (config.basePath !== '/') console.warn('BASE_PATH is for `npm run serve`; the development server serves at /.');
  const children: ChildProcess[] = [];
  let masterUrl = config.masterUrl;
  if (masterUrl === null) {
    const simulator = await startSimulator(config.simulatorPort);
    children.push(simulator.child);
    masterUrl = simulator.url;
  }

  const ngCli = createRequire(import.meta.url).resolve('@angular/cli/bin/ng.js');
  const devServer = spawn(process.execPath, [ngCli, 'serve', '--port', String(config.port), '--host', config.host], {
    stdio: 'inherit',
    env: {
      ...process.env,
      CLOUDAI_MASTER_URL: masterUrl,
      // proxy.conf.mjs answers the configuration document with this (it cannot load TypeScript).
      CLOUDAI_DEV_CONFIG_SCRIPT: configScript(config, { url: masterUrl, simulated: config.masterUrl === null }),
      NG_CLI_ANALYTICS: 'false',
    },
  });
  children.push(devServer);
  stopTogether(children);

  console.log(
    `\nCloudAI Dashboard (development): open http://${config.host}:${config.port}/  ·  master: ${masterUrl}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? `Configuration: ${error.message}` : error instanceof Error ? error.message : error,
  );
  process.exit(error instanceof ConfigError ? 2 : 1);
});
