import type { ServerConfig } from './server-config';

/**
 * The configuration document the app reads before it starts (index.html loads it ahead of the
 * app's own scripts): what the browser needs of the server's settings, never compiled in.
 */
export function configScript(config: ServerConfig, simulated: boolean): string {
  const deployment = {
    clusterName: config.clusterName,
    simulated,
    heartbeatMs: config.heartbeatMs,
    inactiveAfterMs: config.inactiveAfterMs,
    taskPollMs: config.taskPollMs,
  };
  return `globalThis.cloudaiDeployment = ${JSON.stringify(deployment)};\n`;
}
