import { LiveWorker, WorkerStatus, positionsToCompare } from '../../../core/realtime/live-worker';
import { compareText } from '../../../shared/list/compare-text';
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

/** A query's workers, with what they were selected from, so the next selection can reuse the order. */
export interface WorkerSelection {
  readonly from: readonly LiveWorker[];
  readonly query: WorkerQuery;
  readonly workers: readonly LiveWorker[];
  /** Where each selected worker is in `workers`. */
  readonly positions: ReadonlyMap<string, number>;
  /** How many of all the workers (selected or not) have each status. */
  readonly counts: StatusCounts;
}

export type StatusCounts = Readonly<Record<'all' | WorkerStatus, number>>;

/**
 * The workers the query selects, in its order; ties by id, unknown values last either way. Given
 * the previous selection, and the same query over the same ids in the same order (the live list
 * keeps its order while no worker joins or leaves), a worker whose update leaves it in or out of
 * the selection and leaves its sort value as it was only takes its own place again: most updates
 * (a heartbeat while sorted by id, say) cost a comparison per worker instead of a sort.
 */
export function selectWorkers(
  workers: readonly LiveWorker[],
  query: WorkerQuery,
  previous?: WorkerSelection,
): WorkerSelection {
  return (previous && reselect(workers, query, previous)) ?? select(workers, query);
}

function select(workers: readonly LiveWorker[], query: WorkerQuery): WorkerSelection {
  const selects = selector(query);
  const value = SORT_VALUE[query.sort];
  const sign = query.direction === 'asc' ? 1 : -1;
  const selected = workers.filter(selects).sort((a, b) => compare(value(a), value(b), sign) || compareText(a.id, b.id));
  return {
    from: workers,
    query,
    workers: selected,
    positions: new Map(selected.map((worker, index) => [worker.id, index])),
    counts: countByStatus(workers),
  };
}

/** The previous selection with the changed workers in their places; `null` when the order may have changed. */
function reselect(
  workers: readonly LiveWorker[],
  query: WorkerQuery,
  previous: WorkerSelection,
): WorkerSelection | null {
  if (!sameQuery(previous.query, query) || previous.from.length !== workers.length) return null;
  const selects = selector(query);
  const value = SORT_VALUE[query.sort];
  let next: LiveWorker[] | null = null;
  let counts: Record<'all' | WorkerStatus, number> | null = null;
  for (const index of positionsToCompare(previous.from, workers)) {
    const before = previous.from[index];
    const after = workers[index];
    if (before === after) continue;
    if (before.id !== after.id || value(before) !== value(after)) return null;
    const selected = selects(after);
    if (selected !== selects(before)) return null;
    if (selected) {
      next ??= [...previous.workers];
      next[previous.positions.get(after.id)!] = after;
    }
    if (before.status !== after.status) {
      counts ??= { ...previous.counts };
      counts[before.status] -= 1;
      counts[after.status] += 1;
    }
  }
  return {
    from: workers,
    query,
    workers: next ?? previous.workers,
    positions: previous.positions,
    counts: counts ?? previous.counts,
  };
}

function selector(query: WorkerQuery): (worker: LiveWorker) => boolean {
  const text = query.text.trim().toLowerCase();
  return (worker) =>
    (query.status === 'all' || worker.status === query.status) &&
    (text === '' || worker.id.toLowerCase().includes(text) || (worker.address ?? '').toLowerCase().includes(text));
}

function sameQuery(a: WorkerQuery, b: WorkerQuery): boolean {
  return a === b || (a.sort === b.sort && a.direction === b.direction && a.status === b.status && a.text === b.text);
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
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : compareText(String(a), String(b));
  return sign * order;
}

/** How many workers have each status, for the filter chips. */
export function countByStatus(workers: readonly LiveWorker[]): StatusCounts {
  const counts = { all: workers.length, active: 0, stale: 0, inactive: 0 };
  for (const worker of workers) {
    counts[worker.status] += 1;
  }
  return counts;
}
