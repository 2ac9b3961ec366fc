import { KNOWN_TASK_STATUSES, KnownTaskStatus } from '../../../shared/cloudai/task.model';
import { ListQuery, ListQuerySpec } from '../../../shared/list/list-query';
import { PENDING_GROUPS, PendingGroup } from './pending-reason';

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

/** Pending tasks for one kind of reason (see `PendingReason`), such as `pending-never`. */
export type PendingFilter = `pending-${PendingGroup}`;
export const PENDING_FILTERS: readonly PendingFilter[] = PENDING_GROUPS.map((group) => `pending-${group}` as const);
export type TaskFilter = TaskStatusFilter | PendingFilter;

/** The reason group a filter asks for, or `null` for a status filter. */
export function pendingGroupOfFilter(filter: TaskFilter): PendingGroup | null {
  return PENDING_GROUPS.find((group) => filter === `pending-${group}`) ?? null;
}

/** The status a filter belongs to: `pending` for every reason group. */
export function statusOfFilter(filter: TaskFilter): TaskStatusFilter {
  return pendingGroupOfFilter(filter) ? 'pending' : (filter as TaskStatusFilter);
}

/** How the task list is sorted and filtered, in the URL. */
export type TaskQuery = ListQuery<TaskSortKey, TaskFilter>;

/** Newest first: what an operator looks at. Dates and figures start with the largest. */
export const TASK_QUERY_SPEC: ListQuerySpec<TaskSortKey, TaskFilter> = {
  sortKeys: TASK_SORT_KEYS,
  filters: [...TASK_STATUS_FILTERS, ...PENDING_FILTERS],
  defaults: { sort: 'created', direction: 'desc', status: 'all', text: '' },
  descendingFirst: ['created', 'k', 'cpu', 'memory', 'gpu', 'storage'],
};

export const DEFAULT_TASK_QUERY: TaskQuery = TASK_QUERY_SPEC.defaults;
