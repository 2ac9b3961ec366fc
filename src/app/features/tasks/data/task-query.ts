import { KNOWN_TASK_STATUSES, KnownTaskStatus } from '../../../shared/cloudai/task.model';
import { ListQuery, ListQuerySpec } from '../../../shared/list/list-query';

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

/** How the task list is sorted and filtered, in the URL. */
export type TaskQuery = ListQuery<TaskSortKey, TaskStatusFilter>;

/** Newest first: what an operator looks at. Dates and figures start with the largest. */
export const TASK_QUERY_SPEC: ListQuerySpec<TaskSortKey, TaskStatusFilter> = {
  sortKeys: TASK_SORT_KEYS,
  filters: TASK_STATUS_FILTERS,
  defaults: { sort: 'created', direction: 'desc', status: 'all', text: '' },
  descendingFirst: ['created', 'k', 'cpu', 'memory', 'gpu', 'storage'],
};

export const DEFAULT_TASK_QUERY: TaskQuery = TASK_QUERY_SPEC.defaults;
