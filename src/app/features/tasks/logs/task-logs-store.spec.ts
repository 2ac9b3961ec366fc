import { TestBed } from '@angular/core/testing';
import { Observable, defer, distinctUntilChanged, map } from 'rxjs';
import { WEB_SOCKET_FACTORY } from '../../../core/realtime/socket-factory';
import { TaskDetail, TaskLogs } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { marbles } from '../../../testing/marbles';
import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { RANDOM } from '../../../core/realtime/browser-signals';
import { PROXY_ERROR_HEADER } from '../../../shared/http/master-failure';
import { CONNECTING_STREAM, LOADING_STORED, STREAM_GATED, WAITING_FOR_START, storedLogView } from './log-view';
import { TaskLogsStore } from './task-logs-store';

describe('TaskLogsStore', () => {
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
        // Full backoff, no jitter: the first reconnect waits 1 s.
        { provide: RANDOM, useValue: () => 1 },
      ],
    });
    return { store: TestBed.inject(TaskLogsStore), socket };
  }

  const inputs = { p: { status: 'pending', cancelling: false }, r: { status: 'running', cancelling: false } };

  it('opens no log socket for a pending task, nor for a running one until the operator opens it', () => {
    marbles(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const frames = cold('-a-b', { a: '{"type":"connected"}', b: '{"type":"log","line":"hello"}' });
      const { store, socket } = storeWith({ socket: () => frames });
      const inputs$ = hot('p 199ms r', inputs);
      cold('300ms x').subscribe(() => store.openLiveLogs('t1'));

      expectObservable(store.logs$('t1', inputs$), '600ms !').toBe('w 199ms g 99ms c 99ms s', {
        w: WAITING_FOR_START,
        g: STREAM_GATED,
        c: CONNECTING_STREAM,
        s: { ...CONNECTING_STREAM, phase: 'streaming', message: null, lines: ['hello'] },
      });
      expectSubscriptions(frames.subscriptions).toBe('300ms ^ 299ms !');
      cold('250ms x').subscribe(() => expect(socket).not.toHaveBeenCalled());
      cold('350ms x').subscribe(() =>
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

      expectObservable(store.logs$('t1', hot('c', { c: { status: 'completed', cancelling: false } })), '100ms !').toBe(
        'l 19ms s',
        {
          l: LOADING_STORED,
          s: storedLogView('done\n', 'success'),
        },
      );
      cold('50ms x').subscribe(() => expect(socket).not.toHaveBeenCalled());
    });
  });

  it('opens a stream cut without a close frame again after a backoff, lining up the replay', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const cut = cold('a 150ms #', { a: '{"type":"log","line":"one"}' }, new CloseEvent('close', { code: 1006 }));
      const again = cold('a', { a: '{"type":"log","line":"one\\ntwo"}' });
      let connections = 0;
      const { store } = storeWith({ socket: () => (connections++ === 0 ? cut : again) });
      store.openLiveLogs('t1');

      const lines = store.logs$('t1', hot('r', inputs)).pipe(map((view) => `${view.phase}:${view.lines.join('+')}`));

      // Lines at 100 ms (the first batch), cut at 151, reconnected 1 s later, its first batch 100 ms after that.
      expectObservable(lines, '1500ms !').toBe('c 99ms s 50ms (ir) 996ms l 99ms t', {
        c: 'loading:',
        s: 'streaming:one',
        i: 'interrupted:one',
        r: 'reconnecting:one',
        l: 'loading:one',
        t: 'streaming:one+two',
      });
    });
  });

  it('turns to the stored logs once the task has finished, when the worker had no container to stream', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const notFound = cold('(ab#)', {
        a: '{"type":"log","line":"Task not found or not running on this worker"}',
        b: '{"type":"complete","status":"not_found"}',
      });
      const { store } = storeWith({
        socket: () => notFound,
        getTaskLogs: () => cold('(l|)', { l: { task_id: 't1', logs: 'all\n', status: 'success', completed_at: 5 } }),
      });
      store.openLiveLogs('t1');
      const inputs$ = hot('r 299ms n 199ms c', {
        ...inputs,
        n: { status: 'not_found', cancelling: false },
        c: { status: 'completed', cancelling: false },
      });

      const phases = store.logs$('t1', inputs$).pipe(
        map((view) => view.phase),
        distinctUntilChanged(),
      );

      expectObservable(phases, '700ms !').toBe('(lx) 496ms (ls)', { l: 'loading', x: 'no-container', s: 'complete' });
    });
  });

  it('closes the live stream while a cancel is on its way, and asks for the stored logs until the master has them', () => {
    marbles(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const frames = cold('a', { a: '{"type":"log","line":"one"}' });
      const dropped = new HttpErrorResponse({
        status: 502,
        headers: new HttpHeaders({ [PROXY_ERROR_HEADER]: 'dropped' }),
      });
      let asked = 0;
      const { store } = storeWith({
        socket: () => frames,
        // Each subscription is a new request, as with HttpClient.
        getTaskLogs: () =>
          defer(() =>
            asked++ === 0
              ? cold<never>('10ms #', undefined, dropped)
              : cold('10ms (l|)', { l: { task_id: 't1', logs: 'stopped\n', status: 'cancelled', completed_at: 5 } }),
          ),
      });
      store.openLiveLogs('t1');
      const inputs$ = hot('r 199ms x 99ms c', {
        ...inputs,
        x: { status: 'running', cancelling: true },
        c: { status: 'cancelled', cancelling: true },
      });

      expectObservable(store.logs$('t1', inputs$).pipe(map((view) => view.phase)), '4000ms !').toBe(
        'l 99ms s 99ms p 99ms l 3019ms c',
        { l: 'loading', s: 'streaming', p: 'paused', c: 'complete' },
      );
      expectSubscriptions(frames.subscriptions).toBe('^ 199ms !');
    });
  });
});
