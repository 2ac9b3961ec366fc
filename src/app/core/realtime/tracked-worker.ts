import { toWorkerTelemetry } from '../../shared/cloudai/parse-telemetry-frame';
import { RunningTask, WorkerTelemetry } from '../../shared/cloudai/telemetry.model';
import { WorkerListEntry } from '../../shared/cloudai/worker.model';
import { UsageHistory } from './usage-history';

/** The latest telemetry of a worker and its recent usage, oldest sample first. */
export interface TrackedWorker {
  readonly telemetry: WorkerTelemetry;
  readonly history: UsageHistory;
}

/** A telemetry update; `running_tasks: null` when the source does not know them (the REST list only counts them). */
export type TelemetryUpdate = Omit<WorkerTelemetry, 'running_tasks'> & {
  readonly running_tasks: readonly RunningTask[] | null;
};

/**
 * Applies updates to the worker map, returning a new map when anything changed. An update
 * older than what the map holds is ignored, so a slow REST answer never overwrites a newer
 * socket frame. History keeps `windowMs` of samples behind the newest one, in a fixed-size
 * buffer per worker (see {@link UsageHistory}): memory stays bounded however long the tab is open.
 */
export function trackTelemetry(
  workers: ReadonlyMap<string, TrackedWorker>,
  updates: readonly TelemetryUpdate[],
  windowMs: number,
): ReadonlyMap<string, TrackedWorker> {
  let next: Map<string, TrackedWorker> | null = null;
  const changed: string[] = [];
  for (const update of updates) {
    const current = (next ?? workers).get(update.worker_id);
    if (current && update.last_update < current.telemetry.last_update) {
      continue;
    }
    const telemetry: WorkerTelemetry = {
      ...update,
      running_tasks: update.running_tasks ?? current?.telemetry.running_tasks ?? [],
    };
    const history =
      current && update.last_update === current.telemetry.last_update
        ? current.history
        : (current?.history ?? UsageHistory.EMPTY).append(
            {
              at: telemetry.last_update * 1000,
              cpu: telemetry.cpu_usage,
              memory: telemetry.memory_usage,
              gpu: telemetry.gpu_usage,
            },
            windowMs,
          );
    next ??= new Map(workers);
    next.set(update.worker_id, { telemetry, history });
    changed.push(update.worker_id);
  }
  if (next) changes.set(next, { from: versionOf(workers), ids: changed });
  return next ?? workers;
}

/**
 * How each map `trackTelemetry` made differs from the one it was made from, which is named by its
 * version rather than held: holding it would keep every map ever made alive, each by the next.
 */
const changes = new WeakMap<ReadonlyMap<string, TrackedWorker>, TelemetryChanges>();
const versions = new WeakMap<ReadonlyMap<string, TrackedWorker>, number>();
let lastVersion = 0;

export interface TelemetryChanges {
  /** The version (see {@link versionOf}) of the map this one was made from. */
  readonly from: number;
  /** The workers updated (some may appear more than once). */
  readonly ids: readonly string[];
}

/** Which workers `trackTelemetry` updated to make this map, and from which map; `undefined` for a map it did not make. */
export function telemetryChangesOf(workers: ReadonlyMap<string, TrackedWorker>): TelemetryChanges | undefined {
  return changes.get(workers);
}

/** A number naming this map, the same for as long as it lives. */
export function versionOf(workers: ReadonlyMap<string, TrackedWorker>): number {
  let version = versions.get(workers);
  if (version === undefined) {
    version = ++lastVersion;
    versions.set(workers, version);
  }
  return version;
}

/** The usage figures of a `GET /api/workers` entry as a telemetry update, or `null` when it has no (valid) telemetry. */
export function toTelemetryUpdate(entry: WorkerListEntry): TelemetryUpdate | null {
  if (entry.last_update === undefined) {
    return null;
  }
  const telemetry = toWorkerTelemetry(entry.worker_id, { ...entry, running_tasks: [] });
  return telemetry && { ...telemetry, running_tasks: null };
}
