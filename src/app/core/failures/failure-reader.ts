import {
  BehaviorSubject,
  EMPTY,
  Observable,
  asyncScheduler,
  catchError,
  combineLatest,
  concatMap,
  defer,
  distinctUntilChanged,
  from,
  ignoreElements,
  map,
  merge,
  mergeMap,
  of,
  shareReplay,
  switchMap,
  tap,
  timer,
} from 'rxjs';
import { TaskDetail, TaskListEntry } from '../../shared/cloudai/task.model';
import { FailedTask } from './failure-groups';
import { failureSignatureOf } from './failure-signature';

/** The most recent failed tasks whose stored results are read: never all of them at once. */
export const MAX_EXAMINED = 50;
/** Once the first {@link MAX_EXAMINED} are read, the least time between two reads. */
export const READ_EVERY_MS = 10_000;
/** A result that could not be read is asked for again at later polls, this many times in all. */
const MAX_ATTEMPTS = 3;

/** What is known about recent failures. */
export interface FailureOverview {
  /** The examined failures whose results have been read (group them with `groupFailures`). */
  readonly failures: readonly FailedTask[];
  /** Failed tasks in the list. */
  readonly failedTotal: number;
  /** The most recent of them, whose results are read (at most {@link MAX_EXAMINED}). */
  readonly examined: number;
  /** Of those, how many results have been read so far. */
  readonly read: number;
}

/**
 * Reads the stored results of the most recent failed tasks (`GET /api/tasks/{id}`, which carries the
 * logs, the worker and the time) and keeps what it read for its whole life: a failed task's result
 * does not change. Results are read lazily, one at a time and at a bounded rate, only while someone
 * subscribes to an overview. Free of Angular: the data worker runs one for every tab of a browser,
 * the page one where there is no worker.
 */
export class FailureReader {
  private readonly read = new BehaviorSubject<ReadonlyMap<string, FailedTask>>(new Map());
  private readonly attempts = new Map<string, number>();
  private burstLeft = MAX_EXAMINED;
  private nextReadAt = 0;

  /** @param readResult one task's detail; may fail (it is asked for again at a later list). */
  constructor(private readonly readResult: (taskId: string) => Observable<TaskDetail>) {}

  /**
   * The overview of each list `lists$` gives (the task poll's answers), kept current as results are
   * read. Cold: subscribing reads; unsubscribing stops reading, and what was read stays known.
   */
  overviewOf(lists$: Observable<readonly TaskListEntry[]>): Observable<FailureOverview> {
    return defer(() => {
      // Worked out once per list that changes the failed tasks, not once per result read: a large cluster lists thousands.
      const failed$ = lists$.pipe(
        map((list) => {
          const failed = list.filter((task) => task.status === 'failed');
          return { total: failed.length, recent: mostRecent(failed) };
        }),
        distinctUntilChanged(
          (a, b) =>
            a.total === b.total &&
            a.recent.length === b.recent.length &&
            a.recent.every((task, index) => task.task_id === b.recent[index].task_id),
        ),
        // Replays: a list given at once on subscribing must reach both the overview and the reads.
        shareReplay({ bufferSize: 1, refCount: true }),
      );
      // The overview hears of a new list before the reads it starts, so it never pairs the old list with new results.
      return merge(
        combineLatest([failed$, this.read]).pipe(
          map(([failed, read]): FailureOverview => {
            const known = failed.recent.flatMap((task) => read.get(task.task_id) ?? []);
            return { failures: known, failedTotal: failed.total, examined: failed.recent.length, read: known.length };
          }),
        ),
        this.readsOf(failed$.pipe(map((failed) => failed.recent))),
      );
    });
  }

  /**
   * Reads the stored results not read yet, one at a time, as the wanted tasks change: the first
   * {@link MAX_EXAMINED} at once, then at most one every {@link READ_EVERY_MS} (a busy cluster can
   * fail a task a second, and each read costs the master a database lookup). Emits nothing itself.
   */
  private readsOf(wanted$: Observable<readonly TaskListEntry[]>): Observable<never> {
    return wanted$.pipe(
      mergeMap((tasks) => from(tasks)),
      concatMap((task) =>
        defer(() => {
          // Asked for again by a later list, or read meanwhile: skipped without waiting.
          if (!this.shouldRead(task.task_id)) return EMPTY;
          const delay = this.delayBeforeRead(asyncScheduler.now());
          return delay === 0 ? this.readOne(task) : timer(delay).pipe(switchMap(() => this.readOne(task)));
        }),
      ),
      ignoreElements(),
    );
  }

  private readOne(task: TaskListEntry): Observable<unknown> {
    return defer(() => this.readResult(task.task_id)).pipe(
      map((detail) => toFailedTask(task, detail)),
      catchError(() => of(null)),
      tap((failedTask) => this.remember(task.task_id, failedTask)),
    );
  }

  private delayBeforeRead(now: number): number {
    if (this.burstLeft > 0) {
      this.burstLeft -= 1;
      return 0;
    }
    const at = Math.max(now, this.nextReadAt);
    this.nextReadAt = at + READ_EVERY_MS;
    return at - now;
  }

  private shouldRead(taskId: string): boolean {
    return !this.read.value.has(taskId) && (this.attempts.get(taskId) ?? 0) < MAX_ATTEMPTS;
  }

  private remember(taskId: string, failedTask: FailedTask | null): void {
    this.attempts.set(taskId, (this.attempts.get(taskId) ?? 0) + 1);
    if (failedTask) this.read.next(new Map(this.read.value).set(taskId, failedTask));
  }
}

/** Newest first (task ids grow with time), the most recent {@link MAX_EXAMINED}. */
function mostRecent(failed: readonly TaskListEntry[]): readonly TaskListEntry[] {
  return [...failed]
    .sort((a, b) => b.created_at - a.created_at || b.task_id.localeCompare(a.task_id))
    .slice(0, MAX_EXAMINED);
}

/** A failed task from its detail; the logs come with the result. */
export function toFailedTask(task: TaskListEntry, detail: TaskDetail): FailedTask {
  return {
    taskId: task.task_id,
    image: task.docker_image,
    workerId: detail.assignment?.worker_id ?? null,
    failedAt: detail.result?.completed_at ?? task.created_at,
    signature: failureSignatureOf(detail.result?.logs ?? ''),
  };
}
