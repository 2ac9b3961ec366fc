import { distinctUntilChanged, map, merge } from 'rxjs';
import { marbles } from '../../testing/marbles';
import { beat, frame, kinds, reported, setupTelemetry } from '../../testing/realtime-testing';

// The socket's reconnection as the store's readers see it, in connection$ and workers$.

describe('TelemetrySocket', () => {
  it('opens nothing until someone allowed to see live data connects it', () => {
    marbles(({ cold, hot, expectSubscriptions }) => {
      const socket = cold<string>('-');
      const { store } = setupTelemetry({ sockets: [socket], connected: false });
      const reader = store.connection$.subscribe();
      hot('50ms c 49ms u').subscribe((command) => (command === 'c' ? store.connect() : reader.unsubscribe()));

      expectSubscriptions(socket.subscriptions).toBe('50ms ^ 49ms !');
    });
  });

  it('reconnects with exponential backoff and says when the next attempt is due', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const failing = cold<string>('5ms #');
      const { store } = setupTelemetry({ sockets: [failing] });
      const attempts = store.connection$.pipe(
        map((state) => (state.kind === 'reconnecting' ? `${state.attempt}@${state.retryAt}` : state.kind)),
        distinctUntilChanged(),
      );

      expectObservable(attempts, '800ms !').toBe('c 4ms a 104ms b 204ms d 404ms e', {
        c: 'connecting',
        a: '1@105',
        b: '2@310',
        d: '3@715',
        e: '4@1120',
      });
      expectSubscriptions(failing.subscriptions).toBe(['^ 4ms !', '105ms ^ 4ms !', '310ms ^ 4ms !', '715ms ^ 4ms !']);
    });
  });

  it('starts the backoff again once a reconnected socket delivers', () => {
    marbles(({ cold, expectSubscriptions, expectObservable }) => {
      const failing = cold<string>('5ms #');
      const flaky = cold('a 4ms #', { a: frame(beat('kiwi', 100, 10)) });
      const { store } = setupTelemetry({ sockets: [failing, failing, flaky, failing] });

      expectObservable(reported(store), '600ms !').toBe('310ms a', { a: 'kiwi=10' });
      // 5: fail, wait 100; 110: fail, wait 200; 310: open, drop at 315 → wait 100 again (not 400)
      expectSubscriptions(flaky.subscriptions).toBe('310ms ^ 4ms !');
      expectSubscriptions(failing.subscriptions).toBe(['^ 4ms !', '105ms ^ 4ms !', '415ms ^ 4ms !']);
    });
  });

  it('shows offline while the browser is, and retries at once when it comes back online or the tab is shown', () => {
    marbles(({ cold, hot, expectSubscriptions, expectObservable }) => {
      const failing = cold<string>('5ms #');
      const online = hot('t 199ms f 99ms t', { t: true, f: false });
      const visible = hot('t 399ms f 99ms t', { t: true, f: false });
      const { store } = setupTelemetry({
        sockets: [failing],
        online,
        visible,
        config: { reconnect: { initialMs: 1000, maxMs: 1000 } },
      });

      expectObservable(kinds(store.connection$), '600ms !').toBe('c 4ms r 194ms o 99ms r', {
        c: 'connecting',
        r: 'reconnecting',
        o: 'offline',
      });
      expectSubscriptions(failing.subscriptions).toBe(['^ 4ms !', '300ms ^ 4ms !', '500ms ^ 4ms !']);
    });
  });

  it('keeps the socket subscribed only while someone listens, even while waiting to reconnect', () => {
    marbles(({ cold, expectSubscriptions, expectObservable }) => {
      const failing = cold<string>('5ms #');
      const { store } = setupTelemetry({ sockets: [failing] });

      expectObservable(merge(reported(store), store.malformedCount$.pipe(map(() => 'm'))), '150ms !').toBe('m');
      expectSubscriptions(failing.subscriptions).toBe(['^ 4ms !', '105ms ^ 4ms !']);
    });
  });

  it('drops and reconnects a socket that stays open but silent while workers are active (half-open)', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const halfOpen = cold('5ms a 10ms b', { a: frame(beat('kiwi', 1, 10)), b: frame(beat('kiwi', 2, 20)) });
      const { store } = setupTelemetry({ sockets: [halfOpen] });

      // Stale 100 ms after the heartbeat at 16 ms; silent for 200 ms: dropped at 216 ms, reconnected 100 ms later.
      expectObservable(kinds(store.connection$), '400ms !').toBe('c 4ms l 119ms s 90ms r 104ms l', {
        c: 'connecting',
        l: 'live',
        s: 'stale',
        r: 'reconnecting',
      });
      expectSubscriptions(halfOpen.subscriptions).toBe(['^ 215ms !', '316ms ^ 83ms !']);
    });
  });

  it('keeps a silent socket open when no worker is active (nothing to send)', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const quiet = cold('5ms a', { a: frame({ ...beat('old', 1, 10), is_active: false }) });
      const { store } = setupTelemetry({ sockets: [quiet] });

      // Stale (nothing for a while), but not dropped: the master has no heartbeats to send.
      expectObservable(kinds(store.connection$), '400ms !').toBe('c 4ms l 119ms s', {
        c: 'connecting',
        l: 'live',
        s: 'stale',
      });
      expectSubscriptions(quiet.subscriptions).toBe('^ 399ms !');
    });
  });
});
