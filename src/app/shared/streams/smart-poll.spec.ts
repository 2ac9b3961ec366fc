import { HttpErrorResponse } from '@angular/common/http';
import { toMasterFailure } from '../http/master-failure';
import { NEVER, Observable, distinctUntilChanged, ignoreElements, map } from 'rxjs';
import { marbles } from '../../testing/marbles';
import { smartPoll } from './smart-poll';
import { PollState, dataOf, updatedAtOf } from './load-state';
import { aPoll } from '../../testing/builders';

describe('smartPoll', () => {
  const failure = new HttpErrorResponse({ status: 500, error: 'boom' });

  /** A request whose n-th call answers with the n-th observable (the last one repeats). */
  function answers<T>(...responses: Observable<T>[]): () => Observable<T> {
    let call = 0;
    return () => responses[Math.min(call++, responses.length - 1)];
  }

  const dataSeen = <T>(states: Observable<PollState<T>>) => states.pipe(map((state) => dataOf(state)));

  it('fetches at once and then every interval, with the time of each success', () => {
    marbles(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const response = cold('5ms (a|)', { a: [1, 2] });
      const states = smartPoll({
        request: () => response,
        intervalMs$: hot('i', { i: 100 }),
        visible$: hot('v', { v: true }),
      });

      expectObservable(states.pipe(map(updatedAtOf)), '250ms !').toBe('n 4ms a 104ms b 104ms c', {
        n: null,
        a: 5,
        b: 110,
        c: 215,
      });
      expectSubscriptions(response.subscriptions).toBe(['^ 4ms !', '105ms ^ 4ms !', '210ms ^ 4ms !']);
    });
  });

  it('keeps the same data reference while responses are structurally equal', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const first = { tasks: [{ id: 'a', status: 'running' }] };
      const same = { tasks: [{ id: 'a', status: 'running' }] };
      const changed = { tasks: [{ id: 'a', status: 'completed' }] };
      const request = answers(cold('(a|)', { a: first }), cold('(a|)', { a: same }), cold('(a|)', { a: changed }));
      const states = smartPoll({ request, intervalMs$: hot('i', { i: 100 }), visible$: hot('v', { v: true }) });
      const distinctData = dataSeen(states).pipe(distinctUntilChanged());

      expectObservable(distinctData, '250ms !').toBe('(ua) 196ms c', { u: undefined, a: first, c: changed });
    });
  });

  it('turns a failure into a refresh error, keeps the data, and keeps polling', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const request = answers(cold('(a|)', { a: 1 }), cold<number>('#', undefined, failure), cold('(b|)', { b: 2 }));
      const states = smartPoll({
        request,
        intervalMs$: hot('i', { i: 100 }),
        visible$: hot('v', { v: true }),
        maxBackoffMs: 1000,
      });
      const expected: Record<string, PollState<number>> = {
        i: { kind: 'loading', consecutiveFailures: 0 },
        a: aPoll(1, 0),
        e: aPoll(1, 0, 'boom (HTTP 500)'),
        b: aPoll(2, 300),
      };

      // after one failure the next request waits 2 × 100 ms
      expectObservable(states, '350ms !').toBe('(ia) 96ms e 199ms b', expected);
    });
  });

  it('reports a failure before any data as an error, with what kind of failure it was', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const request = answers(cold<number>('#', undefined, failure), cold('(a|)', { a: 1 }));
      const states = smartPoll({ request, intervalMs$: hot('i', { i: 100 }), visible$: hot('v', { v: true }) });

      expectObservable(states, '250ms !').toBe('(ie) 196ms a', {
        i: { kind: 'loading', consecutiveFailures: 0 },
        e: { kind: 'error', message: 'boom (HTTP 500)', failure: toMasterFailure(failure), consecutiveFailures: 1 },
        a: aPoll(1, 200),
      });
    });
  });

  it('backs off after consecutive failures and returns to the interval after a success', () => {
    marbles(({ cold, hot, expectSubscriptions, expectObservable }) => {
      const failing = cold<number>('#', undefined, failure);
      const ok = cold('(a|)', { a: 1 });
      const request = answers<number>(failing, failing, ok);
      const states = smartPoll({
        request,
        intervalMs$: hot('i', { i: 100 }),
        visible$: hot('v', { v: true }),
        maxBackoffMs: 350,
      });

      // waits: 200 (1 failure), 350 (2 failures: 400 capped), then 100 again after the success at 550
      expectObservable(states.pipe(map((s) => s.consecutiveFailures)), '700ms !').toBe('(a b) 196ms c 349ms d 99ms d', {
        a: 0,
        b: 1,
        c: 2,
        d: 0,
      } as Record<string, number>);
      expectSubscriptions(failing.subscriptions).toBe(['(^!)', '200ms (^!)']);
      expectSubscriptions(ok.subscriptions).toBe(['550ms (^!)', '650ms (^!)']);
    });
  });

  it('stops while the page is hidden and fetches at once when it is visible again', () => {
    marbles(({ cold, hot, expectSubscriptions, expectObservable }) => {
      const response = cold('(a|)', { a: 1 });
      const visible = hot('v 149ms h 199ms v', { v: true, h: false });
      const states = smartPoll({ request: () => response, intervalMs$: hot('i', { i: 100 }), visible$: visible });

      expectObservable(states.pipe(ignoreElements()), '400ms !').toBe('');
      expectSubscriptions(response.subscriptions).toBe(['(^!)', '100ms (^!)', '350ms (^!)']);
    });
  });

  it('fetches once when paused (interval 0), then only on a manual refresh', () => {
    marbles(({ cold, hot, expectSubscriptions, expectObservable }) => {
      const response = cold('(a|)', { a: 1 });
      const interval = hot('i 49ms p', { i: 100, p: 0 });
      const refresh = hot('300ms r');
      const states = smartPoll({
        request: () => response,
        intervalMs$: interval,
        visible$: hot('v', { v: true }),
        refresh$: refresh,
      });

      expectObservable(states.pipe(ignoreElements()), '500ms !').toBe('');
      expectSubscriptions(response.subscriptions).toBe(['(^!)', '50ms (^!)', '300ms (^!)']);
    });
  });

  it('restarts at once with a new interval', () => {
    marbles(({ cold, hot, expectSubscriptions, expectObservable }) => {
      const response = cold('(a|)', { a: 1 });
      const interval = hot('i 49ms j', { i: 100, j: 30 });
      const states = smartPoll({ request: () => response, intervalMs$: interval, visible$: hot('v', { v: true }) });

      expectObservable(states.pipe(ignoreElements()), '100ms !').toBe('');
      expectSubscriptions(response.subscriptions).toBe(['(^!)', '50ms (^!)', '80ms (^!)']);
    });
  });

  it('cancels the request in flight on a manual refresh and starts a new one', () => {
    marbles(({ cold, hot, expectSubscriptions, expectObservable }) => {
      const slow = cold('50ms (a|)', { a: 1 });
      const refresh = hot('20ms r');
      const states = smartPoll({
        request: () => slow,
        intervalMs$: hot('i', { i: 1000 }),
        visible$: hot('v', { v: true }),
        refresh$: refresh,
      });

      expectObservable(states.pipe(map(updatedAtOf)), '100ms !').toBe('n 69ms a', { n: null, a: 70 });
      expectSubscriptions(slow.subscriptions).toBe(['^ 19ms !', '20ms ^ 49ms !']);
    });
  });

  it('cancels the request in flight when the last subscriber leaves', () => {
    marbles(({ cold, hot, expectSubscriptions, expectObservable }) => {
      const slow = cold('50ms (a|)', { a: 1 });
      const states = smartPoll({
        request: () => slow,
        intervalMs$: hot('i', { i: 100 }),
        visible$: hot('v', { v: true }),
      });

      expectObservable(states, '30ms !').toBe('n', {
        n: { kind: 'loading', consecutiveFailures: 0 },
      });
      expectSubscriptions(slow.subscriptions).toBe('^ 29ms !');
    });
  });

  it('never polls without a visible page', () => {
    marbles(({ cold, hot, expectSubscriptions, expectObservable }) => {
      const response = cold('(a|)', { a: 1 });
      const states = smartPoll({
        request: () => response,
        intervalMs$: hot('i', { i: 100 }),
        visible$: hot('h', { h: false }),
        refresh$: NEVER,
      });

      expectObservable(states.pipe(ignoreElements()), '300ms !').toBe('');
      expectSubscriptions(response.subscriptions).toBe([]);
    });
  });
});
