import { TestBed } from '@angular/core/testing';
import { Observable } from 'rxjs';
import { WEB_SOCKET_FACTORY } from '../../../core/realtime/socket-factory';
import { TaskDetail, TaskLogs } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { aTask } from '../../../testing/builders';
import { marbles } from '../../../testing/marbles';
import { CONNECTING_STREAM, LOADING_STORED, WAITING_FOR_START, storedLogView } from './log-stream';
import { ListedTask, TaskDetailStore } from './task-detail-store';
import { TasksStore } from './tasks-store';

describe('TaskDetailStore', () => {
  function storeWith(options: {
    socket?: (url: string) => Observable<string>;
    getTask?: () => Observable<TaskDetail>;
    getTaskLogs?: () => Observable<TaskLogs>;
  }) {
    const socket = jasmine.createSpy('socket').and.callFake(options.socket ?? (() => new Observable<string>()));
    TestBed.configureTestingModule({
      providers: [
        { provide: WEB_SOCKET_FACTORY, useValue: socket },
        { provide: TasksClient, useValue: { getTask: options.getTask, getTaskLogs: options.getTaskLogs } },
        { provide: TasksStore, useValue: { refresh: jasmine.createSpy('refresh') } },
      ],
    });
    return { store: TestBed.inject(TaskDetailStore), socket };
  }

  it('opens no log socket for a pending task, then streams once it runs', () => {
    marbles(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const frames = cold('-a-b', { a: '{"type":"connected"}', b: '{"type":"log","line":"hello"}' });
      const { store, socket } = storeWith({ socket: () => frames });
      const status$ = hot('p 199ms r', { p: 'pending', r: 'running' });

      expectObservable(store.logs$('t1', status$), '500ms !').toBe('w 199ms c 99ms s', {
        w: WAITING_FOR_START,
        c: CONNECTING_STREAM,
        s: { ...CONNECTING_STREAM, phase: 'streaming', message: null, lines: ['hello'] },
      });
      expectSubscriptions(frames.subscriptions).toBe('200ms ^ 299ms !');
      cold('150ms x').subscribe(() => expect(socket).not.toHaveBeenCalled());
      cold('250ms x').subscribe(() =>
        expect(socket).toHaveBeenCalledOnceWith(jasmine.stringMatching(/\/ws\/tasks\/t1\/logs$/)),
      );
    });
  });

  it('reads the stored logs of a finished task instead of replaying them over the socket', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const { store, socket } = storeWith({
        getTaskLogs: () =>
          cold('20ms (l|)', { l: { task_id: 't1', logs: 'done\n', status: 'success', completed_at: 5 } }),
      });

      expectObservable(store.logs$('t1', hot('c', { c: 'completed' })), '100ms !').toBe('l 19ms s', {
        l: LOADING_STORED,
        s: storedLogView('done\n', 'success'),
      });
      cold('50ms x').subscribe(() => expect(socket).not.toHaveBeenCalled());
    });
  });

  it('asks for the detail only once the task has finished (the master drops the connection before)', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const detail = { ...aTask({ task_id: 't1', status: 'completed' }), assignment: null, result: null };
      const getTask = jasmine.createSpy('getTask').and.returnValue(cold('10ms (d|)', { d: detail }));
      const { store } = storeWith({ getTask });
      const listed$ = hot<ListedTask>('r 99ms c', {
        r: { loaded: true, entry: aTask({ task_id: 't1', status: 'running' }), listError: null },
        c: { loaded: true, entry: aTask({ task_id: 't1', status: 'completed' }), listError: null },
      });

      expectObservable(store.detail$('t1', listed$), '200ms !').toBe('n 99ms l 9ms v', {
        n: { kind: 'not-asked' },
        l: { kind: 'loading' },
        v: { kind: 'value', detail },
      });
      cold('50ms x').subscribe(() => expect(getTask).not.toHaveBeenCalled());
    });
  });
});
