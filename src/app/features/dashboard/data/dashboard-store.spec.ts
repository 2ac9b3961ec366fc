import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { Observable } from 'rxjs';
import { POLLING_CONFIG } from '../../../core/config/polling-config';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { WorkerListEntry } from '../../../shared/cloudai/worker.model';
import { WorkersClient } from '../../../shared/cloudai/workers-client';
import { LoadState } from '../../../shared/streams/load-state';
import { aTask, aWorker } from '../../../testing/builders';
import { marbles } from '../../../testing/marbles';
import { ClusterSummary, toClusterSummary } from './cluster-summary';
import { DashboardStore } from './dashboard-store';

describe('DashboardStore', () => {
  const workers = [aWorker(), aWorker({ is_active: false })];
  const tasks = [aTask({ status: 'running' }), aTask({ status: 'completed' })];

  function storeWith(
    listWorkers: () => Observable<readonly WorkerListEntry[]>,
    listTasks: () => Observable<readonly TaskListEntry[]>,
  ) {
    TestBed.configureTestingModule({
      providers: [
        { provide: WorkersClient, useValue: { listWorkers } },
        { provide: TasksClient, useValue: { listTasks } },
        { provide: POLLING_CONFIG, useValue: { tasksMs: 100, workersMs: 100, healthMs: 100 } },
      ],
    });
    return TestBed.inject(DashboardStore);
  }

  it('loads, then shows counts from both lists and refreshes them every period', () => {
    marbles(({ cold, expectObservable }) => {
      const moreTasks = [...tasks, aTask({ status: 'pending' })];
      let taskCalls = 0;
      const store = storeWith(
        () => cold('10ms (w|)', { w: workers }),
        () => cold('20ms (t|)', { t: taskCalls++ === 0 ? tasks : moreTasks }),
      );
      const states: Record<string, LoadState<ClusterSummary>> = {
        l: { status: 'loading' },
        a: { status: 'ready', data: toClusterSummary(workers, tasks), updatedAt: 20 },
        b: { status: 'ready', data: toClusterSummary(workers, tasks), updatedAt: 110 },
        c: { status: 'ready', data: toClusterSummary(workers, moreTasks), updatedAt: 120 },
      };

      expectObservable(store.summary$, '150ms !').toBe('l 19ms a 89ms b 9ms c', states);
    });
  });

  it("is an error with the master's message while nothing has loaded", () => {
    marbles(({ cold, expectObservable }) => {
      const failure = new HttpErrorResponse({ status: 503, error: 'Database not available\n' });
      const store = storeWith(
        () => cold('(w|)', { w: workers }),
        () => cold('5ms #', undefined, failure),
      );

      expectObservable(store.summary$, '50ms !').toBe('l 4ms e', {
        l: { status: 'loading' },
        e: { status: 'error', message: 'Database not available (HTTP 503)' },
      });
    });
  });

  it('shows an empty cluster as zero counts, not as an error', () => {
    marbles(({ cold, expectObservable }) => {
      const store = storeWith(
        () => cold('(w|)', { w: [] }),
        () => cold('(t|)', { t: [] }),
      );

      expectObservable(store.summary$, '50ms !').toBe('(lr)', {
        l: { status: 'loading' },
        r: { status: 'ready', data: toClusterSummary([], []), updatedAt: 0 },
      });
    });
  });
});
