import { TestBed } from '@angular/core/testing';
import { Observable, of } from 'rxjs';
import { aTask } from '../../testing/builders';
import { marbles } from '../../testing/marbles';
import { TaskListEntry } from '../../shared/cloudai/task.model';
import { TasksClient } from '../../shared/cloudai/tasks-client';
import { POLLING_CONFIG } from '../config/polling-config';
import { PAGE_VISIBLE } from '../realtime/browser-signals';
import { DATA_WORKER, DataWorker } from '../data-worker/data-worker';
import { TaskListSource, pollIntervalChoices } from './task-list-source';

describe('TaskListSource', () => {
  afterEach(() => localStorage.removeItem('cloudai.tasks.interval'));

  function sourceWith(
    listTasks: () => Observable<readonly TaskListEntry[]>,
    worker: DataWorker | null = null,
  ): TaskListSource {
    TestBed.configureTestingModule({
      providers: [
        { provide: DATA_WORKER, useValue: worker },
        { provide: TasksClient, useValue: { listTasks } },
        {
          provide: POLLING_CONFIG,
          useValue: { tasksMs: 100, maxBackoffMs: 400, cancelSettleMs: 1000, sessionCheckMs: 60_000 },
        },
        { provide: PAGE_VISIBLE, useValue: of(true) },
      ],
    });
    return TestBed.inject(TaskListSource);
  }

  it('serves every reader from one request per interval', () => {
    marbles(({ cold, expectObservable }) => {
      const listTasks = jasmine.createSpy('listTasks').and.callFake(() => cold('10ms (l|)', { l: [aTask()] }));
      const source = sourceWith(listTasks);

      // The task list, the dashboard and a task's page read the list at the same time.
      expectObservable(source.poll$, '250ms !').toBe('0 9ms a 109ms a 109ms a', {
        0: jasmine.objectContaining({ kind: 'loading' }) as never,
        a: jasmine.objectContaining({ kind: 'ready', consecutiveFailures: 0 }) as never,
      });
      expectObservable(source.poll$, '250ms !').toBe('0 9ms a 109ms a 109ms a', {
        0: jasmine.objectContaining({ kind: 'loading' }) as never,
        a: jasmine.objectContaining({ kind: 'ready', consecutiveFailures: 0 }) as never,
      });
      cold('250ms x').subscribe(() => expect(listTasks).toHaveBeenCalledTimes(3));
    });
  });

  it('remembers the chosen interval, and polls at the default one while the list page is paused', () => {
    marbles(({ cold, expectObservable }) => {
      const listTasks = jasmine.createSpy('listTasks').and.callFake(() => cold('10ms (l|)', { l: [] }));
      const source = sourceWith(listTasks);
      source.pollEvery(0);

      expectObservable(source.intervalMs$, '50ms !').toBe('0', { 0: 0 });
      cold('250ms x').subscribe(() => expect(listTasks).toHaveBeenCalledTimes(3));
      expectObservable(source.poll$, '250ms !').toBe('0 9ms a 109ms a 109ms a', {
        0: jasmine.objectContaining({ kind: 'loading' }) as never,
        a: jasmine.objectContaining({ kind: 'ready', consecutiveFailures: 0 }) as never,
      });
    });
  });

  it('polls in the page when the data worker cannot start, and not before', () => {
    marbles(({ cold, expectObservable }) => {
      const listTasks = jasmine.createSpy('listTasks').and.callFake(() => cold('10ms (l|)', { l: [aTask()] }));
      const said: unknown[] = [];
      const port = {
        postMessage: (message: unknown) => said.push(message),
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      };
      const source = sourceWith(listTasks, { port, failed$: cold('50ms x') });

      expectObservable(source.poll$, '100ms !').toBe('50ms 0 9ms a', {
        0: jasmine.objectContaining({ kind: 'loading' }) as never,
        a: jasmine.objectContaining({ kind: 'ready' }) as never,
      });
      cold('40ms x').subscribe(() => {
        expect(listTasks).not.toHaveBeenCalled();
        expect(said).toContain(jasmine.objectContaining({ kind: 'want' }));
      });
    });
  });
});

describe('pollIntervalChoices', () => {
  it("adds the deployment's default to the usual intervals, in order, with Paused last", () => {
    expect(pollIntervalChoices(3000)).toEqual([1000, 3000, 10_000, 30_000, 0]);
    expect(pollIntervalChoices(5000)).toEqual([1000, 3000, 5000, 10_000, 30_000, 0]);
    expect(pollIntervalChoices(60_000)).toEqual([1000, 3000, 10_000, 30_000, 60_000, 0]);
  });
});
