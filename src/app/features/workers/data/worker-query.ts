import { WorkerStatus } from '../../../core/realtime/live-worker';
import { ListQuery, ListQuerySpec } from '../../../shared/list/list-query';

export const WORKER_SORT_KEYS = [
  'id',
  'address',
  'status',
  'cpu',
  'memory',
  'gpu',
  'cpuAllocated',
  'memoryAllocated',
  'gpuAllocated',
  'storageAllocated',
  'tasks',
  'heartbeat',
] as const;
export type WorkerSortKey = (typeof WORKER_SORT_KEYS)[number];
export const WORKER_STATUS_FILTERS = ['all', 'active', 'stale', 'inactive'] as const;
export type WorkerStatusFilter = 'all' | WorkerStatus;

/** How the workers list is sorted and filtered, in the URL. */
export type WorkerQuery = ListQuery<WorkerSortKey, WorkerStatusFilter>;

/** By id; figures start with the largest, names and the status alphabetically. */
export const WORKER_QUERY_SPEC: ListQuerySpec<WorkerSortKey, WorkerStatusFilter> = {
  sortKeys: WORKER_SORT_KEYS,
  filters: WORKER_STATUS_FILTERS,
  defaults: { sort: 'id', direction: 'asc', status: 'all', text: '' },
  descendingFirst: WORKER_SORT_KEYS.filter((key) => key !== 'id' && key !== 'address' && key !== 'status'),
};

export const DEFAULT_WORKER_QUERY: WorkerQuery = WORKER_QUERY_SPEC.defaults;
