import { TestBed } from '@angular/core/testing';
import { Observable } from 'rxjs';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { PollState } from '../../../shared/streams/load-state';
import { aTask, aPoll } from '../../../testing/builders';
import { marbles } from '../../../testing/marbles';
import { TaskWatchStore } from './task-watch-store';
import { TasksStore } from './tasks-store';

describe('TaskWatchStore', () => {
  const poll = (status: string): PollState<readonly TaskListEntry[]> => aPoll([aTask({ task_id: 't1', status })]);

  beforeEach(() => localStorage.removeItem('cloudai.user.watched-tasks'));
  afterEach(() => localStorage.removeItem('cloudai.user.watched-tasks'));

  function storeWith(poll$: Observable<PollState<readonly TaskListEntry[]>>) {
    TestBed.configureTestingModule({ providers: [{ provide: TasksStore, useValue: { poll$ } }] });
    return TestBed.inject(TaskWatchStore);
  }

  it('announces a submitted task when it finishes, and polls only while a watched task is unfinished', () => {
    marbles(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const poll$ = hot('-p 9ms r 9ms f 9ms f', { p: poll('pending'), r: poll('running'), f: poll('failed') });
      const store = storeWith(poll$);
      store.watch('t1', 'pending');

      expectObservable(store.finished$, '50ms !').toBe('21ms x', { x: { taskId: 't1', status: 'failed' } });
      expectObservable(store.unseenFailures$, '50ms !').toBe('0 20ms 1 8ms 0', { 0: 0, 1: 1 });
      expectSubscriptions(poll$.subscriptions).toBe('^ 20ms !');
      cold('30ms x').subscribe(() => store.markSeen('t1'));
    });
  });

  it('remembers watched tasks across reloads', () => {
    const first = storeWith(new Observable());
    first.watch('t1', 'running');
    TestBed.resetTestingModule();

    const reloaded = storeWith(new Observable());
    let watched: ReadonlyMap<string, unknown> = new Map();
    reloaded.watched$.subscribe((value) => (watched = value));

    expect(watched.has('t1')).toBeTrue();
  });

  it('follows the tasks another tab of this browser starts or stops watching', () => {
    const store = storeWith(new Observable());
    let watched: ReadonlyMap<string, unknown> = new Map();
    store.watched$.subscribe((value) => (watched = value));

    localStorage.setItem(
      'cloudai.user.watched-tasks',
      JSON.stringify({ version: 1, value: [['t9', { status: 'running', unseenFailure: false, since: 0 }]] }),
    );
    window.dispatchEvent(new StorageEvent('storage', { key: 'cloudai.user.watched-tasks', storageArea: localStorage }));

    expect([...watched.keys()]).toEqual(['t9']);
  });

  it('announces nothing for a task first seen already finished', () => {
    marbles(({ hot, expectObservable }) => {
      const store = storeWith(hot('-f', { f: poll('failed') }));
      store.watch('t1');

      expectObservable(store.finished$, '10ms !').toBe('');
    });
  });
});
