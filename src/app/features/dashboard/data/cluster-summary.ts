import { LiveWorker, WorkerStatus, positionsToCompare } from '../../../core/realtime/live-worker';
import { KNOWN_TASK_STATUSES, KnownTaskStatus, TaskListEntry } from '../../../shared/cloudai/task.model';
import { oncePerObject } from '../../../shared/state/once-per-object';

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
  const part = workerPartOf(workers);
  const listed = 'problem' in tasks ? null : tasks;
  return {
    workers: part.counts,
    tasks: listed && countTasks(listed),
    tasksProblem: 'problem' in tasks ? tasks.problem : null,
    resources: toResourceTotals(part.milli),
    unknownCapacity: part.unknownCapacity,
  };
}

/** The workers' share of the summary. Resource amounts in thousandths, so that sums kept up to date by adding and subtracting stay exact. */
interface WorkerPart {
  readonly counts: ClusterSummary['workers'];
  readonly milli: Readonly<Record<Resource, ResourceTotals>>;
  readonly unknownCapacity: number;
}

type Resource = 'cpu' | 'memory' | 'storage' | 'gpu';
const RESOURCES: readonly Resource[] = ['cpu', 'memory', 'storage', 'gpu'];

/** The list summarised last, and its part: the next list is usually the same workers with a few changed. */
let lastSummarized: { readonly workers: readonly LiveWorker[]; readonly part: WorkerPart } | null = null;

/**
 * The workers' counts and sums. The summary is made again for every telemetry digest, twenty times a
 * second, and a digest changes a few workers: from the list summarised last, when it holds the same
 * workers in the same order, only the workers whose objects changed are taken out and put back in.
 */
function workerPartOf(workers: readonly LiveWorker[]): WorkerPart {
  const last = lastSummarized;
  let part: WorkerPart | null = null;
  if (last?.workers === workers) part = last.part;
  else if (last && last.workers.length === workers.length) part = updatedPart(last.workers, last.part, workers);
  part ??= summarize(workers);
  lastSummarized = { workers, part };
  return part;
}

function summarize(workers: readonly LiveWorker[]): WorkerPart {
  const part = emptyPart();
  for (const worker of workers) addWorker(part, worker, 1);
  return part;
}

/** `part` (of `before`) changed to `after`'s, or `null` when `after` is not the same workers in the same order. */
function updatedPart(before: readonly LiveWorker[], part: WorkerPart, after: readonly LiveWorker[]): WorkerPart | null {
  const next = copyPart(part);
  for (const index of positionsToCompare(before, after)) {
    const old = before[index];
    const now = after[index];
    if (old === now) continue;
    if (old.id !== now.id) return null;
    addWorker(next, old, -1);
    addWorker(next, now, 1);
  }
  return next;
}

interface MutablePart {
  counts: Record<WorkerStatus | 'total', number>;
  milli: Record<Resource, { total: number; allocated: number }>;
  unknownCapacity: number;
}

function emptyPart(): MutablePart {
  return {
    counts: { total: 0, active: 0, stale: 0, inactive: 0 },
    milli: {
      cpu: { total: 0, allocated: 0 },
      memory: { total: 0, allocated: 0 },
      storage: { total: 0, allocated: 0 },
      gpu: { total: 0, allocated: 0 },
    },
    unknownCapacity: 0,
  };
}

function copyPart(part: WorkerPart): MutablePart {
  const copy = emptyPart();
  copy.counts = { ...part.counts };
  for (const resource of RESOURCES) copy.milli[resource] = { ...part.milli[resource] };
  copy.unknownCapacity = part.unknownCapacity;
  return copy;
}

/** Adds (`sign` 1) or takes out (`sign` -1) one worker. Sums are over active workers, as the master schedules only on those. */
function addWorker(part: MutablePart, worker: LiveWorker, sign: 1 | -1): void {
  part.counts.total += sign;
  part.counts[worker.status] += sign;
  if (worker.status !== 'active') return;
  if (!worker.capacity) {
    part.unknownCapacity += sign;
    return;
  }
  for (const resource of RESOURCES) {
    part.milli[resource].total += sign * Math.round(worker.capacity[resource] * 1000);
    part.milli[resource].allocated += sign * Math.round((worker.allocated?.[resource] ?? 0) * 1000);
  }
}

function toResourceTotals(milli: WorkerPart['milli']): ClusterSummary['resources'] {
  const totals = (resource: Resource) => ({
    total: milli[resource].total / 1000,
    allocated: milli[resource].allocated / 1000,
  });
  return { cpu: totals('cpu'), memory: totals('memory'), storage: totals('storage'), gpu: totals('gpu') };
}

/** The counts of each task list, kept: the summary is made again for every worker update, the list changes every poll. */
const countTasks = oncePerObject(countEachStatus);

function countEachStatus(tasks: readonly TaskListEntry[]): TaskCounts {
  const counts = { total: tasks.length, pending: 0, running: 0, completed: 0, failed: 0, cancelled: 0, other: 0 };
  for (const task of tasks) {
    const known = KNOWN_TASK_STATUSES.find((status) => status === task.status);
    counts[known ?? 'other'] += 1;
  }
  return counts;
}
