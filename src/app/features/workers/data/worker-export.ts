import { LiveWorker } from '../../../core/realtime/live-worker';
import { ExportRecord } from '../../../shared/export/export-file';

/** The columns of an exported worker list, in order. */
export const WORKER_EXPORT_FIELDS = [
  'worker_id',
  'address',
  'status',
  'cpu_usage_percent',
  'memory_usage_percent',
  'gpu_usage_percent',
  'cpu_cores',
  'cpu_allocated',
  'memory_gb',
  'memory_allocated_gb',
  'storage_gb',
  'storage_allocated_gb',
  'gpus',
  'gpus_allocated',
  'running_tasks',
  'last_heartbeat_utc',
  'registered_at_utc',
] as const;

const utc = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** One exported worker as the page shows it: unknown capacities empty, not 0; times in UTC. */
export function workerExportRecord(worker: LiveWorker): ExportRecord {
  const { capacity, allocated } = worker;
  return {
    worker_id: worker.id,
    address: worker.address,
    status: worker.status,
    cpu_usage_percent: worker.cpuUsage,
    memory_usage_percent: worker.memoryUsage,
    gpu_usage_percent: worker.gpuUsage,
    cpu_cores: capacity?.cpu ?? null,
    cpu_allocated: allocated?.cpu ?? null,
    memory_gb: capacity?.memory ?? null,
    memory_allocated_gb: allocated?.memory ?? null,
    storage_gb: capacity?.storage ?? null,
    storage_allocated_gb: allocated?.storage ?? null,
    gpus: capacity?.gpu ?? null,
    gpus_allocated: allocated?.gpu ?? null,
    running_tasks: worker.runningTaskCount,
    last_heartbeat_utc: utc(worker.lastHeartbeat),
    registered_at_utc: utc(worker.registeredAt),
  };
}
