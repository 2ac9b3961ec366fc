import type { Cluster, SimWorker } from './cluster.ts';
import type { AssignmentRecord, ResultRecord, TaskRecord } from './model.ts';
import type { WireClock } from './wire-clock.ts';

/** Wire shapes. Each function builds one response body exactly as the contract names its fields. */

export function taskListItem(task: TaskRecord, clock: WireClock) {
  return {
    task_id: task.task_id,
    docker_image: task.docker_image,
    command: task.command,
    status: task.status,
    user_id: task.user_id,
    cpu_required: task.cpu_required,
    memory_required: task.memory_required,
    gpu_required: task.gpu_required,
    storage_required: task.storage_required,
    tag: task.tag,
    k_value: task.k_value,
    created_at: clock.seconds(task.created_ms),
  };
}

/** `result.logs` is passed as it is sent (see storedLogAsSent). */
export function taskDetail(task: TaskRecord, assignment: AssignmentRecord | undefined, result: ResultRecord | undefined, clock: WireClock) {
  return {
    ...taskListItem(task, clock),
    assignment: assignment ? { worker_id: assignment.worker_id, assigned_at: clock.seconds(assignment.assigned_ms) } : null,
    result: result ? { status: result.status, completed_at: clock.seconds(result.completed_ms), logs: result.logs } : null,
  };
}

/** The telemetry object of §7.1, or undefined before the worker's first heartbeat. */
export function telemetryObject(cluster: Cluster, worker: SimWorker, clock: WireClock) {
  const { telemetry } = worker;
  if (!telemetry) return undefined;
  return {
    worker_id: worker.record.worker_id,
    cpu_usage: telemetry.cpu_usage,
    memory_usage: telemetry.memory_usage,
    gpu_usage: telemetry.gpu_usage,
    running_tasks: telemetry.running_tasks,
    last_update: clock.telemetrySeconds(telemetry.last_update_ms),
    is_active: cluster.isActive(worker),
  };
}

export function telemetryMap(cluster: Cluster, workers: Iterable<SimWorker>, clock: WireClock) {
  const map: Record<string, ReturnType<typeof telemetryObject>> = {};
  for (const worker of workers) {
    const object = telemetryObject(cluster, worker, clock);
    if (object) map[worker.record.worker_id] = object;
  }
  return map;
}

export function workerListEntry(cluster: Cluster, worker: SimWorker, clock: WireClock) {
  const { record, telemetry } = worker;
  // Capacities reach the master with the worker's first connection; before that everything is 0.
  const total = telemetry ? cluster.capacityOf(worker) : { cpu: 0, memory: 0, storage: 0, gpu: 0 };
  const allocated = cluster.allocated(record.worker_id);
  return {
    worker_id: record.worker_id,
    address: record.worker_ip,
    worker_ip: record.worker_ip,
    is_active: cluster.isActive(worker),
    total_resources: total,
    allocated_resources: allocated,
    available_resources: {
      cpu: total.cpu - allocated.cpu,
      memory: total.memory - allocated.memory,
      storage: total.storage - allocated.storage,
      gpu: total.gpu - allocated.gpu,
    },
    last_heartbeat: record.last_heartbeat_ms ? clock.seconds(record.last_heartbeat_ms) : 0,
    registered_at: clock.seconds(record.registered_ms),
    cpu_usage: telemetry?.cpu_usage ?? 0,
    memory_usage: telemetry?.memory_usage ?? 0,
    gpu_usage: telemetry?.gpu_usage ?? 0,
    running_tasks_count: telemetry?.running_tasks.length ?? 0,
    ...(telemetry ? { last_update: clock.telemetrySeconds(telemetry.last_update_ms) } : {}),
  };
}

/**
 * §4.1's reduced entry for a worker the telemetry manager knows but the registry does not (here: a master
 * without a database). Only workers that have sent telemetry get one.
 */
export function telemetryOnlyWorkerEntry(cluster: Cluster, worker: SimWorker, clock: WireClock) {
  const { telemetry } = worker;
  if (!telemetry) return undefined;
  const none = { cpu: 0, memory: 0, storage: 0, gpu: 0 };
  return {
    worker_id: worker.record.worker_id,
    is_active: cluster.isActive(worker),
    cpu_usage: telemetry.cpu_usage,
    memory_usage: telemetry.memory_usage,
    gpu_usage: telemetry.gpu_usage,
    running_tasks_count: telemetry.running_tasks.length,
    last_update: clock.telemetrySeconds(telemetry.last_update_ms),
    total_resources: none,
    allocated_resources: { ...none },
  };
}

/** `worker_info` is null when the master has no worker database. */
export function workerDetail(cluster: Cluster, worker: SimWorker, clock: WireClock, database: boolean) {
  const telemetry = worker.telemetry!;
  const { record } = worker;
  const capacity = cluster.capacityOf(worker);
  return {
    worker_id: record.worker_id,
    is_active: cluster.isActive(worker),
    cpu_usage: telemetry.cpu_usage,
    memory_usage: telemetry.memory_usage,
    gpu_usage: telemetry.gpu_usage,
    last_update: clock.telemetrySeconds(telemetry.last_update_ms),
    running_tasks: telemetry.running_tasks.length > 0 ? telemetry.running_tasks : null,
    worker_info: database
      ? {
          worker_id: record.worker_id,
          worker_ip: record.worker_ip,
          total_cpu: capacity.cpu,
          total_memory: capacity.memory,
          total_storage: capacity.storage,
          total_gpu: capacity.gpu,
          registered_at: clock.seconds(record.registered_ms),
          last_heartbeat: clock.seconds(record.last_heartbeat_ms),
        }
      : null,
  };
}
