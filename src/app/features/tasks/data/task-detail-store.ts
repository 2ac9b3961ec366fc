import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  Observable,
  ObservableNotification,
  bufferTime,
  catchError,
  concat,
  concatMap,
  distinctUntilChanged,
  filter,
  map,
  materialize,
  of,
  scan,
  startWith,
  switchMap,
} from 'rxjs';
import { WEB_SOCKET_FACTORY, socketUrl } from '../../../core/realtime/socket-factory';
import { TaskDetail, TaskFiles, TaskListEntry, isFinishedStatus } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { toErrorMessage } from '../../../shared/http/error-message';
import {
  CONNECTING_STREAM,
  LOADING_STORED,
  LogSource,
  LogStreamEvent,
  LogView,
  WAITING_FOR_START,
  nextLogSource,
  parseLogMessage,
  reduceLogStream,
  storedLogError,
  storedLogView,
} from './log-stream';
import { TasksStore } from './tasks-store';

/** The list entry of one task, once the list has loaded (`entry` is undefined when the master does not list it). */
export interface ListedTask {
  readonly loaded: boolean;
  readonly entry: TaskListEntry | undefined;
  readonly listError: string | null;
}

/** `GET /api/tasks/{id}` as a value: not asked (unfinished), loading, answered, or failed with its HTTP status. */
export type DetailFetch =
  | { readonly kind: 'not-asked' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'value'; readonly detail: TaskDetail }
  | { readonly kind: 'error'; readonly httpStatus: number; readonly message: string };

export type FilesFetch =
  | { readonly kind: 'not-asked' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'value'; readonly files: TaskFiles }
  | { readonly kind: 'none' }
  | { readonly kind: 'error'; readonly message: string };

/** Lines of the log stream are applied at most this often: one list copy per batch, not per line. */
const LOG_BATCH_MS = 100;

/**
 * One task: its list entry (the only source for unfinished tasks), its detail once finished, its
 * logs from the right source for its status, and its output files.
 */
@Injectable({ providedIn: 'root' })
export class TaskDetailStore {
  private readonly tasksStore = inject(TasksStore);
  private readonly tasksClient = inject(TasksClient);
  private readonly openSocket = inject(WEB_SOCKET_FACTORY);
  private readonly location = inject(DOCUMENT).location;

  /** The task as the polled list shows it. Shared poll; replays; never completes. */
  listed$(taskId: string): Observable<ListedTask> {
    return this.tasksStore.poll$.pipe(
      map((poll) => ({
        loaded: poll.data !== undefined,
        entry: poll.data?.find((task) => task.task_id === taskId),
        listError: poll.lastError,
      })),
      distinctUntilChanged((a, b) => a.loaded === b.loaded && a.entry === b.entry && a.listError === b.listError),
    );
  }

  /**
   * The detail, asked for only when it can answer: the master drops the connection for unfinished
   * tasks. Asked again when the status changes (a finished task can still be overwritten to cancelled).
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
        if (key === 'wait' || key === 'unfinished') return of({ kind: 'not-asked' });
        if (key === 'unlisted') this.tasksStore.refresh();
        return this.tasksClient.getTask(taskId).pipe(
          map((detail): DetailFetch => ({ kind: 'value', detail })),
          catchError((error: unknown) =>
            of<DetailFetch>({
              kind: 'error',
              httpStatus: error instanceof HttpErrorResponse ? error.status : 0,
              message: toErrorMessage(error),
            }),
          ),
          startWith<DetailFetch>({ kind: 'loading' }),
        );
      }),
    );
  }

  /** The logs from the source the status calls for; a stream that is open stays open until it ends. Cold. */
  logs$(taskId: string, status$: Observable<string>): Observable<LogView> {
    return status$.pipe(
      scan((previous: LogSource | null, status) => nextLogSource(previous, status), null),
      filter((source): source is LogSource => source !== null),
      distinctUntilChanged(),
      switchMap((source) => {
        switch (source) {
          case 'none':
            return of(WAITING_FOR_START);
          case 'stream':
            return this.streamLogs(taskId);
          case 'stored':
            return this.storedLogs(taskId);
        }
      }),
    );
  }

  /** Output files of a finished task; a task without any answers 404. Cold; completes. */
  files$(task: TaskListEntry): Observable<FilesFetch> {
    return this.tasksClient.listTaskFiles(task.task_id, task.user_id, task.user_id).pipe(
      map((files): FilesFetch => (files.files.length === 0 ? { kind: 'none' } : { kind: 'value', files })),
      catchError((error: unknown) =>
        of<FilesFetch>(
          error instanceof HttpErrorResponse && error.status === 404
            ? { kind: 'none' }
            : { kind: 'error', message: toErrorMessage(error) },
        ),
      ),
      startWith<FilesFetch>({ kind: 'loading' }),
    );
  }

  /** Where the browser downloads an output file from. */
  fileUrl(task: TaskListEntry, path: string): string {
    return this.tasksClient.taskFileUrl(task.task_id, path, task.user_id, task.user_id);
  }

  private streamLogs(taskId: string): Observable<LogView> {
    const url = socketUrl(this.location, `/ws/tasks/${encodeURIComponent(taskId)}/logs`);
    return this.openSocket(url).pipe(
      materialize(),
      bufferTime(LOG_BATCH_MS),
      filter((batch) => batch.length > 0),
      concatMap(toStreamEvents),
      scan(reduceLogStream, CONNECTING_STREAM),
      startWith(CONNECTING_STREAM),
      distinctUntilChanged(),
    );
  }

  private storedLogs(taskId: string): Observable<LogView> {
    return concat(
      of(LOADING_STORED),
      this.tasksClient.getTaskLogs(taskId).pipe(
        map((stored) => storedLogView(stored.logs, stored.status)),
        catchError((error: unknown) =>
          of(
            storedLogError(
              error instanceof HttpErrorResponse && error.status === 0
                ? 'The master has no stored logs for this task (it answers only once a result is stored).'
                : toErrorMessage(error),
            ),
          ),
        ),
      ),
    );
  }
}

/** A batch of socket notifications as reducer events: frames parsed, then how the socket closed. */
function toStreamEvents(batch: readonly ObservableNotification<string>[]): LogStreamEvent[] {
  const events: LogStreamEvent[] = [];
  const messages = batch.flatMap((notification) =>
    notification.kind === 'N' ? [parseLogMessage(notification.value ?? '')] : [],
  );
  if (messages.length > 0) events.push({ kind: 'messages', messages });
  const end = batch.find((notification) => notification.kind !== 'N');
  if (end?.kind === 'C') events.push({ kind: 'closed', clean: true, code: null });
  if (end?.kind === 'E') {
    const code = end.error instanceof CloseEvent ? end.error.code : null;
    events.push({ kind: 'closed', clean: false, code });
  }
  return events;
}
