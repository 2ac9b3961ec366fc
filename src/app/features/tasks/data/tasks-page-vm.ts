import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { PollState } from '../../../shared/streams/smart-poll';
import { TaskQuery, TaskStatusFilter } from './task-query';
import { TaskRow, countTasksByStatus, selectTasks } from './task-rows';

/** Everything the task list page shows, in one of its states. */
export type TasksPageVm =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly message: string }
  | {
      readonly state: 'ready';
      readonly rows: readonly TaskRow[];
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
}

/** Sorting 10,000 tasks is the costly part, so the clock is not an input: it ticks beside the list. */
export function toTasksPageVm({ poll, runningOn, query, intervalMs }: TasksPageInputs): TasksPageVm {
  if (poll.data === undefined || poll.lastUpdated === null) {
    return poll.lastError ? { state: 'error', message: poll.lastError } : { state: 'loading' };
  }
  const rows = poll.data.map((task): TaskRow => ({ task, workerId: runningOn.get(task.task_id) ?? null }));
  return {
    state: 'ready',
    rows: selectTasks(rows, query),
    counts: countTasksByStatus(poll.data),
    query,
    intervalMs,
    lastUpdated: poll.lastUpdated,
    lastError: poll.lastError,
  };
}
