import { LiveWorker } from '../core/realtime/live-worker';
import { TaskListEntry } from '../shared/cloudai/task.model';
import { ResourceAmounts, WorkerListEntry } from '../shared/cloudai/worker.model';
import { UsageHistory } from '../core/realtime/usage-history';
import { PollState } from '../shared/streams/load-state';
import { MasterFailure } from '../shared/http/master-failure';

let sequence = 0;

/** A worker as `GET /api/workers` lists it, with plausible values; override what a test is about. */
export function aWorker(overrides: Partial<WorkerListEntry> = {}): WorkerListEntry {
  sequence += 1;
  return {
    worker_id: `worker-${sequence}`,
    address: `10.0.0.${sequence}:50052`,
    worker_ip: `10.0.0.${sequence}:50052`,
    is_active: true,
    total_resources: { cpu: 8, memory: 16, storage: 100, gpu: 0 },
    allocated_resources: { cpu: 2, memory: 4, storage: 10, gpu: 0 },
    available_resources: { cpu: 6, memory: 12, storage: 90, gpu: 0 },
    last_heartbeat: 1_763_498_855,
    registered_at: 1_763_497_940,
    cpu_usage: 41.7,
    memory_usage: 63.2,
    gpu_usage: 0,
    running_tasks_count: 1,
    last_update: 1_763_498_855,
    ...overrides,
  };
}

/** A task as `GET /api/tasks` lists it; override what a test is about. */
export function aTask(overrides: Partial<TaskListEntry> = {}): TaskListEntry {
  sequence += 1;
  return {
    task_id: `task-17634984261164755${String(sequence).padStart(2, '0')}`,
    docker_image: 'python:3.12',
    command: 'python -c "print(1)"',
    status: 'pending',
    user_id: 'user-001',
    cpu_required: 1,
    memory_required: 2,
    gpu_required: 0,
    storage_required: 5,
    tag: 'cpu-light',
    k_value: 2,
    created_at: 1_763_498_426,
    ...overrides,
  };
}

/** A worker as the live views show it; override what a test is about. */
export function aLiveWorker(overrides: Partial<LiveWorker> = {}): LiveWorker {
  sequence += 1;
  return {
    id: `worker-${sequence}`,
    address: `10.0.0.${sequence}:50052`,
    status: 'active',
    cpuUsage: 41.7,
    memoryUsage: 63.2,
    gpuUsage: 0,
    capacity: { cpu: 8, memory: 16, storage: 100, gpu: 0 },
    allocated: { cpu: 2, memory: 4, storage: 10, gpu: 0 },
    available: { cpu: 6, memory: 12, storage: 90, gpu: 0 },
    runningTasks: [],
    runningTaskCount: 0,
    lastHeartbeat: 1_763_498_855_000,
    registeredAt: 1_763_497_940_000,
    history: UsageHistory.EMPTY,
    ...overrides,
  };
}

/** A poller's state after a good answer at `updatedAt`; pass `refreshError` for a later failure. */
export function aPoll<T>(data: T, updatedAt = 0, refreshError?: string): PollState<T> {
  return {
    kind: 'ready',
    data,
    updatedAt,
    consecutiveFailures: refreshError === undefined ? 0 : 1,
    ...(refreshError === undefined ? {} : { refreshError }),
  };
}

/** A poller's state after failing before any good answer. */
export function aFailedPoll(message: string, failure?: MasterFailure): PollState<never> {
  return { kind: 'error', message, consecutiveFailures: 1, ...(failure ? { failure } : {}) };
}

/** CPU cores, memory GB, storage GB and GPUs. */
export function amounts(cpu: number, memory: number, storage: number, gpu = 0): ResourceAmounts {
  return { cpu, memory, storage, gpu };
}

/** What is left of `capacity` once `allocated` is taken, as the master computes it (a negative allocation adds room). */
export function roomLeft(capacity: ResourceAmounts, allocated: ResourceAmounts): ResourceAmounts {
  return {
    cpu: capacity.cpu - allocated.cpu,
    memory: capacity.memory - allocated.memory,
    storage: capacity.storage - allocated.storage,
    gpu: capacity.gpu - allocated.gpu,
  };
}
