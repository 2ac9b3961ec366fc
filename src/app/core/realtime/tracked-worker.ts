import { Map as PersistentMap } from 'immutable';
import { toWorkerTelemetry } from '../../shared/cloudai/parse-telemetry-frame';
import { RunningTask, WorkerTelemetry } from '../../shared/cloudai/telemetry.model';
import { WorkerListEntry } from '../../shared/cloudai/worker.model';
import { UsageHistory } from './usage-history';

/** The latest telemetry of a worker and its recent usage, oldest sample first. */
export interface TrackedWorker {
  readonly telemetry: WorkerTelemetry;
  readonly history: UsageHistory;
}

/**
 * Every reported worker by id, as readers see it. `trackTelemetry` makes persistent maps (a new
 * version shares all but the changed workers with the previous one, instead of copying 10,000
 * entries twenty times a second); a native `Map` also fits, which is what tests build.
 */
export interface TrackedWorkers {
  readonly size: number;
  get(id: string): TrackedWorker | undefined;
  has(id: string): boolean;
  keys(): Iterable<string>;
  values(): Iterable<TrackedWorker>;
  [Symbol.iterator](): Iterator<[string, TrackedWorker]>;
}

/** No worker reported yet. */
export const NO_WORKERS: TrackedWorkers = PersistentMap<string, TrackedWorker>();

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
  workers: TrackedWorkers,
  updates: readonly TelemetryUpdate[],
  windowMs: number,
): TrackedWorkers {
  let next: PersistentMap<string, TrackedWorker> | null = null;
  const changed: string[] = [];
  for (const update of updates) {
    const current = (next ?? workers).get(update.worker_id);
    if (current && update.last_update < current.telemetry.last_update) {
      continue;
    }
    // Socket entries know their running tasks and are kept as they are (no copy twenty times a second).
    const telemetry: WorkerTelemetry =
      update.running_tasks !== null
        ? (update as WorkerTelemetry)
        : { ...update, running_tasks: current?.telemetry.running_tasks ?? [] };
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
    next ??= asPersistent(workers).asMutable();
    next = next.set(update.worker_id, { telemetry, history });
    changed.push(update.worker_id);
  }
  if (!next) return workers;
  const made = next.asImmutable();
  changes.set(made, { from: versionOf(workers), ids: changed });
  return made;
}

function asPersistent(workers: TrackedWorkers): PersistentMap<string, TrackedWorker> {
  return PersistentMap.isMap(workers)
    ? (workers as PersistentMap<string, TrackedWorker>)
    : PersistentMap<string, TrackedWorker>(workers);
}

/**
 * How each map `trackTelemetry` made differs from the one it was made from, which is named by its
 * version rather than held: holding it would keep every map ever made alive, each by the next.
 */
const changes = new WeakMap<TrackedWorkers, TelemetryChanges>();
const versions = new WeakMap<TrackedWorkers, number>();
let lastVersion = 0;

export interface TelemetryChanges {
  /** The version (see {@link versionOf}) of the map this one was made from. */
  readonly from: number;
  /** The workers updated (some may appear more than once). */
  readonly ids: readonly string[];
}

/** Which workers `trackTelemetry` updated to make this map, and from which map; `undefined` for a map it did not make. */
export function telemetryChangesOf(workers: TrackedWorkers): TelemetryChanges | undefined {
  return changes.get(workers);
}

/** A number naming this map, the same for as long as it lives. */
export function versionOf(workers: TrackedWorkers): number {
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
