import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { Observable, of } from 'rxjs';
import { POLLING_CONFIG } from '../../../core/config/polling-config';
import { PAGE_VISIBLE } from '../../../core/realtime/browser-signals';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { LiveWorkersStore } from '../../../core/realtime/live-workers-store';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { LoadState } from '../../../shared/streams/load-state';
import { aLiveWorker, aTask } from '../../../testing/builders';
import { marbles } from '../../../testing/marbles';
import { ClusterSummary, toClusterSummary } from './cluster-summary';
import { DashboardStore, sameSummary } from './dashboard-store';

describe('DashboardStore', () => {
  const workers = [aLiveWorker(), aLiveWorker({ status: 'inactive' })];
  const tasks = [aTask({ status: 'running' }), aTask({ status: 'completed' })];

  function storeWith(
    workers$: Observable<LoadState<readonly LiveWorker[]>>,
    listTasks: () => Observable<readonly TaskListEntry[]>,
  ) {
    TestBed.configureTestingModule({
      providers: [
        { provide: LiveWorkersStore, useValue: { workers$ } },
        { provide: TasksClient, useValue: { listTasks } },
        {
          provide: POLLING_CONFIG,
          useValue: { tasksMs: 100, maxBackoffMs: 400, cancelSettleMs: 1000, sessionCheckMs: 60_000 },
        },
        { provide: PAGE_VISIBLE, useValue: of(true) },
      ],
    });
    return TestBed.inject(DashboardStore);
  }

  it('loads, then shows counts from workers and tasks, refreshing tasks every period', () => {
    marbles(({ cold, expectObservable }) => {
      const moreTasks = [...tasks, aTask({ status: 'pending' })];
      let taskCalls = 0;
      const store = storeWith(cold('a', { a: { kind: 'ready', data: workers, updatedAt: 5 } }), () =>
        cold('20ms (t|)', { t: taskCalls++ === 0 ? tasks : moreTasks }),
      );
      const states: Record<string, LoadState<ClusterSummary>> = {
        l: { kind: 'loading' },
        a: { kind: 'ready', data: toClusterSummary(workers, tasks), updatedAt: 20 },
        c: { kind: 'ready', data: toClusterSummary(workers, moreTasks), updatedAt: 140 },
      };

      expectObservable(store.summary$, '150ms !').toBe('l 19ms a 119ms c', states);
    });
  });

  it('shows a changed figure at once, and a later update time alone on the clock’s tick', () => {
    marbles(({ cold, expectObservable }) => {
      const fewer = [workers[0]];
      const store = storeWith(
        cold('a 1199ms b 1099ms c', {
          a: { kind: 'ready', data: workers, updatedAt: 0 },
          // The same figures later: only the update time changed.
          b: { kind: 'ready', data: workers, updatedAt: 1200 },
          c: { kind: 'ready', data: fewer, updatedAt: 2300 },
        }),
        () => cold('(t|)', { t: tasks }),
      );

      // The tasks are polled every 100 ms with the same answer, and the workers' update at 1200 changes
      // no figure: the later update time (the poll's at 1900) waits for the tick at 2000, in a new
      // second; a changed figure is shown at once.
      expectObservable(store.summary$, '2500ms !').toBe('(la) 1996ms b 299ms c', {
        l: { kind: 'loading' },
        a: { kind: 'ready', data: toClusterSummary(workers, tasks), updatedAt: 0 },
        b: { kind: 'ready', data: toClusterSummary(workers, tasks), updatedAt: 1900 },
        c: { kind: 'ready', data: toClusterSummary(fewer, tasks), updatedAt: 2300 },
      });
    });
  });

  it('shows the workers, and why there are no task counts, when the master cannot list tasks (no database)', () => {
    marbles(({ cold, expectObservable }) => {
      const failure = new HttpErrorResponse({ status: 503, error: 'Database not available\n' });
      const store = storeWith(cold('a', { a: { kind: 'ready', data: workers, updatedAt: 0 } }), () =>
        cold<readonly TaskListEntry[]>('5ms #', undefined, failure),
      );
      const problem = 'The master has no database, so it keeps no task list and no worker registrations.';

      expectObservable(store.summary$, '50ms !').toBe('l 4ms r', {
        l: { kind: 'loading' },
        r: { kind: 'ready', data: toClusterSummary(workers, { problem }), updatedAt: 0 },
      });
    });
  });

  it('is an error only when neither workers nor tasks could be loaded', () => {
    marbles(({ cold, expectObservable }) => {
      const failure = new HttpErrorResponse({ status: 500, error: 'boom\n' });
      const store = storeWith(cold('a', { a: { kind: 'error', message: 'The master cannot be reached.' } }), () =>
        cold<readonly TaskListEntry[]>('5ms #', undefined, failure),
      );

      // The same error once: the page shows nothing new when the task poll fails too.
      expectObservable(store.summary$, '50ms !').toBe('a', {
        a: { kind: 'error', message: 'The master cannot be reached.' },
      });
    });
  });

  it('keeps the counts and warns when a later task refresh fails', () => {
    marbles(({ cold, expectObservable }) => {
      const failure = new HttpErrorResponse({ status: 0 });
      let call = 0;
      const store = storeWith(cold('a', { a: { kind: 'ready', data: workers, updatedAt: 0 } }), () =>
        call++ === 0 ? cold('(t|)', { t: tasks }) : cold<readonly TaskListEntry[]>('#', undefined, failure),
      );

      expectObservable(store.summary$, '150ms !').toBe('(la) 96ms w', {
        l: { kind: 'loading' },
        a: { kind: 'ready', data: toClusterSummary(workers, tasks), updatedAt: 0 },
        w: jasmine.objectContaining({
          kind: 'ready',
          refreshError: jasmine.stringContaining('could not be reached'),
        }),
      });
    });
  });

  it('shows an empty cluster as zero counts, not as an error', () => {
    marbles(({ cold, expectObservable }) => {
      const store = storeWith(cold('a', { a: { kind: 'ready', data: [], updatedAt: 0 } }), () =>
        cold('(t|)', { t: [] }),
      );

      expectObservable(store.summary$, '50ms !').toBe('(lr)', {
        l: { kind: 'loading' },
        r: { kind: 'ready', data: toClusterSummary([], []), updatedAt: 0 },
      });
    });
  });
});

describe('sameSummary', () => {
  const workers = [aLiveWorker({ id: 'kiwi' })];
  const ready = (updatedAt: number, cpu = 8): LoadState<ClusterSummary> => ({
    kind: 'ready',
    updatedAt,
    data: toClusterSummary(
      workers.map((worker) => ({ ...worker, capacity: { cpu, memory: 16, storage: 100, gpu: 0 } })),
      [],
    ),
  });

  it('holds back a summary that reads the same, to the second', () => {
    expect(sameSummary(ready(10_100), ready(10_900))).toBeTrue();
    expect(sameSummary(ready(10_900), ready(11_000))).toBeFalse();
    expect(sameSummary(ready(10_100), ready(10_100, 16))).toBeFalse();
    expect(sameSummary({ kind: 'loading' }, ready(10_100))).toBeFalse();
  });
});
