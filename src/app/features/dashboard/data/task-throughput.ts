import { TaskListEntry } from '../../../shared/cloudai/task.model';

/** Tasks seen finishing, per minute, as the dashboard observed them. */
export interface ThroughputBucket {
  /** Start of the minute, epoch ms. */
  readonly minute: number;
  readonly completed: number;
  readonly failed: number;
}

export interface TaskThroughput {
  /** Status of every task at the previous poll, to spot transitions. `null` before the first poll. */
  readonly statuses: ReadonlyMap<string, string> | null;
  /** Oldest first; at most `windowMinutes` minutes. */
  readonly buckets: readonly ThroughputBucket[];
}

export const NO_THROUGHPUT: TaskThroughput = { statuses: null, buckets: [] };

const MINUTE = 60_000;

/**
 * Counts tasks that turned `completed` or `failed` between two polls into the minute of the later
 * poll. The list carries no completion time, so tasks already finished at the first poll are not
 * counted: the chart covers what happened while the dashboard watched.
 */
export function trackThroughput(
  previous: TaskThroughput,
  tasks: readonly TaskListEntry[],
  polledAt: number,
  windowMinutes = 30,
): TaskThroughput {
  const statuses = new Map(tasks.map((task) => [task.task_id, task.status]));
  const minute = Math.floor(polledAt / MINUTE) * MINUTE;
  let completed = 0;
  let failed = 0;
  if (previous.statuses) {
    for (const task of tasks) {
      const before = previous.statuses.get(task.task_id);
      if (before === task.status) {
        continue;
      }
      if (task.status === 'completed') {
        completed += 1;
      } else if (task.status === 'failed') {
        failed += 1;
      }
    }
  }
  const oldest = minute - (windowMinutes - 1) * MINUTE;
  const kept = previous.buckets.filter((bucket) => bucket.minute >= oldest && bucket.minute !== minute);
  const current = previous.buckets.find((bucket) => bucket.minute === minute) ?? { minute, completed: 0, failed: 0 };
  const buckets = [...kept, { minute, completed: current.completed + completed, failed: current.failed + failed }];
  return { statuses, buckets };
}
