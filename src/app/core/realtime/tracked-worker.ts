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
  }
  return next ?? workers;
}

/** The usage figures of a `GET /api/workers` entry as a telemetry update, or `null` when it has no (valid) telemetry. */
export function toTelemetryUpdate(entry: WorkerListEntry): TelemetryUpdate | null {
  if (entry.last_update === undefined) {
    return null;
  }
  const telemetry = toWorkerTelemetry(entry.worker_id, { ...entry, running_tasks: [] });
  return telemetry && { ...telemetry, running_tasks: null };
}
