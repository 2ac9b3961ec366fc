import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import {
  BehaviorSubject,
  EMPTY,
  Observable,
  ObservableNotification,
  bufferTime,
  catchError,
  concat,
  concatMap,
  distinctUntilChanged,
  expand,
  filter,
  map,
  materialize,
  of,
  race,
  retry,
  scan,
  shareReplay,
  startWith,
  switchMap,
  take,
  throwError,
  timer,
} from 'rxjs';
import { RANDOM } from '../../../core/realtime/browser-signals';
import { WEB_SOCKET_FACTORY, socketUrl } from '../../../core/realtime/socket-factory';
import { TaskDetail, TaskFiles, TaskListEntry, isFinishedStatus } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { WorkersClient } from '../../../shared/cloudai/workers-client';
import { MasterFailure, describeMasterFailure, isDropped, toMasterFailure } from '../../../shared/http/master-failure';
import { BackoffPolicy, fullJitterDelay } from '../../../shared/streams/backoff';
import { parseLogMessage } from '../logs/log-message';
import { LogInputs, LogSource, nextLogSource } from '../logs/log-source';
import { LogStreamEvent, nextAttempt, reconnectingView, reduceLogStream } from '../logs/log-stream';
import {
  CONNECTING_STREAM,
  LOADING_STORED,
  LogView,
  PAUSED_FOR_CANCEL,
  STREAM_GATED,
  WAITING_FOR_START,
  storedLogError,
  storedLogView,
} from '../logs/log-view';
import { TasksStore } from './tasks-store';

/** The list entry of one task, once the list has loaded (`entry` is undefined when the master does not list it). */
export interface ListedTask {
  readonly loaded: boolean;
  readonly entry: TaskListEntry | undefined;
  readonly listError: string | null;
  /** The master runs without its database, so it lists no task at all. */
  readonly noDatabase: boolean;
}

/**
 * `GET /api/tasks/{id}` as a value: not asked (unfinished), loading, answered, no result yet (the
 * master drops the request until it has stored one; asked again meanwhile), or failed.
 */
export type DetailFetch =
  | { readonly kind: 'not-asked' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'value'; readonly detail: TaskDetail }
  | { readonly kind: 'no-result' }
  | { readonly kind: 'error'; readonly httpStatus: number; readonly message: string };

export type FilesFetch =
  | { readonly kind: 'not-asked' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'value'; readonly files: TaskFiles }
  | { readonly kind: 'none' }
  /** The master cannot or will not list them, and the dashboard did not ask: why. */
  | { readonly kind: 'unavailable'; readonly reason: string }
  | { readonly kind: 'error'; readonly message: string };

/** Lines of the log stream are applied at most this often: one list copy per batch, not per line. */
const LOG_BATCH_MS = 100;

/** A stream cut while the task runs is opened again after a backoff like this (with full jitter). */
const STREAM_RECONNECT: BackoffPolicy = { initialMs: 1000, maxMs: 30_000 };

/**
 * The master stores a result a little after the task's status says it finished (a cancelled task
 * only once its container has stopped); until then it drops requests for it. Asked again this
 * often, this many times.
 */
const RESULT_RETRY_MS = 3000;
const RESULT_RETRIES = 40;

/**
 * One task: its list entry (the only source for unfinished tasks), its detail once finished, its
 * logs from the right source for its status, and its output files. The live log stream is
 * opened only on the operator's say-so (see {@link openLiveLogs}).
 */
@Injectable({ providedIn: 'root' })
export class TaskDetailStore {
  private readonly tasksStore = inject(TasksStore);
  private readonly tasksClient = inject(TasksClient);
  private readonly workersClient = inject(WorkersClient);
  private readonly openSocket = inject(WEB_SOCKET_FACTORY);
  private readonly random = inject(RANDOM);
  private readonly location = inject(DOCUMENT).location;
  /** How often the operator asked for each task's live stream in this tab (0: never). */
  private readonly streamRequests = new BehaviorSubject<ReadonlyMap<string, number>>(new Map());

  /** The task as the polled list shows it. Shared poll; replays; never completes. */
  listed$(taskId: string): Observable<ListedTask> {
    return this.tasksStore.poll$.pipe(
      map((poll) => ({
        loaded: poll.data !== undefined,
        entry: poll.data?.find((task) => task.task_id === taskId),
        listError: poll.lastError,
        noDatabase: poll.lastFailure?.kind === 'no-database',
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
        if (key === 'wait' || key === 'unfinished') return of({ kind: 'not-asked' });
        if (key === 'unlisted') this.tasksStore.refresh();
        return this.tasksClient.getTask(taskId).pipe(
          // A finished task's detail carries its result once stored; until then ask again.
          map((detail) => {
            if (key !== 'unlisted' && detail.result === null) throw new ResultNotStoredYet();
            return detail;
          }),
          this.retryUntilResultStored(),
          map((detail): DetailFetch => ({ kind: 'value', detail })),
          catchError((error: unknown) => of(toDetailFetch(error))),
          startWith<DetailFetch>({ kind: 'loading' }),
        );
      }),
    );
  }

  /**
   * The logs from the source the task's state calls for (see {@link nextLogSource}). A live
   * stream cut while the task runs is opened again with backoff; one that cannot go on turns to
   * the stored logs once the task has finished. Cold.
   */
  logs$(taskId: string, inputs$: Observable<Omit<LogInputs, 'opened'>>): Observable<LogView> {
    const shared$ = inputs$.pipe(shareReplay({ bufferSize: 1, refCount: true }));
    const status$ = shared$.pipe(
      map((inputs) => inputs.status),
      distinctUntilChanged(),
    );
    return combineSource(shared$, this.streamRequests.pipe(map((requests) => requests.get(taskId) ?? 0))).pipe(
      switchMap(({ source }) => {
        switch (source) {
          case 'none':
            return of(WAITING_FOR_START);
          case 'gated':
            return of(STREAM_GATED);
          case 'paused':
            return of(PAUSED_FOR_CANCEL);
          case 'stream':
            return this.streamLogs(taskId, status$);
          case 'stored':
            return this.storedLogs(taskId);
        }
      }),
    );
  }

  /** Whether the operator has opened this task's live stream in this tab. Replays; never completes. */
  streamOpened$(taskId: string): Observable<boolean> {
    return this.streamRequests.pipe(
      map((requests) => (requests.get(taskId) ?? 0) > 0),
      distinctUntilChanged(),
    );
  }

  /** Opens (or opens again) the live log stream of a task, which the operator has judged safe. */
  openLiveLogs(taskId: string): void {
    const requests = new Map(this.streamRequests.value);
    requests.set(taskId, (requests.get(taskId) ?? 0) + 1);
    this.streamRequests.next(requests);
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
      map((files): FilesFetch => (files.files.length === 0 ? { kind: 'none' } : { kind: 'value', files })),
      catchError((error: unknown) => {
        const failure = toMasterFailure(error);
        return of<FilesFetch>(
          failure.kind === 'answered' && failure.status === 404
            ? { kind: 'none' }
            : { kind: 'error', message: describeMasterFailure(failure) },
        );
      }),
      startWith<FilesFetch>({ kind: 'loading' }),
    );
  }

  /** Where the browser downloads an output file from, as `signedInAs`. */
  fileUrl(task: TaskListEntry, path: string, signedInAs: string): string {
    return this.tasksClient.taskFileUrl(task.task_id, path, task.user_id, signedInAs);
  }

  /** The live stream, connection after connection, until it ends for good. */
  private streamLogs(taskId: string, status$: Observable<string>): Observable<LogView> {
    const url = socketUrl(this.location, `/ws/tasks/${encodeURIComponent(taskId)}/logs`);
    const connect = (start: LogView): Observable<LogView> =>
      this.openSocket(url).pipe(
        materialize(),
        bufferTime(LOG_BATCH_MS),
        filter((batch) => batch.length > 0),
        concatMap(toStreamEvents),
        scan(reduceLogStream, start),
        startWith(start),
      );
    const finished$ = status$.pipe(filter(isFinishedStatus), take(1));
    return connect(CONNECTING_STREAM).pipe(
      // Each connection emits exactly one view with `end` set: the one its close produced.
      expand((view): Observable<LogView> => {
        if (view.end === 'final') {
          // A result was streamed: done. Otherwise the stored logs tell the rest once the task has finished.
          return view.phase === 'complete' ? EMPTY : finished$.pipe(switchMap(() => this.storedLogs(taskId)));
        }
        if (view.end !== 'retry') return EMPTY;
        const waitMs = fullJitterDelay(view.attempt, STREAM_RECONNECT, this.random);
        return concat(
          of(reconnectingView(view, Math.ceil(waitMs / 1000))),
          race(finished$.pipe(map(() => 'finished' as const)), timer(waitMs).pipe(map(() => 'again' as const))).pipe(
            switchMap((next) => (next === 'finished' ? this.storedLogs(taskId) : connect(nextAttempt(view)))),
          ),
        );
      }),
      distinctUntilChanged(),
    );
  }

  private storedLogs(taskId: string): Observable<LogView> {
    return concat(
      of(LOADING_STORED),
      this.tasksClient.getTaskLogs(taskId).pipe(
        this.retryUntilResultStored(),
        map((stored) => storedLogView(stored.logs, stored.status)),
        catchError((error: unknown) => {
          const failure = toMasterFailure(error);
          return of(
            storedLogError(
              isDropped(failure)
                ? 'The master has stored no logs for this task: it answers only once a result is stored.'
                : describeMasterFailure(failure),
            ),
          );
        }),
      ),
    );
  }

  /** Asks again while the master drops the request because it has no result stored yet. */
  private retryUntilResultStored<T>() {
    return retry<T>({
      count: RESULT_RETRIES,
      delay: (error: unknown) =>
        error instanceof ResultNotStoredYet || isDropped(toMasterFailure(error))
          ? timer(RESULT_RETRY_MS)
          : throwError(() => error),
    });
  }
}

/** A finished task whose detail has no result yet: the master stores it shortly. */
class ResultNotStoredYet extends Error {}

function toDetailFetch(error: unknown): DetailFetch {
  if (error instanceof ResultNotStoredYet) return { kind: 'no-result' };
  const failure: MasterFailure = toMasterFailure(error);
  if (isDropped(failure)) return { kind: 'no-result' };
  return {
    kind: 'error',
    httpStatus: failure.kind === 'answered' ? failure.status : 0,
    message: describeMasterFailure(failure),
  };
}

/**
 * The source the inputs call for, with how often the stream was asked for: asking again (after
 * the worker had no container yet, say) opens a new stream even though the source is unchanged.
 */
function combineSource(
  inputs$: Observable<Omit<LogInputs, 'opened'>>,
  requests$: Observable<number>,
): Observable<{ readonly source: LogSource; readonly requests: number }> {
  return inputs$.pipe(
    switchMap((inputs) =>
      requests$.pipe(map((requests) => ({ inputs: { ...inputs, opened: requests > 0 }, requests }))),
    ),
    scan(
      (previous: { source: LogSource | null; requests: number }, { inputs, requests }) => ({
        source: nextLogSource(previous.source, inputs),
        requests,
      }),
      { source: null, requests: 0 },
    ),
    filter((keyed): keyed is { source: LogSource; requests: number } => keyed.source !== null),
    distinctUntilChanged((a, b) => a.source === b.source && (a.source !== 'stream' || a.requests === b.requests)),
  );
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
