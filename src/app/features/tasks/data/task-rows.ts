import { KNOWN_TASK_STATUSES, TaskListEntry } from '../../../shared/cloudai/task.model';
import { compareText } from '../../../shared/list/compare-text';
import { PENDING_GROUPS, PendingGroup, PendingReason, pendingGroupOf } from './pending-reason';
import { TaskFilter, TaskQuery, TaskSortKey, TaskStatusFilter, pendingGroupOfFilter } from './task-query';

/** A task as a row of the list: the master's entry and, when telemetry knows it, the worker running it. */
export interface TaskRow {
  /** The master's entry, with `cancelled` shown at once while a cancel is unconfirmed. */
  readonly task: TaskListEntry;
  readonly workerId: string | null;
  /** A cancel was sent and the master's list does not show it yet. */
  readonly cancelling: boolean;
  /** Why a pending task has not started; `null` for other statuses, or while the workers are unknown. */
  readonly pendingReason: PendingReason | null;
}

const STATUS_ORDER: Record<string, number> = { running: 0, pending: 1, failed: 2, cancelled: 3, completed: 4 };

const SORT_VALUE: Record<TaskSortKey, (row: TaskRow) => string | number | null> = {
  created: (row) => row.task.created_at,
  id: (row) => row.task.task_id,
  image: (row) => row.task.docker_image,
  command: (row) => row.task.command,
  tag: (row) => row.task.tag,
  k: (row) => row.task.k_value,
  status: (row) => STATUS_ORDER[row.task.status] ?? 5,
  cpu: (row) => row.task.cpu_required,
  memory: (row) => row.task.memory_required,
  gpu: (row) => row.task.gpu_required,
  storage: (row) => row.task.storage_required,
  worker: (row) => row.workerId,
};

export function statusFilterOf(status: string): TaskStatusFilter {
  return KNOWN_TASK_STATUSES.find((known) => known === status) ?? 'other';
}

/** The rows the query selects, in its order; ties by id, unknown values last. */
export function selectTasks(rows: readonly TaskRow[], query: TaskQuery): readonly TaskRow[] {
  const text = query.text.trim().toLowerCase();
  const matchesFilter = filterMatcher(query.status);
  const selected = rows.filter(
    (row) =>
      matchesFilter(row) &&
      (text === '' ||
        [row.task.task_id, row.task.docker_image, row.task.tag, row.task.command].some((field) =>
          field.toLowerCase().includes(text),
        )),
  );
  const value = SORT_VALUE[query.sort];
  const sign = query.direction === 'asc' ? 1 : -1;
  return selected.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x !== y) {
      if (x === null || x === '') return 1;
      if (y === null || y === '') return -1;
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y)));
    }
    return compareText(a.task.task_id, b.task.task_id);
  });
}

function filterMatcher(filter: TaskFilter): (row: TaskRow) => boolean {
  if (filter === 'all') return () => true;
  const group = pendingGroupOfFilter(filter);
  if (group) return (row) => row.pendingReason !== null && pendingGroupOf(row.pendingReason) === group;
  return (row) => statusFilterOf(row.task.status) === filter;
}

/** How many pending tasks have each kind of reason, for the chips. */
export function countPendingByGroup(rows: Iterable<TaskRow>): Record<PendingGroup, number> {
  const counts = Object.fromEntries(PENDING_GROUPS.map((group) => [group, 0])) as Record<PendingGroup, number>;
  for (const row of rows) {
    if (row.pendingReason) counts[pendingGroupOf(row.pendingReason)] += 1;
  }
  return counts;
}

/** How many tasks have each status filter, for the chips. */
export function countTasksByStatus(tasks: readonly TaskListEntry[]): Record<TaskStatusFilter, number> {
  const counts: Record<TaskStatusFilter, number> = {
    all: tasks.length,
    pending: 0,
    running: 0,
    completed: 0,
    failed: 0,
    cancelled: 0,
    other: 0,
  };
  for (const task of tasks) {
    counts[statusFilterOf(task.status)] += 1;
  }
  return counts;
}
