import { LiveWorker, WorkerStatus } from '../../../core/realtime/live-worker';
import { WorkerQuery, WorkerSortKey } from './worker-query';

const STATUS_ORDER: Record<WorkerStatus, number> = { active: 0, stale: 1, inactive: 2 };

type SortValue = string | number | null;

const SORT_VALUE: Record<WorkerSortKey, (worker: LiveWorker) => SortValue> = {
  id: (worker) => worker.id,
  address: (worker) => worker.address,
  status: (worker) => STATUS_ORDER[worker.status],
  cpu: (worker) => worker.cpuUsage,
  memory: (worker) => worker.memoryUsage,
  gpu: (worker) => worker.gpuUsage,
  cpuAllocated: (worker) => worker.allocated?.cpu ?? null,
  memoryAllocated: (worker) => worker.allocated?.memory ?? null,
  gpuAllocated: (worker) => worker.allocated?.gpu ?? null,
  storageAllocated: (worker) => worker.allocated?.storage ?? null,
  tasks: (worker) => worker.runningTaskCount,
  heartbeat: (worker) => worker.lastHeartbeat,
};

/** The workers the query selects, in its order; ties by id, unknown values last either way. */
export function selectWorkers(workers: readonly LiveWorker[], query: WorkerQuery): readonly LiveWorker[] {
  const text = query.text.trim().toLowerCase();
  const selected = workers.filter(
    (worker) =>
      (query.status === 'all' || worker.status === query.status) &&
      (text === '' || worker.id.toLowerCase().includes(text) || (worker.address ?? '').toLowerCase().includes(text)),
  );
  const value = SORT_VALUE[query.sort];
  const sign = query.direction === 'asc' ? 1 : -1;
  return selected.sort((a, b) => {
    const order = compare(value(a), value(b), sign);
    return order !== 0 ? order : a.id.localeCompare(b.id);
  });
}

function compare(a: SortValue, b: SortValue, sign: number): number {
  if (a === b) {
    return 0;
  }
  if (a === null) {
    return 1;
  }
  if (b === null) {
    return -1;
  }
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  return sign * order;
}

/** How many workers have each status, for the filter chips. */
export function countByStatus(workers: readonly LiveWorker[]): Record<'all' | WorkerStatus, number> {
  const counts = { all: workers.length, active: 0, stale: 0, inactive: 0 };
  for (const worker of workers) {
    counts[worker.status] += 1;
  }
  return counts;
}
