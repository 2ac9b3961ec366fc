import { dequal } from 'dequal';
import { TaskListEntry } from '../../shared/cloudai/task.model';

/**
 * How a task list changed since the last one a tab has: the tasks that are new or different, and
 * the order of every task id when it changed (`null`: the same ids in the same order). What the
 * data worker sends instead of 10,000 tasks on every poll.
 */
export interface TaskListDelta {
  /** The whole list: what a tab that has nothing (or has just started reading) must wait for. */
  readonly full: boolean;
  readonly ids: readonly string[] | null;
  readonly changed: readonly TaskListEntry[];
}

/** Everything, for a tab that has nothing yet. */
export function fullTaskList(tasks: readonly TaskListEntry[]): TaskListDelta {
  return { full: true, ids: tasks.map((task) => task.task_id), changed: tasks };
}

/** The delta from `previous` (what the tab has) to `next`. */
export function diffTaskList(previous: readonly TaskListEntry[], next: readonly TaskListEntry[]): TaskListDelta {
  if (previous === next) return { full: false, ids: null, changed: [] };
  const before = new Map(previous.map((task) => [task.task_id, task]));
  const changed = next.filter((task) => {
    const old = before.get(task.task_id);
    return old === undefined || !dequal(old, task);
  });
  const sameOrder =
    previous.length === next.length && next.every((task, index) => previous[index].task_id === task.task_id);
  return { full: false, ids: sameOrder ? null : next.map((task) => task.task_id), changed };
}

/**
 * `previous` with a delta applied. Unchanged tasks keep their objects, and a delta that changes
 * nothing returns `previous` itself, so readers see new references only for real changes.
 */
export function applyTaskListDelta(
  previous: readonly TaskListEntry[] | undefined,
  delta: TaskListDelta,
): readonly TaskListEntry[] {
  if (previous !== undefined && delta.ids === null && delta.changed.length === 0) return previous;
  const byId = new Map((previous ?? []).map((task) => [task.task_id, task]));
  for (const task of delta.changed) byId.set(task.task_id, task);
  const ids = delta.ids ?? (previous ?? []).map((task) => task.task_id);
  return ids.flatMap((id) => {
    const task = byId.get(id);
    return task === undefined ? [] : [task];
  });
}
