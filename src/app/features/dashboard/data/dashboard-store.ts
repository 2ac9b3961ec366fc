import { Injectable, inject } from '@angular/core';
import { Observable, combineLatest, map, of, shareReplay } from 'rxjs';
import { POLLING_CONFIG } from '../../../core/config/polling-config';
import { PAGE_VISIBLE } from '../../../core/realtime/browser-signals';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { LiveWorkersStore } from '../../../core/realtime/live-workers-store';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { LoadState } from '../../../shared/streams/load-state';
import { PollState, smartPoll } from '../../../shared/streams/smart-poll';
import { ClusterSummary, toClusterSummary } from './cluster-summary';

/** The dashboard's data: live workers and the polled task list, folded into headline counts. */
@Injectable({ providedIn: 'root' })
export class DashboardStore {
  private readonly liveWorkers = inject(LiveWorkersStore);
  private readonly tasksClient = inject(TasksClient);
  private readonly polling = inject(POLLING_CONFIG);
  private readonly visible$ = inject(PAGE_VISIBLE);

  private readonly tasks$ = smartPoll({
    request: () => this.tasksClient.listTasks(),
    intervalMs$: of(this.polling.tasksMs),
    visible$: this.visible$,
    maxBackoffMs: this.polling.maxBackoffMs,
  });

  /** Cold until subscribed, shared while subscribed; replays the latest state; never completes. */
  readonly summary$: Observable<LoadState<ClusterSummary>> = combineLatest([
    this.liveWorkers.workers$,
    this.tasks$,
  ]).pipe(
    map(([workers, tasks]) => toSummaryState(workers, tasks)),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
}

/** Both sources are needed for a summary; a source that never answered makes it an error, a later failure only a warning. */
export function toSummaryState(
  workers: LoadState<readonly LiveWorker[]>,
  tasks: PollState<readonly TaskListEntry[]>,
): LoadState<ClusterSummary> {
  if (workers.status === 'error') {
    return workers;
  }
  if (tasks.data === undefined) {
    return tasks.lastError ? { status: 'error', message: tasks.lastError } : { status: 'loading' };
  }
  if (workers.status === 'loading') {
    return workers;
  }
  const refreshError = tasks.lastError ?? workers.refreshError;
  return {
    status: 'ready',
    data: toClusterSummary(workers.data, tasks.data),
    updatedAt: Math.max(workers.updatedAt, tasks.lastUpdated ?? 0),
    ...(refreshError ? { refreshError } : {}),
  };
}
