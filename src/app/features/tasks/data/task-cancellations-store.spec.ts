import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { Observable, of } from 'rxjs';
import { POLLING_CONFIG } from '../../../core/config/polling-config';
import { TaskCancelRequested, TaskListEntry } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { PollState } from '../../../shared/streams/load-state';
import { aTask, aPoll } from '../../../testing/builders';
import { marbles } from '../../../testing/marbles';
import { TaskCancellationsStore } from './task-cancellations-store';
import { TasksStore } from './tasks-store';

describe('TaskCancellationsStore', () => {
  const running = aTask({ task_id: 't1', status: 'running' });
  const ack: TaskCancelRequested = { task_id: 't1', status: 'cancelled', message: 'Task cancellation requested' };
  const poll = (status: string, updatedAt = 0): PollState<readonly TaskListEntry[]> =>
    aPoll([{ ...running, status }], updatedAt);

  function storeWith(
    cancelTask: (taskId: string) => Observable<TaskCancelRequested>,
    poll$: Observable<PollState<readonly TaskListEntry[]>>,
    runningNow: () => Observable<readonly TaskListEntry[]> = () => of([running]),
  ) {
    const refresh = jasmine.createSpy('refresh');
    const listTasks = jasmine.createSpy('listTasks').and.callFake(runningNow);
    TestBed.configureTestingModule({
      providers: [
        { provide: TasksClient, useValue: { cancelTask, listTasks } },
        { provide: TasksStore, useValue: { poll$, refresh } },
        {
          provide: POLLING_CONFIG,
          useValue: { tasksMs: 100, maxBackoffMs: 400, cancelSettleMs: 1000, sessionCheckMs: 60_000 },
        },
      ],
    });
    return { store: TestBed.inject(TaskCancellationsStore), refresh, listTasks };
  }

  it('reads the running tasks right before sending, and sends nothing for a task that is no longer running', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const cancelTask = jasmine.createSpy('cancelTask').and.returnValue(cold('(a|)', { a: ack }));
      const { store, listTasks } = storeWith(cancelTask, hot('r', { r: poll('running') }), () =>
        cold('20ms (l|)', { l: [] }),
      );
      cold('10ms x').subscribe(() => store.cancel(running));

      expectObservable(store.outcomes$, '100ms !').toBe('30ms o', {
        o: {
          taskId: 't1',
          kind: 'not-sent',
          message:
            'Task t1 was not cancelled: it is no longer running, and cancelling it now would only overwrite its status.',
        },
      });
      cold('50ms x').subscribe(() => {
        expect(listTasks).toHaveBeenCalledOnceWith('running');
        expect(cancelTask).not.toHaveBeenCalled();
      });
    });
  });

  it('sends cancels one at a time, each after reading the running tasks again', () => {
    marbles(({ cold, hot, expectSubscriptions }) => {
      const second = aTask({ task_id: 't2', status: 'running' });
      const first$ = cold('100ms (a|)', { a: ack });
      const second$ = cold('100ms (a|)', { a: { ...ack, task_id: 't2' } });
      // Both show as cancelled once done, which ends the watch (and the store's clock) for the test.
      const bothCancelled: PollState<readonly TaskListEntry[]> = aPoll(
        [
          { ...running, status: 'cancelled' },
          { ...second, status: 'cancelled' },
        ],
        300,
      );
      const { store } = storeWith(
        (taskId) => (taskId === 't1' ? first$ : second$),
        hot('r 299ms c', { r: poll('running'), c: bothCancelled }),
        () => of([running, second]),
      );
      cold('10ms x').subscribe(() => {
        store.cancel(running);
        store.cancel(second);
      });

      expectSubscriptions(first$.subscriptions).toBe('10ms ^ 99ms !');
      expectSubscriptions(second$.subscriptions).toBe('110ms ^ 99ms !');
    });
  });

  it('shows the cancel as pending at once, confirms it when the list agrees, and looks again when the master answers', () => {
    marbles(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const poll$ = hot('  r 99ms s 99ms c', {
        r: poll('running', 0),
        s: poll('running', 100),
        c: poll('cancelled', 200),
      });
      const { store, refresh } = storeWith(() => cold('50ms (a|)', { a: ack }), poll$);
      cold('10ms x').subscribe(() => store.cancel(running));

      expectObservable(store.pending$, '300ms !').toBe('e 9ms p 49ms p 39ms p 99ms e', {
        e: new Map(),
        p: jasmine.any(Map) as never,
      });
      expectObservable(store.outcomes$, '300ms !').toBe('200ms o', {
        o: { taskId: 't1', kind: 'cancelled', message: 'Task t1 was cancelled.' },
      });
      // The list is watched only while a cancel is unconfirmed.
      expectSubscriptions(poll$.subscriptions).toBe('10ms ^ 189ms !');
      cold('61ms x').subscribe(() => expect(refresh).toHaveBeenCalledTimes(1));
    });
  });

  it('rolls back with the reason when the request fails', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const failure = new HttpErrorResponse({ status: 500, error: 'Failed to cancel task: worker gone' });
      const { store } = storeWith(() => cold('30ms #', undefined, failure), hot('r', { r: poll('running') }));
      cold('10ms x').subscribe(() => store.cancel(running));

      expectObservable(store.outcomes$, '100ms !').toBe('40ms o', {
        o: {
          taskId: 't1',
          kind: 'rolled-back',
          message: 'Cancelling t1 failed: Failed to cancel task: worker gone (HTTP 500) It is running again.',
        },
      });
    });
  });

  it('rolls back when the master said yes but the list still disagrees after the settle time', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const { store } = storeWith(
        () => cold('(a|)', { a: ack }),
        hot('r 499ms s', { r: poll('running', 0), s: poll('running', 500) }),
      );
      cold('x').subscribe(() => store.cancel(running));

      expectObservable(store.outcomes$, '2000ms !').toBe('1000ms o', {
        o: {
          taskId: 't1',
          kind: 'rolled-back',
          message: 'The master accepted the cancel of t1, but it is still running.',
        },
      });
    });
  });

  it('never rolls back on a list older than the master’s answer (polling paused, tab hidden)', () => {
    marbles(({ cold, hot, expectObservable }) => {
      // The list is not fetched again for six seconds (paused, hidden tab); then it shows the cancel.
      const { store } = storeWith(
        () => cold('100ms (a|)', { a: ack }),
        hot('r 5999ms c', { r: poll('running', 0), c: poll('cancelled', 6000) }),
      );
      cold('x').subscribe(() => store.cancel(running));

      expectObservable(store.outcomes$, '7000ms !').toBe('6000ms o', {
        o: { taskId: 't1', kind: 'cancelled', message: 'Task t1 was cancelled.' },
      });
    });
  });
});
