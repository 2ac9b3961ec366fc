import { MAX_ID_LENGTH, finiteOrZero, isFiniteNumber, isObject, percentage } from './json-checks';
import { ParsedTelemetryFrame, RunningTask, WorkerTelemetry } from './telemetry.model';

/**
 * Reads one telemetry frame, in either shape a master may send: the CloudAI master's bare map
 * `{"<worker_id>": {...}}`, or the envelope `{"type": "telemetry", "workers": {...}}`.
 * Never throws: a frame that is not JSON or not a map counts as one rejection, and so does each
 * entry that fails validation, while the valid entries of the same frame are kept.
 */
export function parseTelemetryFrame(raw: unknown): ParsedTelemetryFrame {
  const frame = typeof raw === 'string' ? parseJson(raw) : raw;
  if (!isObject(frame)) {
    return { entries: [], rejected: 1 };
  }
  const workers = frame['type'] === 'telemetry' ? frame['workers'] : frame;
  if (!isObject(workers)) {
    return { entries: [], rejected: 1 };
  }
  const entries: WorkerTelemetry[] = [];
  let rejected = 0;
  for (const [key, value] of Object.entries(workers)) {
    const entry = toWorkerTelemetry(key, value);
    if (entry) {
      entries.push(entry);
    } else {
      rejected += 1;
    }
  }
  return { entries, rejected };
}

/** One validated entry, or `null` when it cannot be trusted. */
export function toWorkerTelemetry(key: string, value: unknown): WorkerTelemetry | null {
  if (!isObject(value)) {
    return null;
  }
  const id = value['worker_id'];
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID_LENGTH || id !== key) {
    return null;
  }
  const cpu = percentage(value['cpu_usage']);
  const memory = percentage(value['memory_usage']);
  const gpu = value['gpu_usage'] === undefined ? 0 : percentage(value['gpu_usage']);
  const lastUpdate = value['last_update'];
  const runningTasks = value['running_tasks'] ?? [];
  if (
    cpu === null ||
    memory === null ||
    gpu === null ||
    !isFiniteNumber(lastUpdate) ||
    lastUpdate < 0 ||
    !Array.isArray(runningTasks)
  ) {
    return null;
  }
  return {
    worker_id: id,
    cpu_usage: cpu,
    memory_usage: memory,
    gpu_usage: gpu,
    running_tasks: runningTasks.map(toRunningTask).filter((task): task is RunningTask => task !== null),
    last_update: lastUpdate,
    is_active: value['is_active'] === true,
  };
}

function toRunningTask(value: unknown): RunningTask | null {
  if (!isObject(value) || typeof value['task_id'] !== 'string' || value['task_id'].length > MAX_ID_LENGTH) {
    return null;
  }
  return {
    task_id: value['task_id'],
    // Negative amounts are real (the master accepts negative requests) and shown as such.
    cpu_allocated: finiteOrZero(value['cpu_allocated']),
    memory_allocated: finiteOrZero(value['memory_allocated']),
    gpu_allocated: finiteOrZero(value['gpu_allocated']),
    status: typeof value['status'] === 'string' ? value['status'] : 'running',
  };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
