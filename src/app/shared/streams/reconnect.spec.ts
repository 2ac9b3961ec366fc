import { NEVER, Observable } from 'rxjs';
import { marbles } from '../../testing/marbles';
import { RetryScheduled, completionAsError, reconnect } from './reconnect';

describe('reconnect', () => {
  const policy = { initialMs: 100, maxMs: 400 };
  const atCeiling = () => 1;

  it('retries forever with exponential backoff, capped, and reports each scheduled retry', () => {
    marbles(({ cold, expectObservable, expectSubscriptions, flush }) => {
      const failing = cold('#');
      const scheduled: RetryScheduled[] = [];
      const connection = failing.pipe(
        reconnect({ policy, random: atCeiling, retryNow$: NEVER, onRetryScheduled: (r) => scheduled.push(r) }),
      );

      expectObservable(connection, '1600ms !').toBe('');
      expectSubscriptions(failing.subscriptions).toBe([
        '(^!)',
        '100ms (^!)',
        '300ms (^!)',
        '700ms (^!)',
        '1100ms (^!)',
        '1500ms (^!)',
      ]);
      flush();
      expect(scheduled.map((r) => [r.attempt, r.retryAt])).toEqual([
        [1, 100],
        [2, 300],
        [3, 700],
        [4, 1100],
        [5, 1500],
        [6, 1900],
      ]);
    });
  });

  it('starts the backoff again after a connection that delivered data', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const responses = [cold('#'), cold('#'), cold('a 9ms #'), cold('#')];
      let call = 0;
      const source = new Observable<string>((subscriber) => responses[Math.min(call++, 3)].subscribe(subscriber));
      const connection = source.pipe(
        reconnect({ policy, random: atCeiling, retryNow$: NEVER, onRetryScheduled: () => undefined }),
      );

      // fails at 0 (wait 100), fails at 100 (wait 200), opens at 300 and delivers, drops at 310:
      // the count was reset by the value, so the next wait is 100 again, not 400.
      expectObservable(connection, '500ms !').toBe('300ms a', { a: 'a' });
      expectSubscriptions(responses[3].subscriptions).toBe('410ms (^!)');
    });
  });

  it('retries at once when told to, instead of waiting out the backoff', () => {
    marbles(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const failing = cold('#');
      const online = hot('50ms o');
      const connection = failing.pipe(
        reconnect({
          policy: { initialMs: 1000, maxMs: 1000 },
          random: atCeiling,
          retryNow$: online,
          onRetryScheduled: () => undefined,
        }),
      );

      expectObservable(connection, '1100ms !').toBe('');
      expectSubscriptions(failing.subscriptions).toBe(['(^!)', '50ms (^!)', '1050ms (^!)']);
    });
  });

  it('closes the connection when the subscriber leaves, also while waiting to retry', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const connection = cold('a 49ms #');
      const reconnecting = connection.pipe(
        reconnect({ policy, random: atCeiling, retryNow$: NEVER, onRetryScheduled: () => undefined }),
      );

      expectObservable(reconnecting, '200ms !').toBe('a 149ms a', { a: 'a' });
      expectSubscriptions(connection.subscriptions).toBe(['^ 49ms !', '150ms ^ 49ms !']);
    });
  });
});

describe('completionAsError', () => {
  it('turns the end of a connection into an error', () => {
    marbles(({ cold, expectObservable }) => {
      expectObservable(cold('a|').pipe(completionAsError('closed'))).toBe('a#', { a: 'a' }, new Error('closed'));
    });
  });
});
