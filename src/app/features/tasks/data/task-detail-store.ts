import { Injectable, inject } from '@angular/core';
import { Observable, asyncScheduler, catchError, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { TaskListEntry, isFinishedStatus } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { WorkersClient } from '../../../shared/cloudai/workers-client';
import { MasterFailure, describeMasterFailure, isDropped, toMasterFailure } from '../../../shared/http/master-failure';
import { ResultNotStoredYet, retryUntilResultStored } from './result-not-stored';
import { DetailFetch, FilesFetch, ListedTask } from './task-detail-model';
import { TasksStore } from './tasks-store';
import { dataOf, problemOf } from '../../../shared/streams/load-state';

/**
 * One task's data from the master: its list entry (the only source for unfinished tasks), its
 * detail once finished, when it was assigned, and its output files. Its logs are the logs room's.
 */
@Injectable({ providedIn: 'root' })
export class TaskDetailStore {
  private readonly tasksStore = inject(TasksStore);
  private readonly tasksClient = inject(TasksClient);
  private readonly workersClient = inject(WorkersClient);

  /** The task as the polled list shows it. Shared poll; replays; never completes. */
  listed$(taskId: string): Observable<ListedTask> {
    return this.tasksStore.poll$.pipe(
      map((poll) => ({
        loaded: poll.kind === 'ready',
        entry: dataOf(poll)?.find((task) => task.task_id === taskId),
        listError: problemOf(poll),
        noDatabase: poll.kind === 'error' && poll.failure?.kind === 'no-database',
      })),
      distinctUntilChanged(
        (a, b) =>
          a.loaded === b.loaded && a.entry === b.entry && a.listError === b.listError && a.noDatabase === b.noDatabase,
      ),
    );
  }

  /**
   * The detail, asked for only when it can answer: the master drops the connection for unfinished
   * tasks, and for finished ones until it has stored their result (asked again meanwhile). Asked
   * again when the status changes (a finished task can still be overwritten to cancelled).
   * Cold; completes with `listed$`.
   */
  detail$(taskId: string, listed$: Observable<ListedTask>): Observable<DetailFetch> {
    return listed$.pipe(
      map(({ loaded, entry }) =>
        !loaded
          ? 'wait'
          : entry === undefined
            ? 'unlisted'
            : isFinishedStatus(entry.status)
              ? entry.status
              : 'unfinished',
      ),
      distinctUntilChanged(),
      switchMap((key): Observable<DetailFetch> => {
        if (key === 'wait' || key === 'unfinished') return of({ kind: 'idle' });
        if (key === 'unlisted') this.tasksStore.refresh();
        return this.tasksClient.getTask(taskId).pipe(
          // A finished task's detail carries its result once stored; until then ask again.
          map((detail) => {
            if (key !== 'unlisted' && detail.result === null) throw new ResultNotStoredYet();
            return detail;
          }),
          retryUntilResultStored(),
          map((detail): DetailFetch => ({ kind: 'ready', data: detail, updatedAt: asyncScheduler.now() })),
          catchError((error: unknown) => of(toDetailFetch(error))),
          startWith<DetailFetch>({ kind: 'loading' }),
        );
      }),
    );
  }

  /**
   * When the master assigned a running task (unix seconds), from its worker's assignment history:
   * how long its container may have had to start. `null` when unknown. Cold; completes.
   */
  assignedAt$(taskId: string, workerId: string): Observable<number | null> {
    return this.workersClient.listAssignments(workerId).pipe(
      map((assignments) => assignments.find((assignment) => assignment.task_id === taskId)?.assigned_at ?? null),
      catchError(() => of(null)),
    );
  }

  /** Output files of a finished task, asked for as its owner, `signedInAs`; a task without any answers 404. Cold; completes. */
  files$(task: TaskListEntry, signedInAs: string): Observable<FilesFetch> {
    return this.tasksClient.listTaskFiles(task.task_id, task.user_id, signedInAs).pipe(
      map((files): FilesFetch => ({
        kind: 'ready',
        data: files.files.length === 0 ? null : files,
        updatedAt: asyncScheduler.now(),
      })),
      catchError((error: unknown) => {
        const failure = toMasterFailure(error);
        return of<FilesFetch>(
          failure.kind === 'answered' && failure.status === 404
            ? { kind: 'ready', data: null, updatedAt: asyncScheduler.now() }
            : { kind: 'error', message: describeMasterFailure(failure), failure },
        );
      }),
      startWith<FilesFetch>({ kind: 'loading' }),
    );
  }

  /** Where the browser downloads an output file from, as `signedInAs`. */
  fileUrl(task: TaskListEntry, path: string, signedInAs: string): string {
    return this.tasksClient.taskFileUrl(task.task_id, path, task.user_id, signedInAs);
  }
}

function toDetailFetch(error: unknown): DetailFetch {
  if (error instanceof ResultNotStoredYet) return { kind: 'loading', retrying: true };
  const failure: MasterFailure = toMasterFailure(error);
  if (isDropped(failure)) return { kind: 'loading', retrying: true };
  return { kind: 'error', message: describeMasterFailure(failure), failure };
}
