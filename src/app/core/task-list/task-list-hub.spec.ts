import { ParsedList } from '../../shared/cloudai/parse-rest-lists';
import { TaskListEntry } from '../../shared/cloudai/task.model';
import { aTask } from '../../testing/builders';
import { marbles } from '../../testing/marbles';
import { runTaskListHub } from './task-list-hub';
import { TabMessage } from '../data-worker/protocol';
import { fakeTabPort } from '../../testing/data-worker-testing';

describe('runTaskListHub', () => {
  const running = aTask({ task_id: 't1', status: 'running' });
  const done = { ...running, status: 'completed' };
  const answer = (entries: TaskListEntry[], rejected = 0): ParsedList<TaskListEntry> => ({ entries, rejected });
  const want = (intervalMs: number, visible = true): TabMessage => ({ kind: 'want', intervalMs, visible });

  it('polls once per interval for every tab, sending each tab the whole list once and then only changes', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      let calls = 0;
      const answers = [answer([running]), answer([running]), answer([done])];
      const request = () => cold('10ms (a|)', { a: answers[Math.min(calls++, answers.length - 1)] });
      let now = 0;
      const first = fakeTabPort(1, cold('a', { a: want(100) }), () => now);
      const second = fakeTabPort(2, cold('50ms a', { a: want(100) }), () => now);
      const ports$ = hot('(ab)', { a: first.port, b: second.port });
      const hub = runTaskListHub(ports$, { request, defaultIntervalMs: 3000, maxBackoffMs: 1000 });
      const clock = cold('a 9ms b 39ms c 59ms d 99ms e', { a: 0, b: 10, c: 50, d: 110, e: 210 });
      clock.subscribe((at) => (now = at));

      expectObservable(hub, '^ 250ms !').toBe('');
      flush();

      expect(calls).toBe(3);
      const kinds = (received: typeof first.received) =>
        received.map(({ at, message }) =>
          message.kind === 'poll' && message.state.kind === 'ready'
            ? `${at}:${message.state.data.full ? 'full ' : ''}${message.state.data.ids === null ? 'same order' : message.state.data.ids.join()}+${message.state.data.changed.map((task) => task.status).join()}`
            : `${at}:${message.kind === 'poll' ? message.state.kind : message.kind}`,
        );
      expect(kinds(first.received)).toEqual([
        '0:loading',
        '0:malformed',
        '10:full t1+running',
        '110:same order+',
        '210:same order+completed',
      ]);
      expect(kinds(second.received)).toEqual([
        '50:full t1+running',
        '50:malformed',
        '110:same order+',
        '210:same order+completed',
      ]);
    });
  });

  it('stops polling when no tab is visible, and starts again when one is', () => {
    marbles(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const response = cold('(a|)', { a: answer([running]) });
      const only = fakeTabPort(1, cold('a 49ms h 99ms v', { a: want(20), h: want(20, false), v: want(20) }), () => 0);
      const hub = runTaskListHub(hot('a', { a: only.port }), {
        request: () => response,
        defaultIntervalMs: 3000,
        maxBackoffMs: 1000,
      });

      expectObservable(hub, '^ 165ms !').toBe('');
      expectSubscriptions(response.subscriptions).toBe(['(^!)', '20ms (^!)', '40ms (^!)', '150ms (^!)']);
    });
  });

  it('tells every tab how many entries were unreadable, and a tab that joins later too', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      const request = () => cold('(a|)', { a: answer([running], 2) });
      const first = fakeTabPort(1, cold('a', { a: want(1000) }), () => 0);
      const later = fakeTabPort(2, cold('10ms a', { a: want(1000) }), () => 0);
      const hub = runTaskListHub(hot('(ab)', { a: first.port, b: later.port }), {
        request,
        defaultIntervalMs: 3000,
        maxBackoffMs: 1000,
      });

      expectObservable(hub, '^ 50ms !').toBe('');
      flush();

      const malformed = (received: typeof first.received) =>
        received.filter(({ message }) => message.kind === 'malformed').map(({ message }) => message);
      // Told on joining (nothing left out yet), then when the count changed.
      expect(malformed(first.received)).toEqual([
        { kind: 'malformed', rejected: 0 },
        { kind: 'malformed', rejected: 2 },
      ]);
      expect(malformed(later.received)).toEqual([{ kind: 'malformed', rejected: 2 }]);
    });
  });

  it('sends nothing more to a tab that left', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      const request = () => cold('(a|)', { a: answer([running]) });
      const leaving = fakeTabPort(1, cold('a 14ms l', { a: want(10), l: { kind: 'leave' } }), () => 0);
      const hub = runTaskListHub(hot('a', { a: leaving.port }), {
        request,
        defaultIntervalMs: 3000,
        maxBackoffMs: 1000,
      });

      expectObservable(hub, '^ 50ms !').toBe('');
      flush();

      expect(leaving.received.length).toBe(4);
    });
  });
});
