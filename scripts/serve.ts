/**
 * `npm run serve`: serves the production build and forwards the master's paths (WebSocket
 * upgrades included) to CLOUDAI_MASTER_URL, or to a simulator it starts, with a warning that
 * it is not a real cluster. Settings: see `readServerConfig` and the README's "Deploying".
 */
import { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createDashboardServer } from './lib/dashboard-server';
import { ConfigError, readServerConfig } from './lib/server-config';
import { SessionDoor } from './lib/session-door';
import { startSimulator, stopTogether } from './lib/simulator-process';

const DIST = join('dist', 'cloudai-dashboard', 'browser');

async function main(): Promise<void> {
  const config = readServerConfig(process.env);
  const children: ChildProcess[] = [];
  let masterUrl = config.masterUrl;
  if (masterUrl === null) {
    const simulator = await startSimulator(config.simulatorPort);
    children.push(simulator.child);
    masterUrl = simulator.url;
    console.warn(
      '\n⚠ CLOUDAI_MASTER_URL is not set: serving the SIMULATED master, not a real cluster.\n' +
        '  Set CLOUDAI_MASTER_URL=http://<master>:8080 to watch your cluster.\n',
    );
  }

  const server = createDashboardServer({ config, masterUrl, distDir: DIST });
  server.listen(config.port, config.host, () => {
    const address = `http://${config.host}:${config.port}${config.basePath}`;
    console.log(`\nCloudAI Dashboard (production build): open ${address}  ·  master: ${masterUrl}\n`);
  });
  if (config.openMaster) {
    console.warn('⚠ OPEN_MASTER=1: the master is forwarded to anyone who can reach this server, signed in or not.');
  } else {
    new SessionDoor({ masterUrl })
      .masterHasSignIn()
      .then((hasSignIn) => {
        if (!hasSignIn) {
          console.warn(
            '⚠ The master has no sign-in (it runs without its database): nobody can be told apart, so every request is forwarded.',
          );
        }
      })
      .catch(() => undefined);
  }

  stopTogether(children);
  process.once('exit', () => server.close());
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? `Configuration: ${error.message}` : error instanceof Error ? error.message : error,
  );
  process.exit(error instanceof ConfigError ? 2 : 1);
});
