import { ExportRecord } from '../../../shared/export/export-file';
import { describePendingReason } from './pending-reason';
import { TaskRow } from './task-rows';

/** The columns of an exported task list, in order: the master's fields, then what the dashboard adds. */
export const TASK_EXPORT_FIELDS = [
  'task_id',
  'status',
  'docker_image',
  'command',
  'tag',
  'k_value',
  'user_id',
  'cpu_required',
  'memory_required_gb',
  'storage_required_gb',
  'gpu_required',
  'created_at_utc',
  'worker_id',
  'why_pending',
] as const;

/** One exported task: as the master lists it (times in UTC), with its worker and why it waits. */
export function taskExportRecord({ task, workerId, pendingReason }: TaskRow): ExportRecord {
  return {
    task_id: task.task_id,
    status: task.status,
    docker_image: task.docker_image,
    command: task.command,
    tag: task.tag,
    k_value: task.k_value,
    user_id: task.user_id,
    cpu_required: task.cpu_required,
    memory_required_gb: task.memory_required,
    storage_required_gb: task.storage_required,
    gpu_required: task.gpu_required,
    created_at_utc: new Date(task.created_at * 1000).toISOString(),
    worker_id: workerId,
    why_pending: pendingReason ? describePendingReason(pendingReason) : null,
  };
}
