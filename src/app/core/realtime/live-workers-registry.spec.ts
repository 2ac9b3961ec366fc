import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { NEVER, distinctUntilChanged, map } from 'rxjs';
import { marbles } from '../../testing/marbles';
import { LiveWorkersStore } from './live-workers-store';
import { kinds, setupLiveWorkers, setupTelemetry, tracked } from '../../testing/realtime-testing';

describe('LiveWorkersStore and the worker registry', () => {
  it('asks the registry again at once when telemetry reveals a new worker', () => {
    marbles(({ cold, expectObservable, flush }) => {
      const telemetry = cold('(ea) 46ms b', {
        e: new Map(),
        a: new Map([['kiwi', tracked('kiwi', 0)]]),
        b: new Map([
          ['kiwi', tracked('kiwi', 0)],
          ['fig', tracked('fig', 50)],
        ]),
      });
      const { store, registryCalls } = setupLiveWorkers(telemetry, () => cold('(r|)', { r: [] }));

      expectObservable(
        store.workers$.pipe(
          map(() => 'x'),
          distinctUntilChanged(),
        ),
        '300ms !',
      ).toBe('x');
      flush();
      expect(registryCalls).toEqual([0, 50, 250]);
    });
  });

  it('is loading until either source answers', () => {
    marbles(({ cold, expectObservable }) => {
      const { store } = setupLiveWorkers(cold('e', { e: new Map() }), () => NEVER);

      expectObservable(
        store.workers$.pipe(
          map((state) => state.kind),
          distinctUntilChanged(),
        ),
        '100ms !',
      ).toBe('l', { l: 'loading' });
    });
  });

  it('is an error when the registry fails and no telemetry has arrived', () => {
    marbles(({ cold, expectObservable }) => {
      const failure = new HttpErrorResponse({ status: 503, error: 'Database not available' });
      const { store } = setupLiveWorkers(cold('e', { e: new Map() }), () => cold('#', undefined, failure));

      expectObservable(
        store.workers$.pipe(
          map((state) => state.kind),
          distinctUntilChanged(),
        ),
        '100ms !',
      ).toBe('(le)', {
        l: 'loading',
        e: 'error',
      });
    });
  });

  it('keeps live workers on screen when the registry fails, and says so', () => {
    marbles(({ cold, expectObservable }) => {
      const failure = new HttpErrorResponse({ status: 500, error: 'boom' });
      const { store } = setupLiveWorkers(cold('a', { a: new Map([['kiwi', tracked('kiwi', 5)]]) }), () =>
        cold('#', undefined, failure),
      );
      const view = store.workers$.pipe(
        map((state) => (state.kind === 'ready' ? `${state.data.length}:${state.refreshError}` : state.kind)),
        distinctUntilChanged(),
      );

      // the first view comes before the registry's (failed) answer, in the same frame
      expectObservable(view, '50ms !').toBe('(ab)', { a: '1:undefined', b: '1:boom (HTTP 500)' });
    });
  });

  it('fetches the registry at once when asked (after a registration)', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      const { store, registryCalls } = setupLiveWorkers(cold('e', { e: new Map() }), () => cold('(r|)', { r: [] }));
      hot('30ms r').subscribe(() => store.refreshRegistry());

      expectObservable(
        store.workers$.pipe(
          map((state) => state.kind),
          distinctUntilChanged(),
        ),
        '300ms !',
      ).toBe('(lr)', { l: 'loading', r: 'ready' });
      flush();
      expect(registryCalls).toEqual([0, 30, 230]);
    });
  });

  it('shares one poller of GET /api/workers between the workers page and the toolbar chip, socket up or down', () => {
    marbles(({ cold, expectObservable, expectSubscriptions, flush }) => {
      const answer = cold<never>('10ms #', undefined, new HttpErrorResponse({ status: 500, error: 'boom' }));
      // The socket fails at 5 ms and retries only after a second: the REST API stands in meanwhile.
      const { store: telemetry, restCalls } = setupTelemetry({
        sockets: [cold<string>('5ms #')],
        rest: [answer],
        config: { reconnect: { initialMs: 1000, maxMs: 1000 } },
      });
      const page = TestBed.inject(LiveWorkersStore);

      expectObservable(kinds(telemetry.connection$), '300ms !').toBe('c 4ms r', { c: 'connecting', r: 'reconnecting' });
      expectObservable(
        page.workers$.pipe(
          map((state) => state.kind),
          distinctUntilChanged(),
        ),
        '300ms !',
      ).toBe('l 14ms e', { l: 'loading', e: 'error' });
      // The registry's request is cancelled when the socket drops; the fallback's never overlap.
      expectSubscriptions(answer.subscriptions).toBe([
        '^ 4ms !',
        '5ms ^ 9ms !',
        '65ms ^ 9ms !',
        '125ms ^ 9ms !',
        '185ms ^ 9ms !',
        '245ms ^ 9ms !',
      ]);
      flush();
      expect(restCalls).toEqual([0, 5, 65, 125, 185, 245]);
    });
  });
});
