import { Injectable, inject } from '@angular/core';
import { Observable, combineLatest, map, shareReplay } from 'rxjs';
import { POLLING_CONFIG } from '../../../core/config/polling-config';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { WorkerListEntry } from '../../../shared/cloudai/worker.model';
import { WorkersClient } from '../../../shared/cloudai/workers-client';
import { Fetched } from '../../../shared/streams/fetched';
import { LoadState, toLoadState } from '../../../shared/streams/load-state';
import { poll } from '../../../shared/streams/poll';
import { ClusterSummary, toClusterSummary } from './cluster-summary';

/** The dashboard's data: worker and task lists polled from the master, folded into headline counts. */
@Injectable({ providedIn: 'root' })
export class DashboardStore {
  private readonly workersClient = inject(WorkersClient);
  private readonly tasksClient = inject(TasksClient);
  private readonly polling = inject(POLLING_CONFIG);

  /** Cold until subscribed, shared while subscribed; replays the latest state; never completes. */
  readonly summary$: Observable<LoadState<ClusterSummary>> = combineLatest([
    poll(() => this.workersClient.listWorkers(), this.polling.workersMs),
    poll(() => this.tasksClient.listTasks(), this.polling.tasksMs),
  ]).pipe(
    map(([workers, tasks]) => toSummaryOutcome(workers, tasks)),
    toLoadState(),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
}

/** Both lists are needed for a summary; the first failure of either is the outcome. */
function toSummaryOutcome(
  workers: Fetched<readonly WorkerListEntry[]>,
  tasks: Fetched<readonly TaskListEntry[]>,
): Fetched<ClusterSummary> {
  if (workers.kind === 'error') {
    return workers;
  }
  if (tasks.kind === 'error') {
    return tasks;
  }
  return {
    kind: 'value',
    value: toClusterSummary(workers.value, tasks.value),
    receivedAt: Math.max(workers.receivedAt, tasks.receivedAt),
  };
}
