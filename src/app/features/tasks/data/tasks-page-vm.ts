import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { PollState } from '../../../shared/streams/load-state';
import { Cancellation, withCancelShown } from './task-cancellation-model';
import { HeldRows, holdRowOrder } from './held-order';
import { toListQueryParams } from '../../../shared/list/list-query';
import { TASK_QUERY_SPEC, TaskQuery, TaskStatusFilter } from './task-query';
import { TaskRow, countPendingByGroup, countTasksByStatus, selectTasks } from './task-rows';
import { PendingGroup, PendingReason } from './pending-reason';

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
      readonly pendingCounts: Readonly<Record<PendingGroup, number>>;
      readonly query: TaskQuery;
      readonly intervalMs: number;
      readonly lastUpdated: number;
      readonly lastError: string | null;
    };

export interface TasksPageInputs {
  readonly poll: PollState<readonly TaskListEntry[]>;
  readonly runningOn: ReadonlyMap<string, string>;
  readonly pendingReasons: ReadonlyMap<string, PendingReason>;
  readonly query: TaskQuery;
  readonly intervalMs: number;
  readonly cancelling: ReadonlyMap<string, Cancellation>;
}

/** The page made from these inputs, so the next one can be made from what changed. */
export interface MadeTasksPage {
  readonly inputs: TasksPageInputs;
  readonly vm: TasksPageVm;
}

/**
 * Sorting 10,000 tasks is the costly part, so the clock is not an input: it ticks beside the list.
 * Which worker runs which task changes about once a second, between two polls: with the page made
 * before from the same list, query and cancellations, only the rows whose worker changed are made
 * again, in place, unless the list is sorted by worker.
 */
export function toTasksPageVm(inputs: TasksPageInputs, previous?: MadeTasksPage): TasksPageVm {
  const { poll, runningOn, pendingReasons, query, intervalMs, cancelling } = inputs;
  const before = previous?.inputs;
  if (
    before &&
    previous.vm.kind === 'ready' &&
    before.poll === poll &&
    before.pendingReasons === pendingReasons &&
    before.query === query &&
    before.cancelling === cancelling &&
    query.sort !== 'worker'
  ) {
    return { ...withRunningOn(previous.vm, before.runningOn, runningOn), intervalMs };
  }
  if (poll.kind !== 'ready') {
    if (poll.kind !== 'error') return { kind: 'loading' };
    return poll.failure?.kind === 'no-database' ? { kind: 'no-database' } : { kind: 'error', message: poll.message };
  }
  const tasks = cancelling.size === 0 ? poll.data : poll.data.map((task) => withCancelShown(task, cancelling));
  const rows = tasks.map((task): TaskRow => ({
    task,
    workerId: runningOn.get(task.task_id) ?? null,
    cancelling: cancelling.has(task.task_id),
    pendingReason: task.status === 'pending' ? (pendingReasons.get(task.task_id) ?? null) : null,
  }));
  return {
    kind: 'ready',
    rows: selectTasks(rows, query),
    rowsById: new Map(rows.map((row) => [row.task.task_id, row])),
    counts: countTasksByStatus(tasks),
    pendingCounts: countPendingByGroup(rows),
    query,
    intervalMs,
    lastUpdated: poll.updatedAt,
    lastError: poll.refreshError ?? null,
  };
}

/** `vm` with the workers of `runningOn` instead of `before`'s; the same rows, in the same order, for every other task. */
function withRunningOn(
  vm: Extract<TasksPageVm, { kind: 'ready' }>,
  before: ReadonlyMap<string, string>,
  runningOn: ReadonlyMap<string, string>,
): Extract<TasksPageVm, { kind: 'ready' }> {
  if (before === runningOn) return vm;
  const changed = new Map<string, TaskRow>();
  const update = (taskId: string) => {
    const row = vm.rowsById.get(taskId);
    const workerId = runningOn.get(taskId) ?? null;
    if (row && row.workerId !== workerId) changed.set(taskId, { ...row, workerId });
  };
  for (const taskId of before.keys()) update(taskId);
  for (const taskId of runningOn.keys()) update(taskId);
  if (changed.size === 0) return vm;
  const rowsById = new Map(vm.rowsById);
  for (const [taskId, row] of changed) rowsById.set(taskId, row);
  return { ...vm, rows: vm.rows.map((row) => changed.get(row.task.task_id) ?? row), rowsById };
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
