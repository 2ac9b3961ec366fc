import type { Cluster, SimWorker } from './cluster.ts';
import type { AssignmentRecord, ResultRecord, TaskRecord } from './model.ts';
import { unixSeconds } from './go-http.ts';

/** Wire shapes. Each function builds one response body exactly as the contract names its fields. */

export function taskListItem(task: TaskRecord) {
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
    created_at: unixSeconds(task.created_ms),
  };
}

export function taskDetail(task: TaskRecord, assignment: AssignmentRecord | undefined, result: ResultRecord | undefined) {
  return {
    ...taskListItem(task),
    assignment: assignment ? { worker_id: assignment.worker_id, assigned_at: unixSeconds(assignment.assigned_ms) } : null,
    result: result ? { status: result.status, completed_at: unixSeconds(result.completed_ms), logs: result.logs } : null,
  };
}

/** The telemetry object of §7.1, or undefined before the worker's first heartbeat. */
export function telemetryObject(cluster: Cluster, worker: SimWorker) {
  const { telemetry } = worker;
  if (!telemetry) return undefined;
  return {
    worker_id: worker.record.worker_id,
    cpu_usage: telemetry.cpu_usage,
    memory_usage: telemetry.memory_usage,
    gpu_usage: telemetry.gpu_usage,
    running_tasks: telemetry.running_tasks,
    last_update: cluster.telemetrySeconds(telemetry.last_update_ms),
    is_active: cluster.isActive(worker),
  };
}

export function telemetryMap(cluster: Cluster, workers: Iterable<SimWorker>) {
  const map: Record<string, ReturnType<typeof telemetryObject>> = {};
  for (const worker of workers) {
    const object = telemetryObject(cluster, worker);
    if (object) map[worker.record.worker_id] = object;
  }
  return map;
}

export function workerListEntry(cluster: Cluster, worker: SimWorker) {
  const { record, telemetry } = worker;
  // Capacities reach the master with the worker's first connection; before that everything is 0.
  const total = telemetry ? record.capacity : { cpu: 0, memory: 0, storage: 0, gpu: 0 };
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
    last_heartbeat: record.last_heartbeat_ms ? unixSeconds(record.last_heartbeat_ms) : 0,
    registered_at: unixSeconds(record.registered_ms),
    cpu_usage: telemetry?.cpu_usage ?? 0,
    memory_usage: telemetry?.memory_usage ?? 0,
    gpu_usage: telemetry?.gpu_usage ?? 0,
    running_tasks_count: telemetry?.running_tasks.length ?? 0,
    ...(telemetry ? { last_update: cluster.telemetrySeconds(telemetry.last_update_ms) } : {}),
  };
}

export function workerDetail(cluster: Cluster, worker: SimWorker) {
  const telemetry = worker.telemetry!;
  const { record } = worker;
  return {
    worker_id: record.worker_id,
    is_active: cluster.isActive(worker),
    cpu_usage: telemetry.cpu_usage,
    memory_usage: telemetry.memory_usage,
    gpu_usage: telemetry.gpu_usage,
    last_update: cluster.telemetrySeconds(telemetry.last_update_ms),
    running_tasks: telemetry.running_tasks.length > 0 ? telemetry.running_tasks : null,
    worker_info: {
      worker_id: record.worker_id,
      worker_ip: record.worker_ip,
      total_cpu: record.capacity.cpu,
      total_memory: record.capacity.memory,
      total_storage: record.capacity.storage,
      total_gpu: record.capacity.gpu,
      registered_at: unixSeconds(record.registered_ms),
      last_heartbeat: unixSeconds(record.last_heartbeat_ms),
    },
  };
}
