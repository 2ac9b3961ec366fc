import { Injectable, inject } from '@angular/core';
import { Observable, Subject, map, shareReplay } from 'rxjs';
import { POLLING_CONFIG } from '../config/polling-config';
import { PAGE_VISIBLE } from '../realtime/browser-signals';
import { TaskListEntry } from '../../shared/cloudai/task.model';
import { TasksClient } from '../../shared/cloudai/tasks-client';
import { injectPersistedValue } from '../../shared/state/persisted-value';
import { smartPoll } from '../../shared/streams/smart-poll';
import { PollState } from '../../shared/streams/load-state';

/** The refresh intervals an operator can choose; 0 pauses. */
export const TASK_POLL_INTERVALS = [1000, 3000, 10_000, 30_000, 0] as const;

/**
 * The one poller of `GET /api/tasks`, whatever pages are open: the task list, a task's page, the
 * dashboard, cancels and notifications all read this, so the master never answers the same
 * request twice at once. Its interval is the one the operator chose (remembered in this browser);
 * while the list page is paused, the default one.
 */
@Injectable({ providedIn: 'root' })
export class TaskListSource {
  private readonly tasksClient = inject(TasksClient);
  private readonly polling = inject(POLLING_CONFIG);
  private readonly interval = injectPersistedValue<number>({
    key: 'cloudai.tasks.interval',
    version: 1,
    fallback: this.polling.tasksMs,
    parse: (stored) => TASK_POLL_INTERVALS.find((interval) => interval === Number(stored)) ?? this.polling.tasksMs,
  });
  private readonly refreshes = new Subject<void>();

  /** The chosen refresh interval in ms, 0 when the list page is paused. Hot; replays; never completes. */
  readonly intervalMs$: Observable<number> = this.interval.value$.pipe(shareReplay({ bufferSize: 1, refCount: false }));

  /** Fetches now, cancelling a request in flight. */
  readonly refresh$ = this.refreshes.asObservable();

  /**
   * The latest list with when it arrived and the latest failure. Shared while subscribed (one
   * request at a time for every reader); replays; never completes.
   */
  readonly poll$: Observable<PollState<readonly TaskListEntry[]>> = smartPoll({
    request: () => this.tasksClient.listTasks(),
    intervalMs$: this.intervalMs$.pipe(map((intervalMs) => (intervalMs > 0 ? intervalMs : this.polling.tasksMs))),
    visible$: inject(PAGE_VISIBLE),
    refresh$: this.refreshes,
    maxBackoffMs: this.polling.maxBackoffMs,
  }).pipe(shareReplay({ bufferSize: 1, refCount: true }));

  /** Polls every `intervalMs` (0 pauses the list page), and remembers the choice in this browser. */
  pollEvery(intervalMs: number): void {
    this.interval.set(intervalMs);
  }

  /** Fetches now, cancelling a request in flight. */
  refresh(): void {
    this.refreshes.next();
  }
}
