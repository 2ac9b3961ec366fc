import { DASHBOARD_VERSION } from './dashboard-version';
import type { ServerConfig } from './server-config';

/** The master the server forwards to, as the help page describes it. */
export interface MasterDescription {
  /** Its origin (scheme, host, port): the server keeps nothing else of the setting, credentials included. */
  readonly url: string;
  /** It says it is the simulator. */
  readonly simulated: boolean;
}

/**
 * The configuration document the app reads before it starts (index.html loads it ahead of the
 * app's own scripts): what the browser needs of the server's settings, never compiled in.
 */
export function configScript(config: ServerConfig, master: MasterDescription): string {
  const deployment = {
    clusterName: config.clusterName,
    simulated: master.simulated,
    heartbeatMs: config.heartbeatMs,
    inactiveAfterMs: config.inactiveAfterMs,
    taskPollMs: config.taskPollMs,
    version: DASHBOARD_VERSION,
    masterAddress: new URL(master.url).origin,
  };
  return `globalThis.cloudaiDeployment = ${JSON.stringify(deployment)};\n`;
}
