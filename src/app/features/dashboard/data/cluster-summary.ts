import { LiveWorker, WorkerStatus } from '../../../core/realtime/live-worker';
import { KNOWN_TASK_STATUSES, KnownTaskStatus, TaskListEntry } from '../../../shared/cloudai/task.model';

export interface ResourceTotals {
  readonly total: number;
  readonly allocated: number;
}

export type TaskCounts = Readonly<Record<KnownTaskStatus | 'other' | 'total', number>>;

/** Headline counts of the cluster. Statuses the master stores beyond the five known ones count as `other`. */
export interface ClusterSummary {
  readonly workers: Readonly<Record<WorkerStatus | 'total', number>>;
  /** `null` when the master cannot list tasks (no database, say); `tasksProblem` says why. */
  readonly tasks: TaskCounts | null;
  readonly tasksProblem: string | null;
  /** Capacity and allocation summed over active workers, as the master schedules only on those. */
  readonly resources: Readonly<Record<'cpu' | 'memory' | 'storage' | 'gpu', ResourceTotals>>;
  /** Active workers left out of the sums because the master does not know their capacities. */
  readonly unknownCapacity: number;
}

/** `tasks` is the task list, or why there is none. */
export function toClusterSummary(
  workers: readonly LiveWorker[],
  tasks: readonly TaskListEntry[] | { readonly problem: string },
): ClusterSummary {
  const workerCounts = { total: workers.length, active: 0, stale: 0, inactive: 0 };
  for (const worker of workers) {
    workerCounts[worker.status] += 1;
  }
  const unknownCapacity = workers.filter((worker) => worker.status === 'active' && !worker.capacity).length;
  const listed = 'problem' in tasks ? null : tasks;
  return {
    workers: workerCounts,
    tasks: listed && countTasks(listed),
    tasksProblem: 'problem' in tasks ? tasks.problem : null,
    resources: sumResources(workers),
    unknownCapacity,
  };
}

/** The counts of each task list, kept: the summary is made again for every worker update, the list changes every poll. */
const taskCounts = new WeakMap<readonly TaskListEntry[], TaskCounts>();

function countTasks(tasks: readonly TaskListEntry[]): TaskCounts {
  let counts = taskCounts.get(tasks);
  if (!counts) {
    counts = countEachStatus(tasks);
    taskCounts.set(tasks, counts);
  }
  return counts;
}

function countEachStatus(tasks: readonly TaskListEntry[]): TaskCounts {
  const counts = { total: tasks.length, pending: 0, running: 0, completed: 0, failed: 0, cancelled: 0, other: 0 };
  for (const task of tasks) {
    const known = KNOWN_TASK_STATUSES.find((status) => status === task.status);
    counts[known ?? 'other'] += 1;
  }
  return counts;
}

function sumResources(workers: readonly LiveWorker[]): ClusterSummary['resources'] {
  const sums = {
    cpu: { total: 0, allocated: 0 },
    memory: { total: 0, allocated: 0 },
    storage: { total: 0, allocated: 0 },
    gpu: { total: 0, allocated: 0 },
  };
  for (const worker of workers) {
    if (worker.status !== 'active' || !worker.capacity) {
      continue;
    }
    for (const resource of ['cpu', 'memory', 'storage', 'gpu'] as const) {
      sums[resource].total += worker.capacity[resource];
      sums[resource].allocated += worker.allocated?.[resource] ?? 0;
    }
  }
  return sums;
}
