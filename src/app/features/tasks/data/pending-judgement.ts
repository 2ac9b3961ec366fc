import { dequal } from 'dequal';
import { requirementsOf } from '../../../shared/cloudai/resource-fit';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { oncePerObject } from '../../../shared/state/once-per-object';
import { PendingReason, PlacementWorker, pendingReasonOf, withSeenFitting } from './pending-reason';

export type PendingTask = Pick<
  TaskListEntry,
  'task_id' | 'cpu_required' | 'memory_required' | 'storage_required' | 'gpu_required'
>;

export function pendingOf(tasks: readonly TaskListEntry[]): PendingTask[] {
  return tasks
    .filter((task) => task.status === 'pending')
    .map(({ task_id, cpu_required, memory_required, storage_required, gpu_required }) => ({
      task_id,
      cpu_required,
      memory_required,
      storage_required,
      gpu_required,
    }));
}

/**
 * The judgements made against each list of workers, by the tasks' amounts: a new poll brings
 * new pending tasks far more often than the workers change, and most ask for amounts already
 * judged. Forgotten with the list.
 */
const judgedAgainst = oncePerObject((_placement: readonly PlacementWorker[]) => new Map<string, PendingReason>());

/**
 * Each pending task's reason as of now, without how long it has fitted. Tasks asking for the same
 * amounts share one judgement, and one object, for as long as the workers are the same list.
 */
export function judgeByAmounts(
  pending: readonly PendingTask[],
  placement: readonly PlacementWorker[],
): ReadonlyMap<string, PendingReason> {
  const byAmounts = judgedAgainst(placement);
  const judged = new Map<string, PendingReason>();
  for (const task of pending) {
    const key = `${task.cpu_required}/${task.memory_required}/${task.storage_required}/${task.gpu_required}`;
    let reason = byAmounts.get(key);
    if (!reason) {
      // The time a fitting task was first seen is `withTimes`' to set.
      reason = pendingReasonOf(requirementsOf(task), placement, 0);
      byAmounts.set(key, reason);
    }
    judged.set(task.task_id, reason);
  }
  return judged;
}

/**
 * The reasons at `now`: `judged`, with each fitting task's first-seen time carried over from
 * `previous` (or now). Returns `previous` itself when nothing changed, and keeps each unchanged
 * reason's object, so the list remakes only the rows whose reason moved.
 */
export function withTimes(
  previous: ReadonlyMap<string, PendingReason>,
  judged: ReadonlyMap<string, PendingReason>,
  now: number,
): ReadonlyMap<string, PendingReason> {
  const next = new Map<string, PendingReason>();
  let changed = judged.size !== previous.size;
  for (const [taskId, base] of judged) {
    const before = previous.get(taskId);
    const seenFitting = before?.kind === 'ready' || before?.kind === 'lost' ? before.since : null;
    const reason = withSeenFitting(base, seenFitting, now);
    const kept = before && sameReason(before, reason) ? before : reason;
    changed ||= kept !== before;
    next.set(taskId, kept);
  }
  return changed ? next : previous;
}

/** The same judgement: the same kind, workers and time, compared without walking the workers' amounts. */
function sameReason(a: PendingReason, b: PendingReason): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  if ((a.kind === 'ready' || a.kind === 'lost') && (b.kind === 'ready' || b.kind === 'lost') && a.since !== b.since) {
    return false;
  }
  return dequal(a, b);
}
