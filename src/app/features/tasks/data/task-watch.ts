import { TaskListEntry, isFinishedStatus } from '../../../shared/cloudai/task.model';

/** A task this browser follows: its last seen status, and whether its failure is still unseen. */
export interface WatchedTask {
  /** `null` until the list has shown it. */
  readonly status: string | null;
  readonly unseenFailure: boolean;
  readonly since: number;
}

export interface TaskFinished {
  readonly taskId: string;
  readonly status: string;
}

/** A watched task the master still does not list after this long is forgotten (it never will). */
export const UNLISTED_GRACE_MS = 120_000;

/** The most tasks remembered; the oldest finished ones go first. */
export const WATCHED_KEPT = 200;

/**
 * Compares watched tasks with a fresh list: a task seen unfinished (or watched when submitted)
 * that is now finished is news. A task first seen already finished is not: nothing changed for
 * the operator. Returns the same map when nothing changed.
 */
export function observeWatched(
  watched: ReadonlyMap<string, WatchedTask>,
  tasks: readonly TaskListEntry[],
  now: number,
): { readonly watched: ReadonlyMap<string, WatchedTask>; readonly finished: readonly TaskFinished[] } {
  const byId = new Map(tasks.map((task) => [task.task_id, task]));
  const finished: TaskFinished[] = [];
  let next: Map<string, WatchedTask> | null = null;
  for (const [taskId, entry] of watched) {
    const status = byId.get(taskId)?.status;
    if (status === undefined) {
      if (now - entry.since > UNLISTED_GRACE_MS) {
        next ??= new Map(watched);
        next.delete(taskId);
      }
      continue;
    }
    if (status === entry.status) continue;
    const becameFinished = isFinishedStatus(status) && entry.status !== null && !isFinishedStatus(entry.status);
    if (becameFinished) finished.push({ taskId, status });
    next ??= new Map(watched);
    next.set(taskId, {
      ...entry,
      status,
      unseenFailure: entry.unseenFailure || (becameFinished && status === 'failed'),
    });
  }
  return { watched: next ?? watched, finished };
}

/** Keeps the newest {@link WATCHED_KEPT}, dropping finished tasks before unfinished ones. */
export function boundWatched(watched: ReadonlyMap<string, WatchedTask>): ReadonlyMap<string, WatchedTask> {
  if (watched.size <= WATCHED_KEPT) return watched;
  const ordered = [...watched].sort(
    ([, a], [, b]) =>
      Number(isFinishedStatus(b.status ?? '')) - Number(isFinishedStatus(a.status ?? '')) || a.since - b.since,
  );
  return new Map(ordered.slice(watched.size - WATCHED_KEPT));
}

export function hasUnfinished(watched: ReadonlyMap<string, WatchedTask>): boolean {
  return [...watched.values()].some((entry) => entry.status === null || !isFinishedStatus(entry.status));
}
