import { toWorkerTelemetry } from '../../shared/cloudai/parse-telemetry-frame';
import { RunningTask, WorkerTelemetry } from '../../shared/cloudai/telemetry.model';
import { WorkerListEntry } from '../../shared/cloudai/worker.model';

/** One point of a worker's usage history, at the master's receive time (epoch ms). */
export interface UsageSample {
  readonly at: number;
  readonly cpu: number;
  readonly memory: number;
  readonly gpu: number;
}

/** The latest telemetry of a worker and its recent usage, oldest sample first. */
export interface TrackedWorker {
  readonly telemetry: WorkerTelemetry;
  readonly history: readonly UsageSample[];
}

/** A telemetry update; `running_tasks: null` when the source does not know them (the REST list only counts them). */
export type TelemetryUpdate = Omit<WorkerTelemetry, 'running_tasks'> & {
  readonly running_tasks: readonly RunningTask[] | null;
};

/** However fast heartbeats come, a worker never keeps more samples than this. */
const MAX_SAMPLES = 2000;

/**
 * Applies updates to the worker map, returning a new map when anything changed. An update
 * older than what the map holds is ignored, so a slow REST answer never overwrites a newer
 * socket frame. History keeps `windowMs` of samples behind the newest one, and never more than
 * {@link MAX_SAMPLES}: memory stays bounded however long the tab is open.
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
        : appendSample(current?.history ?? [], telemetry, windowMs);
    next ??= new Map(workers);
    next.set(update.worker_id, { telemetry, history });
  }
  return next ?? workers;
}

function appendSample(
  history: readonly UsageSample[],
  telemetry: WorkerTelemetry,
  windowMs: number,
): readonly UsageSample[] {
  const sample: UsageSample = {
    at: telemetry.last_update * 1000,
    cpu: telemetry.cpu_usage,
    memory: telemetry.memory_usage,
    gpu: telemetry.gpu_usage,
  };
  const oldestKept = sample.at - windowMs;
  let start = Math.max(0, history.length + 1 - MAX_SAMPLES);
  while (start < history.length && history[start].at < oldestKept) {
    start += 1;
  }
  return [...history.slice(start), sample];
}

/** The usage figures of a `GET /api/workers` entry as a telemetry update, or `null` when it has no (valid) telemetry. */
export function toTelemetryUpdate(entry: WorkerListEntry): TelemetryUpdate | null {
  if (entry.last_update === undefined) {
    return null;
  }
  const telemetry = toWorkerTelemetry(entry.worker_id, { ...entry, running_tasks: [] });
  return telemetry && { ...telemetry, running_tasks: null };
}
