import { Injectable, inject } from '@angular/core';
import {
  EMPTY,
  Observable,
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
  scan,
  shareReplay,
  startWith,
  switchMap,
  take,
  timer,
} from 'rxjs';
import { RANDOM } from '../../../core/realtime/browser-signals';
import { isFinishedStatus } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { describeMasterFailure, isDropped, toMasterFailure } from '../../../shared/http/master-failure';
import { injectReducerStore } from '../../../shared/state/reducer-store';
import { BackoffPolicy, fullJitterDelay } from '../../../shared/streams/backoff';
import { retryUntilResultStored } from '../data/result-not-stored';
import { LogInputs } from './log-source';
import { combineSource, toStreamEvents } from './log-stream-events';
import { nextAttempt, reconnectingView, reduceLogStream } from './log-stream';
import {
  CONNECTING_STREAM,
  LOADING_STORED,
  LogView,
  PAUSED_FOR_CANCEL,
  STREAM_GATED,
  WAITING_FOR_START,
  storedLogError,
  storedLogView,
} from './log-view';
import { LogsClient } from './logs-client';

/** Lines of the log stream are applied at most this often: one list copy per batch, not per line. */
const LOG_BATCH_MS = 100;

/** A stream cut while the task runs is opened again after a backoff like this (with full jitter). */
const STREAM_RECONNECT: BackoffPolicy = { initialMs: 1000, maxMs: 30_000 };

/** How often the operator asked for each task's live stream in this tab (0: never). */
type StreamRequests = ReadonlyMap<string, number>;

/**
 * A task's logs from the source its state calls for: nothing before it starts, the live stream
 * once the operator has opened it (see {@link openLiveLogs}), the stored logs once it finished.
 */
@Injectable({ providedIn: 'root' })
export class TaskLogsStore {
  private readonly logsClient = inject(LogsClient);
  private readonly tasksClient = inject(TasksClient);
  private readonly random = inject(RANDOM);
  private readonly requests = injectReducerStore<StreamRequests, string>({
    initial: new Map(),
    reduce: (requests, taskId) => new Map(requests).set(taskId, (requests.get(taskId) ?? 0) + 1),
  });

  /**
   * The logs from the source the task's state calls for (see `nextLogSource`). A live stream cut
   * while the task runs is opened again with backoff; one that cannot go on turns to the stored
   * logs once the task has finished. Cold.
   */
  logs$(taskId: string, inputs$: Observable<Omit<LogInputs, 'opened'>>): Observable<LogView> {
    const shared$ = inputs$.pipe(shareReplay({ bufferSize: 1, refCount: true }));
    const status$ = shared$.pipe(
      map((inputs) => inputs.status),
      distinctUntilChanged(),
    );
    return combineSource(shared$, this.requests.state$.pipe(map((requests) => requests.get(taskId) ?? 0))).pipe(
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
    return this.requests.state$.pipe(
      map((requests) => (requests.get(taskId) ?? 0) > 0),
      distinctUntilChanged(),
    );
  }

  /** Opens (or opens again) the live log stream of a task, which the operator has judged safe. */
  openLiveLogs(taskId: string): void {
    this.requests.dispatch(taskId);
  }

  /** The live stream, connection after connection, until it ends for good. */
  private streamLogs(taskId: string, status$: Observable<string>): Observable<LogView> {
    const connect = (start: LogView): Observable<LogView> =>
      this.logsClient.taskLogFrames(taskId).pipe(
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
        retryUntilResultStored(),
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
}
