import { TestBed } from '@angular/core/testing';
import { Observable } from 'rxjs';
import { WEB_SOCKET_FACTORY } from '../../../core/realtime/socket-factory';
import { marbles } from '../../../testing/marbles';
import { LogsClient } from './logs-client';

describe('LogsClient', () => {
  function clientWith(frames: Observable<string>) {
    const socket = jasmine.createSpy('socket').and.returnValue(frames);
    TestBed.configureTestingModule({ providers: [{ provide: WEB_SOCKET_FACTORY, useValue: socket }] });
    return { client: TestBed.inject(LogsClient), socket };
  }

  const values = { a: '{"type":"connected"}', b: 'not json' };

  it("opens the task's log socket on the page's host and passes its frames on raw, until it closes", () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const frames = cold('a-b-|', values);
      const { client, socket } = clientWith(frames);

      expectObservable(client.taskLogFrames('t/1')).toBe('a-b-|', values);
      expectSubscriptions(frames.subscriptions).toBe('^---!');
      expect(socket).toHaveBeenCalledOnceWith(`ws://${document.location.host}/ws/tasks/t%2F1/logs`);
    });
  });

  it('passes a dropped connection on as an error, with its close code', () => {
    marbles(({ cold, expectObservable }) => {
      const dropped = new CloseEvent('close', { code: 1006 });
      const { client } = clientWith(cold('a-#', values, dropped));

      expectObservable(client.taskLogFrames('t1')).toBe('a-#', values, dropped);
    });
  });

  it('opens nothing until subscribed, and closes the socket when the last subscriber leaves', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const frames = cold('a 99ms b', values);
      const { client } = clientWith(frames);

      expectObservable(client.taskLogFrames('t1'), '10ms ^ 49ms !').toBe('10ms a', values);
      expectSubscriptions(frames.subscriptions).toBe('10ms ^ 49ms !');
    });
  });
});
