import { HttpErrorResponse } from '@angular/common/http';
import { map } from 'rxjs';
import { WorkerListEntry } from '../../shared/cloudai/worker.model';
import { PollState, dataOf, problemOf, updatedAtOf } from '../../shared/streams/load-state';
import { aWorker } from '../../testing/builders';
import { marbles } from '../../testing/marbles';
import { SocketStatus } from './connection-state';
import { setupRegistry } from '../../testing/realtime-testing';

describe('WorkerRegistry', () => {
  const socket = {
    u: { phase: 'open', lastFrameAt: 0 },
    d: { phase: 'retrying', lastFrameAt: 0, attempt: 1, retryAt: 1000, reason: 'refused' },
  } satisfies Record<string, SocketStatus>;
  const kiwi = [aWorker({ worker_id: 'kiwi' })];
  const fig = [aWorker({ worker_id: 'fig' })];
  const failure = new HttpErrorResponse({ status: 500, error: 'boom' });
  const names = (poll: PollState<readonly WorkerListEntry[]> | null) =>
    poll === null
      ? 'up'
      : `${
          dataOf(poll)
            ?.map((worker) => worker.worker_id)
            .join() ?? '-'
        }/${problemOf(poll) ?? 'ok'}`;

  it('serves every reader from one poller: one request at a time, however many listen', () => {
    marbles(({ cold, hot, expectObservable, expectSubscriptions, flush }) => {
      const answer = cold('10ms (r|)', { r: kiwi });
      const { registry, calls } = setupRegistry(hot('d', socket), [answer]);
      const answeredAt = (poll: PollState<unknown> | null) => (poll ? updatedAtOf(poll) : undefined);

      // The workers page and the toolbar chip, each read twice.
      expectObservable(registry.registry$.pipe(map(answeredAt)), '200ms !').toBe('n 9ms a 59ms b 59ms c 59ms d', {
        n: null,
        a: 10,
        b: 70,
        c: 130,
        d: 190,
      });
      expectObservable(registry.registry$.pipe(map(answeredAt)), '100ms !').toBe('n 9ms a 59ms b', {
        n: null,
        a: 10,
        b: 70,
      });
      expectObservable(registry.fallback$.pipe(map(answeredAt)), '200ms !').toBe('10ms a 59ms b 59ms c 59ms d', {
        a: 10,
        b: 70,
        c: 130,
        d: 190,
      });
      expectObservable(registry.fallback$.pipe(map(names)), '150ms !').toBe('10ms k 59ms k 59ms k', { k: 'kiwi/ok' });
      expectSubscriptions(answer.subscriptions).toBe(['^ 9ms !', '60ms ^ 9ms !', '120ms ^ 9ms !', '180ms ^ 9ms !']);
      flush();
      expect(calls).toEqual([0, 60, 120, 180]);
    });
  });

  it('polls at the registry pace while the socket is up and the fallback pace while it is down, at once on each change', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      const { registry, calls } = setupRegistry(hot('u 99ms d 199ms u', socket), [cold('(r|)', { r: kiwi })]);

      expectObservable(registry.registry$.pipe(map(() => 'x')), '450ms !').toBe(
        '(xx) 96ms x 49ms x 49ms x 49ms x 49ms x',
        {
          x: 'x',
        },
      );
      flush();
      expect(calls).toEqual([0, 100, 150, 200, 250, 300]);
    });
  });

  it('cancels the request in flight when the pace changes or the last reader leaves', () => {
    marbles(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const slow = cold('30ms (r|)', { r: kiwi });
      const { registry } = setupRegistry(hot('u 9ms d', socket), [slow]);

      expectObservable(registry.registry$.pipe(map(names)), '100ms !').toBe('n 39ms k', { n: '-/ok', k: 'kiwi/ok' });
      expectSubscriptions(slow.subscriptions).toBe(['^ 9ms !', '10ms ^ 29ms !', '90ms ^ 9ms !']);
    });
  });

  it('backs off after failures at the registry pace only', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      const { registry, calls } = setupRegistry(hot('u', socket), [
        cold<readonly WorkerListEntry[]>('#', undefined, failure),
      ]);

      expectObservable(registry.registry$.pipe(map((poll) => poll.consecutiveFailures)), '1500ms !').toBe(
        '(za) 396ms b 799ms c',
        { z: 0, a: 1, b: 2, c: 3 },
      );
      flush();
      // 200 ms, then twice that after one failure, four times after two.
      expect(calls).toEqual([0, 400, 1200]);
    });
  });

  it('keeps trying at the fallback pace, however often the master fails, while the socket is down', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      const { registry, calls } = setupRegistry(hot('d', socket), [
        cold<readonly WorkerListEntry[]>('#', undefined, failure),
      ]);

      expectObservable(registry.fallback$.pipe(map((poll) => poll?.consecutiveFailures)), '180ms !').toBe(
        'a 49ms b 49ms c 49ms d',
        { a: 1, b: 2, c: 3, d: 4 },
      );
      flush();
      expect(calls).toEqual([0, 50, 100, 150]);
    });
  });

  it('starts the fallback afresh at each outage, while the registry keeps every answer', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const ok = (workers: WorkerListEntry[]) => cold('(r|)', { r: workers });
      const fails = cold<readonly WorkerListEntry[]>('#', undefined, failure);
      // Requests at 0 (up), 50 and 100 (down), 150 (up), 200 (down).
      const { registry } = setupRegistry(hot('u 49ms d 99ms u 49ms d', socket), [
        ok(kiwi),
        fails,
        ok(fig),
        ok(fig),
        fails,
      ]);

      expectObservable(registry.fallback$.pipe(map(names)), '230ms !').toBe('u 49ms e 49ms f 49ms u 49ms e', {
        u: 'up',
        e: '-/boom (HTTP 500)',
        f: 'fig/ok',
      });
      expectObservable(registry.registry$.pipe(map(names)), '230ms !').toBe('(nk) 46ms e 49ms f 49ms f 49ms g', {
        n: '-/ok',
        k: 'kiwi/ok',
        e: 'kiwi/boom (HTTP 500)',
        f: 'fig/ok',
        g: 'fig/boom (HTTP 500)',
      });
    });
  });

  it('reconnects the socket when the master answers again while it is down, and only then', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      const ok = cold('(r|)', { r: kiwi });
      const fails = cold<readonly WorkerListEntry[]>('#', undefined, failure);
      // Down: 0 ✗, 50 ✗, 100 ✓, 150 ✓, 200 ✗, 250 ✓; up: 300 ✓.
      const { registry, retries } = setupRegistry(hot('d 299ms u', socket), [fails, fails, ok, ok, fails, ok, ok]);

      expectObservable(registry.fallback$.pipe(map(names)), '400ms !').toBe(
        'e 49ms e 49ms k 49ms k 49ms f 49ms k 49ms u',
        {
          e: '-/boom (HTTP 500)',
          k: 'kiwi/ok',
          f: 'kiwi/boom (HTTP 500)',
          u: 'up',
        },
      );
      expectObservable(registry.registry$.pipe(map(names)), '400ms !').toBe(
        '(ne) 46ms e 49ms k 49ms k 49ms f 49ms k 49ms k',
        {
          n: '-/ok',
          e: '-/boom (HTTP 500)',
          k: 'kiwi/ok',
          f: 'kiwi/boom (HTTP 500)',
        },
      );
      flush();
      expect(retries).toEqual([100, 250]);
    });
  });

  it('fetches at once on refresh, cancelling the request in flight, at most once a second', () => {
    marbles(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const answer = cold('10ms (r|)', { r: kiwi });
      const { registry } = setupRegistry(hot('u', socket), [answer]);
      hot('5ms r 9ms r 9ms r').subscribe(() => registry.refresh());

      expectObservable(registry.registry$.pipe(map(names)), '300ms !').toBe('n 14ms k 209ms k', {
        n: '-/ok',
        k: 'kiwi/ok',
      });
      expectSubscriptions(answer.subscriptions).toBe(['^ 4ms !', '5ms ^ 9ms !', '215ms ^ 9ms !']);
    });
  });

  it('leaves the endpoint alone while the socket is up when only the fallback is read (the toolbar chip)', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      const { registry, calls } = setupRegistry(hot('u 99ms d 79ms u', socket), [cold('(r|)', { r: kiwi })]);

      expectObservable(registry.fallback$.pipe(map(names)), '400ms !').toBe('u 99ms k 49ms k 29ms u', {
        u: 'up',
        k: 'kiwi/ok',
      });
      flush();
      expect(calls).toEqual([100, 150]);
    });
  });
});
