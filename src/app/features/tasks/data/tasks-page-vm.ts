import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { PollState } from '../../../shared/streams/load-state';
import { Cancellation, withCancelShown } from './task-cancellation-model';
import { HeldRows, holdRowOrder } from './held-order';
import { toListQueryParams } from '../../../shared/list/list-query';
import { TASK_QUERY_SPEC, TaskQuery, TaskStatusFilter } from './task-query';
import { TaskRow, countTasksByStatus, selectTasks } from './task-rows';

/** Everything the task list page shows, in one of its states. */
export type TasksPageVm =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: string }
  /** The master runs without its database: it keeps no task list at all. Not an error to retry. */
  | { readonly kind: 'no-database' }
  | {
      readonly kind: 'ready';
      readonly rows: readonly TaskRow[];
      /** Every task's row by id, whatever the filter: rows held on screen show their latest data. */
      readonly rowsById: ReadonlyMap<string, TaskRow>;
      readonly counts: Readonly<Record<TaskStatusFilter, number>>;
      readonly query: TaskQuery;
      readonly intervalMs: number;
      readonly lastUpdated: number;
      readonly lastError: string | null;
    };

export interface TasksPageInputs {
  readonly poll: PollState<readonly TaskListEntry[]>;
  readonly runningOn: ReadonlyMap<string, string>;
  readonly query: TaskQuery;
  readonly intervalMs: number;
  readonly cancelling: ReadonlyMap<string, Cancellation>;
}

/** Sorting 10,000 tasks is the costly part, so the clock is not an input: it ticks beside the list. */
export function toTasksPageVm({ poll, runningOn, query, intervalMs, cancelling }: TasksPageInputs): TasksPageVm {
  if (poll.kind !== 'ready') {
    if (poll.kind !== 'error') return { kind: 'loading' };
    return poll.failure?.kind === 'no-database' ? { kind: 'no-database' } : { kind: 'error', message: poll.message };
  }
  const tasks = cancelling.size === 0 ? poll.data : poll.data.map((task) => withCancelShown(task, cancelling));
  const rows = tasks.map((task): TaskRow => ({
    task,
    workerId: runningOn.get(task.task_id) ?? null,
    cancelling: cancelling.has(task.task_id),
  }));
  return {
    kind: 'ready',
    rows: selectTasks(rows, query),
    rowsById: new Map(rows.map((row) => [row.task.task_id, row])),
    counts: countTasksByStatus(tasks),
    query,
    intervalMs,
    lastUpdated: poll.updatedAt,
    lastError: poll.refreshError ?? null,
  };
}

/** The list as shown: in the held order while the operator points at rows or has some selected. */
export interface ShownTasks extends HeldRows {
  readonly vm: TasksPageVm;
  /** The task ids in the order being held, `null` while rows follow the data. */
  readonly order: readonly string[] | null;
  /** A different query or an "apply" starts a new order. */
  readonly key: string;
}

export function toShownTasks(
  previous: ShownTasks | null,
  vm: TasksPageVm,
  holding: boolean,
  applied: number,
): ShownTasks {
  if (vm.kind !== 'ready') {
    return { vm, rows: [], order: null, key: '', waitingChanges: 0 };
  }
  const key = `${JSON.stringify(toListQueryParams(TASK_QUERY_SPEC, vm.query))}#${applied}`;
  if (!holding || previous?.order == null || previous.key !== key) {
    return {
      vm,
      rows: vm.rows,
      order: holding ? vm.rows.map((row) => row.task.task_id) : null,
      key,
      waitingChanges: 0,
    };
  }
  const held = holdRowOrder(previous.order, vm.rows, vm.rowsById);
  return { vm, ...held, order: previous.order, key };
}
