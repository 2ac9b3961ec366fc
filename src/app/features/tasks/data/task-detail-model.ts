import { TaskDetail, TaskFiles, TaskListEntry } from '../../../shared/cloudai/task.model';
import { LoadState } from '../../../shared/streams/load-state';

/** The list entry of one task, once the list has loaded (`entry` is undefined when the master does not list it). */
export interface ListedTask {
  readonly loaded: boolean;
  readonly entry: TaskListEntry | undefined;
  readonly listError: string | null;
  /** The master runs without its database, so it lists no task at all. */
  readonly noDatabase: boolean;
}

/**
 * `GET /api/tasks/{id}`: `idle` while the task is unfinished (the master gives no result yet),
 * `loading` with `retrying` while the master has stored no result yet or drops the request (asked
 * again meanwhile).
 */
export type DetailFetch = LoadState<TaskDetail>;

/**
 * A finished task's output files, `null` when it wrote none. `idle` with a `reason` when the
 * master cannot or will not list them and the dashboard did not ask; without one, not asked yet.
 */
export type FilesFetch = LoadState<TaskFiles | null>;
