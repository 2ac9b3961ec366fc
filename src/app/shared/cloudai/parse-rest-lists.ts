import { MAX_ID_LENGTH, isFiniteNumber, isId, isObject, percentage, text } from './json-checks';
import { TaskListEntry } from './task.model';
import { ResourceAmounts, WorkerListEntry } from './worker.model';

/** The entries that could be read, and how many were left out. */
export interface ParsedList<T> {
  readonly entries: T[];
  readonly rejected: number;
}

/** How a whole task-list answer is named where unreadable entries are counted, whoever fetched it. */
export const TASK_LIST_ANSWER = 'a task list';

/**
 * `GET /api/tasks`. `null` when the body is not the expected `{"tasks": [...]}` at all; otherwise
 * every entry that can be trusted, keeping unknown statuses as they are.
 */
export function parseTaskList(body: unknown): ParsedList<TaskListEntry> | null {
  if (!isObject(body) || !Array.isArray(body['tasks'])) return null;
  return parseEntries(body['tasks'], toTaskListEntry);
}

/** `GET /api/workers`, where `{"workers": null}` means none. */
export function parseWorkerList(body: unknown): ParsedList<WorkerListEntry> | null {
  if (!isObject(body)) return null;
  const workers = body['workers'];
  if (workers === null) return { entries: [], rejected: 0 };
  if (!Array.isArray(workers)) return null;
  return parseEntries(workers, toWorkerListEntry);
}

function parseEntries<T>(values: readonly unknown[], read: (value: unknown) => T | null): ParsedList<T> {
  const entries: T[] = [];
  let rejected = 0;
  for (const value of values) {
    const entry = read(value);
    if (entry === null) rejected += 1;
    else entries.push(entry);
  }
  return { entries, rejected };
}

const TASK_NUMBERS = [
  'cpu_required',
  'memory_required',
  'gpu_required',
  'storage_required',
  'k_value',
  'created_at',
] as const;

function toTaskListEntry(value: unknown): TaskListEntry | null {
  if (!isObject(value) || !isId(value['task_id'])) return null;
  const dockerImage = text(value['docker_image']);
  const command = text(value['command'], '');
  const status = text(value['status']);
  const userId = text(value['user_id'], '');
  const tag = text(value['tag'], '');
  if (dockerImage === null || command === null || status === null || userId === null || tag === null) return null;
  if (status.length > MAX_ID_LENGTH) return null;
  if (!TASK_NUMBERS.every((field) => isFiniteNumber(value[field]))) return null;
  return {
    task_id: value['task_id'],
    docker_image: dockerImage,
    command,
    status,
    user_id: userId,
    cpu_required: value['cpu_required'] as number,
    memory_required: value['memory_required'] as number,
    gpu_required: value['gpu_required'] as number,
    storage_required: value['storage_required'] as number,
    tag,
    k_value: value['k_value'] as number,
    created_at: value['created_at'] as number,
  };
}

function toWorkerListEntry(value: unknown): WorkerListEntry | null {
  if (!isObject(value) || !isId(value['worker_id'])) return null;
  const total = resources(value['total_resources']);
  const allocated = resources(value['allocated_resources']);
  const available = value['available_resources'] === undefined ? undefined : resources(value['available_resources']);
  const cpu = percentage(value['cpu_usage'] ?? 0);
  const memory = percentage(value['memory_usage'] ?? 0);
  const gpu = percentage(value['gpu_usage'] ?? 0);
  const address = text(value['address'], '');
  const workerIp = text(value['worker_ip'], '');
  if (!total || !allocated || available === null || cpu === null || memory === null || gpu === null) return null;
  if (address === null || workerIp === null) return null;
  const times = ['last_heartbeat', 'registered_at', 'last_update'] as const;
  if (!times.every((field) => value[field] === undefined || (isFiniteNumber(value[field]) && value[field] >= 0)))
    return null;
  return {
    worker_id: value['worker_id'],
    is_active: value['is_active'] === true,
    address: address || undefined,
    worker_ip: workerIp || undefined,
    total_resources: total,
    allocated_resources: allocated,
    available_resources: available,
    last_heartbeat: value['last_heartbeat'] as number | undefined,
    registered_at: value['registered_at'] as number | undefined,
    cpu_usage: cpu,
    memory_usage: memory,
    gpu_usage: gpu,
    running_tasks_count: isFiniteNumber(value['running_tasks_count']) ? Math.max(0, value['running_tasks_count']) : 0,
    last_update: value['last_update'] as number | undefined,
  };
}

/**
 * Resource amounts as numbers. Negative ones are kept: the master accepts a task asking for a
 * negative amount (of GPUs, say), which makes allocations negative; the views mark them.
 */
function resources(value: unknown): ResourceAmounts | null {
  if (!isObject(value)) return null;
  const amounts = [value['cpu'], value['memory'], value['storage'], value['gpu'] ?? 0];
  if (!amounts.every(isFiniteNumber)) return null;
  const [cpu, memory, storage, gpu] = amounts as number[];
  return { cpu, memory, storage, gpu };
}
