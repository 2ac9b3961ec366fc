/**
 * What the dashboard's server tells the app about this deployment, in the configuration document
 * index.html loads before the app (`_dashboard/config.js`, which sets `globalThis.cloudaiDeployment`):
 * settings of the cluster, never compiled in. Free of Angular: the data worker reads it too.
 */
export interface Deployment {
  /** Shown in the toolbar and the tab title; `''` for none. */
  readonly clusterName: string;
  /** The master is the built-in simulator, not a real cluster. */
  readonly simulated: boolean;
  /** The workers' heartbeat period. */
  readonly heartbeatMs: number;
  /** A worker silent this long is inactive. */
  readonly inactiveAfterMs: number;
  /** How often the task list is fetched by default. */
  readonly taskPollMs: number;
  /** The dashboard's release; `''` when unknown. */
  readonly version: string;
  /** The master's origin (never credentials), `''` for the built-in simulator or when unknown. */
  readonly masterAddress: string;
}

/** What the app assumes without a configuration document (unit tests, a server that sends none): the real master's own timings. */
export const DEFAULT_DEPLOYMENT: Deployment = {
  clusterName: '',
  simulated: false,
  heartbeatMs: 5000,
  inactiveAfterMs: 30_000,
  taskPollMs: 3000,
  version: '',
  masterAddress: '',
};

/**
 * The configuration document's settings over the defaults. The document is the dashboard's own
 * server's, which checked every value when it started: a missing one keeps its default.
 */
export function readDeployment(source: unknown): Deployment {
  return { ...DEFAULT_DEPLOYMENT, ...(source as Partial<Deployment> | undefined) };
}

/** This page's (or worker's) deployment, as the configuration document set it. */
export function currentDeployment(): Deployment {
  return readDeployment((globalThis as { cloudaiDeployment?: unknown }).cloudaiDeployment);
}

const WORKER_NAME = 'cloudai-data';

/**
 * The data worker's name, carrying the deployment (a worker has no document to load it from).
 * Tabs with the same settings share one SharedWorker; a tab with other settings (a new server
 * configuration) gets a worker of its own instead of one running on the old settings.
 */
export function dataWorkerName(deployment: Deployment): string {
  return `${WORKER_NAME} ${JSON.stringify(deployment)}`;
}

/** The deployment a data worker was named with (see {@link dataWorkerName}); the defaults for any other name. */
export function deploymentOfWorker(name: string): Deployment {
  const settings = name.startsWith(`${WORKER_NAME} `) ? name.slice(WORKER_NAME.length + 1) : '';
  try {
    return readDeployment(JSON.parse(settings));
  } catch {
    return DEFAULT_DEPLOYMENT;
  }
}
