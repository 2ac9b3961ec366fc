import { KNOWN_TASK_STATUSES, KnownTaskStatus } from '../../../shared/cloudai/task.model';

export const TASK_SORT_KEYS = [
  'created',
  'id',
  'image',
  'command',
  'tag',
  'k',
  'status',
  'cpu',
  'memory',
  'gpu',
  'storage',
  'worker',
] as const;
export type TaskSortKey = (typeof TASK_SORT_KEYS)[number];
export const TASK_STATUS_FILTERS = ['all', ...KNOWN_TASK_STATUSES, 'other'] as const;
/** A stored status, or `other` for anything beyond the five the master normally stores. */
export type TaskStatusFilter = 'all' | KnownTaskStatus | 'other';

/** How the task list is sorted and filtered; lives in the URL so it can be shared and Back/Forward works. */
export interface TaskQuery {
  readonly sort: TaskSortKey;
  readonly direction: 'asc' | 'desc';
  readonly status: TaskStatusFilter;
  readonly text: string;
}

/** Newest first: what an operator looks at. */
export const DEFAULT_TASK_QUERY: TaskQuery = { sort: 'created', direction: 'desc', status: 'all', text: '' };

export function toTaskQuery(params: { get(name: string): string | null }): TaskQuery {
  const sort = TASK_SORT_KEYS.find((key) => key === params.get('sort')) ?? DEFAULT_TASK_QUERY.sort;
  const dir = params.get('dir');
  const direction = dir === 'asc' || dir === 'desc' ? dir : sort === DEFAULT_TASK_QUERY.sort ? 'desc' : 'asc';
  const status = TASK_STATUS_FILTERS.find((filter) => filter === params.get('status')) ?? 'all';
  return { sort, direction, status, text: (params.get('q') ?? '').slice(0, 200) };
}

export function toTaskQueryParams(query: TaskQuery): Record<string, string | null> {
  const isDefaultOrder = query.sort === DEFAULT_TASK_QUERY.sort && query.direction === DEFAULT_TASK_QUERY.direction;
  return {
    sort: isDefaultOrder ? null : query.sort,
    dir: isDefaultOrder ? null : query.direction,
    status: query.status === 'all' ? null : query.status,
    q: query.text.trim() === '' ? null : query.text,
  };
}

/** The current column flips direction; a new column starts ascending, dates and figures descending. */
export function nextTaskSort(query: TaskQuery, key: TaskSortKey): TaskQuery {
  if (query.sort === key) {
    return { ...query, direction: query.direction === 'asc' ? 'desc' : 'asc' };
  }
  const descending = ['created', 'k', 'cpu', 'memory', 'gpu', 'storage'].includes(key);
  return { ...query, sort: key, direction: descending ? 'desc' : 'asc' };
}
