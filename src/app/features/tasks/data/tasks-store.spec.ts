import { TestBed } from '@angular/core/testing';
import { NEVER, Observable, map, of } from 'rxjs';
import { POLLING_CONFIG } from '../../../core/config/polling-config';
import { PAGE_VISIBLE } from '../../../core/realtime/browser-signals';
import { TelemetryStore } from '../../../core/realtime/telemetry-store';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { PollState, dataOf } from '../../../shared/streams/load-state';
import { aTask } from '../../../testing/builders';
import { marbles } from '../../../testing/marbles';
import { TasksStore } from './tasks-store';

describe('TasksStore', () => {
  afterEach(() => localStorage.removeItem('cloudai.tasks.interval'));

  /** The n-th request answers with a list of n tasks, 10 ms after it is sent. */
  function storeWith(
    cold: (marbles: string, values: Record<string, readonly TaskListEntry[]>) => Observable<readonly TaskListEntry[]>,
    workers$: Observable<unknown> = NEVER,
  ) {
    let requests = 0;
    TestBed.configureTestingModule({
      providers: [
        {
          provide: TasksClient,
          useValue: {
            listTasks: () => {
              requests += 1;
              return cold('10ms (l|)', { l: Array.from({ length: requests }, () => aTask()) });
            },
          },
        },
        {
          provide: POLLING_CONFIG,
          useValue: { tasksMs: 100, maxBackoffMs: 400, cancelSettleMs: 1000, sessionCheckMs: 60_000 },
        },
        { provide: PAGE_VISIBLE, useValue: of(true) },
        { provide: TelemetryStore, useValue: { workers$ } },
      ],
    });
    return TestBed.inject(TasksStore);
  }

  const count = (poll$: Observable<PollState<readonly TaskListEntry[]>>) =>
    poll$.pipe(map((poll) => dataOf(poll)?.length ?? 0));

  it('says where tasks run at once, then at most once a second however often telemetry arrives', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const running = (...taskIds: string[]) =>
        new Map([['kiwi', { telemetry: { running_tasks: taskIds.map((task_id) => ({ task_id })) } }]]);
      const workers$ = hot('a 99ms b 199ms c', { a: new Map(), b: running('t1'), c: running('t1', 't2') });
      const store = storeWith(cold, workers$);

      expectObservable(store.runningOn$, '1500ms !').toBe('a 999ms c', {
        a: new Map(),
        c: new Map([
          ['t1', 'kiwi'],
          ['t2', 'kiwi'],
        ]),
      });
    });
  });

  it('holds the list page still while paused, and only that: the shared poll goes on at the default interval', () => {
    marbles(({ cold, expectObservable }) => {
      const store = storeWith(cold);
      store.pollEvery(0);

      // The list shows the first answer and nothing more; the poll behind it answers every 100 ms.
      expectObservable(count(store.listPoll$), '350ms !').toBe('10ms a', { a: 1 });
      expectObservable(count(store.poll$), '350ms !').toBe('0 9ms a 109ms b 109ms c 109ms d', {
        0: 0,
        a: 1,
        b: 2,
        c: 3,
        d: 4,
      });
    });
  });

  it('updates the paused list with the answer to a manual refresh', () => {
    marbles(({ cold, expectObservable }) => {
      const store = storeWith(cold);
      store.pollEvery(0);
      cold('50ms r').subscribe(() => store.refresh());

      expectObservable(count(store.listPoll$), '300ms !').toBe('10ms a 49ms b', { a: 1, b: 2 });
    });
  });

  it('follows every answer while auto-updating', () => {
    marbles(({ cold, expectObservable }) => {
      const store = storeWith(cold);
      store.pollEvery(1000);

      expectObservable(count(store.listPoll$), '1500ms !').toBe('0 9ms a 1009ms b', { 0: 0, a: 1, b: 2 });
    });
  });
});
