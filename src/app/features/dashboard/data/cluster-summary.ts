import { KNOWN_TASK_STATUSES, KnownTaskStatus, TaskListEntry } from '../../../shared/cloudai/task.model';
import { WorkerListEntry } from '../../../shared/cloudai/worker.model';

/** Headline counts of the cluster. Statuses the master stores beyond the five known ones count as `other`. */
export interface ClusterSummary {
  readonly workers: { readonly total: number; readonly active: number };
  readonly tasks: Readonly<Record<KnownTaskStatus | 'other' | 'total', number>>;
}

export function toClusterSummary(workers: readonly WorkerListEntry[], tasks: readonly TaskListEntry[]): ClusterSummary {
  const taskCounts = { total: tasks.length, pending: 0, running: 0, completed: 0, failed: 0, cancelled: 0, other: 0 };
  for (const task of tasks) {
    const known = KNOWN_TASK_STATUSES.find((status) => status === task.status);
    taskCounts[known ?? 'other'] += 1;
  }
  return {
    workers: { total: workers.length, active: workers.filter((worker) => worker.is_active).length },
    tasks: taskCounts,
  };
}
