import { Injectable, inject } from '@angular/core';
import { Observable, Subject, combineLatest, map, merge, shareReplay, switchMap, take, takeUntil } from 'rxjs';
import { POLLING_CONFIG } from '../config/polling-config';
import { PAGE_VISIBLE } from '../realtime/browser-signals';
import { TaskListEntry } from '../../shared/cloudai/task.model';
import { TasksClient } from '../../shared/cloudai/tasks-client';
import { injectPersistedValue } from '../../shared/state/persisted-value';
import { smartPoll } from '../../shared/streams/smart-poll';
import { PollState } from '../../shared/streams/load-state';
import { MalformedInput } from '../../shared/cloudai/malformed-input';
import { TASK_LIST_ANSWER } from '../../shared/cloudai/parse-rest-lists';
import { SessionSignals } from '../auth/session-signals';
import { DATA_WORKER, DataWorker } from '../data-worker/data-worker';
import { pollThroughWorker } from './poll-through-worker';

/** The refresh intervals an operator can choose; 0 pauses. */
export const TASK_POLL_INTERVALS = [1000, 3000, 10_000, 30_000, 0] as const;

/**
 * The refresh intervals to offer, shortest first and *Paused* (0) last: the usual ones, and the
 * deployment's default (`TASK_POLL_MS`) when it is not one of them, so it can always be chosen again.
 */
export function pollIntervalChoices(defaultMs: number): readonly number[] {
  const timed = new Set<number>([...TASK_POLL_INTERVALS.filter((intervalMs) => intervalMs > 0), defaultMs]);
  return [...[...timed].sort((a, b) => a - b), 0];
}

/**
 * The one poller of `GET /api/tasks`, whatever pages are open: the task list, a task's page, the
 * dashboard, cancels and notifications all read this, so the master never answers the same
 * request twice at once. Its interval is the one the operator chose (remembered in this browser);
 * while the list page is paused, the default one. With the data worker, one poll serves every tab
 * of this browser, and the requests, parsing and comparing happen off this thread.
 */
@Injectable({ providedIn: 'root' })
export class TaskListSource {
  private readonly tasksClient = inject(TasksClient);
  private readonly polling = inject(POLLING_CONFIG);
  /** The refresh intervals offered: the usual ones and this deployment's default (see {@link pollIntervalChoices}). */
  readonly intervalChoices: readonly number[] = pollIntervalChoices(this.polling.tasksMs);
  private readonly interval = injectPersistedValue<number>({
    key: 'cloudai.tasks.interval',
    version: 1,
    fallback: this.polling.tasksMs,
    parse: (stored) => this.intervalChoices.find((interval) => interval === Number(stored)) ?? this.polling.tasksMs,
  });
  private readonly refreshes = new Subject<void>();
  private readonly visible$ = inject(PAGE_VISIBLE);
  private readonly malformed = inject(MalformedInput);
  private readonly sessionSignals = inject(SessionSignals);
  /** The data worker this tab shares the poll through, or `null` to poll in the page. */
  private readonly worker = inject(DATA_WORKER);

  /** The chosen refresh interval in ms, 0 when the list page is paused. Hot; replays; never completes. */
  readonly intervalMs$: Observable<number> = this.interval.value$.pipe(shareReplay({ bufferSize: 1, refCount: false }));

  /** The interval this tab polls at: the chosen one, or the default while the list page is paused. */
  private readonly pollIntervalMs$ = this.intervalMs$.pipe(
    map((intervalMs) => (intervalMs > 0 ? intervalMs : this.polling.tasksMs)),
  );

  /** Fetches now, cancelling a request in flight. */
  readonly refresh$ = this.refreshes.asObservable();

  /**
   * The latest list with when it arrived and the latest failure. Shared while subscribed (one
   * request at a time for every reader); replays; never completes.
   */
  readonly poll$: Observable<PollState<readonly TaskListEntry[]>> = (this.worker
    ? this.pollInWorker(this.worker)
    : this.pollInPage()
  ).pipe(shareReplay({ bufferSize: 1, refCount: true }));

  /** Polls every `intervalMs` (0 pauses the list page), and remembers the choice in this browser. */
  pollEvery(intervalMs: number): void {
    this.interval.set(intervalMs);
  }

  /** Fetches now, cancelling a request in flight. */
  refresh(): void {
    this.worker?.port.postMessage({ kind: 'refresh' });
    this.refreshes.next();
  }

  private pollInPage(): Observable<PollState<readonly TaskListEntry[]>> {
    return smartPoll({
      request: () => this.tasksClient.listTasks(),
      intervalMs$: this.pollIntervalMs$,
      visible$: this.visible$,
      refresh$: this.refreshes,
      maxBackoffMs: this.polling.maxBackoffMs,
    });
  }

  private pollInWorker(worker: DataWorker): Observable<PollState<readonly TaskListEntry[]>> {
    const inWorker$ = pollThroughWorker(worker.port, {
      wish$: combineLatest({ intervalMs: this.pollIntervalMs$, visible: this.visible$ }),
      onMalformed: (rejected) => this.malformed.report(TASK_LIST_ANSWER, rejected),
      onUnauthorized: () => this.sessionSignals.reportUnauthorized(),
    });
    // A worker that cannot start or fails leaves the poll to the page, which then works as without one.
    return merge(
      inWorker$.pipe(takeUntil(worker.failed$)),
      worker.failed$.pipe(
        take(1),
        switchMap(() => this.pollInPage()),
      ),
    );
  }
}
