import { WorkerStatus } from '../../../core/realtime/live-worker';

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
export type SortDirection = 'asc' | 'desc';
export const WORKER_STATUS_FILTERS = ['all', 'active', 'stale', 'inactive'] as const;
export type WorkerStatusFilter = 'all' | WorkerStatus;

/** How the workers list is sorted and filtered; lives in the URL so it can be shared and Back/Forward works. */
export interface WorkerQuery {
  readonly sort: WorkerSortKey;
  readonly direction: SortDirection;
  readonly status: WorkerStatusFilter;
  readonly text: string;
}

export const DEFAULT_WORKER_QUERY: WorkerQuery = { sort: 'id', direction: 'asc', status: 'all', text: '' };

/** Reads the query from URL parameters; anything unknown falls back to the default. */
export function toWorkerQuery(params: { get(name: string): string | null }): WorkerQuery {
  const sort = WORKER_SORT_KEYS.find((key) => key === params.get('sort')) ?? DEFAULT_WORKER_QUERY.sort;
  const direction = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const status = WORKER_STATUS_FILTERS.find((filter) => filter === params.get('status')) ?? 'all';
  return { sort, direction, status, text: (params.get('q') ?? '').slice(0, 200) };
}

/** URL parameters for a query; defaults are left out (`null` removes them) to keep links short. */
export function toQueryParams(query: WorkerQuery): Record<string, string | null> {
  return {
    sort: query.sort === DEFAULT_WORKER_QUERY.sort ? null : query.sort,
    dir: query.direction === 'asc' ? null : 'desc',
    status: query.status === 'all' ? null : query.status,
    q: query.text.trim() === '' ? null : query.text,
  };
}

/** Clicking the current sort column flips its direction; a new column starts ascending (descending for figures). */
export function nextSort(query: WorkerQuery, key: WorkerSortKey): WorkerQuery {
  if (query.sort === key) {
    return { ...query, direction: query.direction === 'asc' ? 'desc' : 'asc' };
  }
  const textual = key === 'id' || key === 'address' || key === 'status';
  return { ...query, sort: key, direction: textual ? 'asc' : 'desc' };
}
