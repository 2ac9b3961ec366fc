import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { PollState } from '../../../shared/streams/load-state';
import { Cancellation, withCancelShown } from './task-cancellation-model';
import { HeldRows, holdRowOrder } from './held-order';
import { toListQueryParams } from '../../../shared/list/list-query';
import { TASK_QUERY_SPEC, TaskQuery, TaskStatusFilter, pendingGroupOfFilter } from './task-query';
import { TaskRow, countPendingByGroup, countTasksByStatus, selectTasks } from './task-rows';
import { PendingGroup, PendingReason, pendingGroupOf } from './pending-reason';
import { PatchedRows } from './patched-rows';

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
      readonly rowsById: PatchedRows;
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
 * Which worker runs which task, and why pending tasks wait, change between two polls: with the page
 * made before from the same list, query and cancellations, only the rows whose worker or reason
 * changed are made again, in place, unless the list is sorted by worker or filtered by reason.
 */
export function toTasksPageVm(inputs: TasksPageInputs, previous?: MadeTasksPage): TasksPageVm {
  const { poll, runningOn, pendingReasons, query, intervalMs, cancelling } = inputs;
  const before = previous?.inputs;
  if (
    before &&
    previous.vm.kind === 'ready' &&
    before.poll === poll &&
    before.query === query &&
    before.cancelling === cancelling &&
    query.sort !== 'worker' &&
    (before.pendingReasons === pendingReasons || pendingGroupOfFilter(query.status) === null)
  ) {
    const patched = withRunningOn(previous.vm, before.runningOn, runningOn);
    return { ...withPendingReasons(patched, before.pendingReasons, pendingReasons), intervalMs };
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
    rowsById: PatchedRows.of(rows),
    counts: countTasksByStatus(tasks),
    pendingCounts: countPendingByGroup(rows),
    query,
    intervalMs,
    lastUpdated: poll.updatedAt,
    lastError: poll.refreshError ?? null,
  };
}

type ReadyVm = Extract<TasksPageVm, { kind: 'ready' }>;

/** `vm` with the workers of `runningOn` instead of `before`'s; the same rows, in the same order, for every other task. */
function withRunningOn(
  vm: ReadyVm,
  before: ReadonlyMap<string, string>,
  runningOn: ReadonlyMap<string, string>,
): ReadyVm {
  if (before === runningOn) return vm;
  return patchRows(vm, [...before.keys(), ...runningOn.keys()], (row) => {
    const workerId = runningOn.get(row.task.task_id) ?? null;
    return row.workerId === workerId ? row : { ...row, workerId };
  }).vm;
}

/**
 * `vm` with the rows of `taskIds` remade by `remake` (which returns the row itself when nothing
 * changed), in place, and the rows it replaced.
 */
function patchRows(
  vm: ReadyVm,
  taskIds: Iterable<string>,
  remake: (row: TaskRow) => TaskRow,
): { readonly vm: ReadyVm; readonly replaced: ReadonlyMap<string, TaskRow> } {
  const remade = new Map<string, TaskRow>();
  const replaced = new Map<string, TaskRow>();
  for (const taskId of taskIds) {
    const row = vm.rowsById.get(taskId);
    const made = row && remake(row);
    if (made && made !== row) {
      remade.set(taskId, made);
      replaced.set(taskId, row);
    }
  }
  if (remade.size === 0) return { vm, replaced };
  return {
    vm: { ...vm, rows: vm.rows.map((row) => remade.get(row.task.task_id) ?? row), rowsById: vm.rowsById.with(remade) },
    replaced,
  };
}

/** `vm` with the reasons of `reasons` instead of `before`'s, and their counts. */
function withPendingReasons(
  vm: ReadyVm,
  before: ReadonlyMap<string, PendingReason>,
  reasons: ReadonlyMap<string, PendingReason>,
): ReadyVm {
  if (before === reasons) return vm;
  const patched = patchRows(vm, [...before.keys(), ...reasons.keys()], (row) => {
    const pendingReason = row.task.status === 'pending' ? (reasons.get(row.task.task_id) ?? null) : null;
    return row.pendingReason === pendingReason ? row : { ...row, pendingReason };
  });
  if (patched.replaced.size === 0) return vm;
  // The counts move by the rows remade, rather than counted again over every row.
  const pendingCounts = { ...vm.pendingCounts };
  for (const [taskId, old] of patched.replaced) {
    if (old.pendingReason) pendingCounts[pendingGroupOf(old.pendingReason)] -= 1;
    const reason = patched.vm.rowsById.get(taskId)?.pendingReason;
    if (reason) pendingCounts[pendingGroupOf(reason)] += 1;
  }
  return { ...patched.vm, pendingCounts };
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
