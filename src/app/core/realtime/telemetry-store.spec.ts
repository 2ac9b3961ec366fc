import { HttpErrorResponse } from '@angular/common/http';
import { map } from 'rxjs';
import { WorkerListEntry } from '../../shared/cloudai/worker.model';
import { aWorker } from '../../testing/builders';
import { marbles } from '../../testing/marbles';
import { beat, frame, kinds, reported, setupTelemetry, usage } from '../../testing/realtime-testing';

describe('TelemetryStore', () => {
  it('merges the snapshot sent on connect with the single-worker updates that follow', () => {
    marbles(({ cold, expectObservable }) => {
      const socket = cold('a 49ms b', {
        a: frame(beat('kiwi', 100, 10), beat('fig', 100, 20)),
        b: frame(beat('kiwi', 105, 55)),
      });
      const { store } = setupTelemetry({ sockets: [socket] });

      expectObservable(reported(store), '100ms !').toBe('a 49ms b', { a: 'kiwi=10,fig=20', b: 'kiwi=55,fig=20' });
    });
  });

  it('accepts the envelope shape as well as the bare map', () => {
    marbles(({ cold, expectObservable }) => {
      const envelope = JSON.stringify({ type: 'telemetry', workers: { fig: beat('fig', 100, 30) } });
      const socket = cold('a 9ms b', { a: frame(beat('kiwi', 100, 10)), b: envelope });
      const { store } = setupTelemetry({ sockets: [socket] });

      expectObservable(reported(store), '50ms !').toBe('a 9ms b', { a: 'kiwi=10', b: 'kiwi=10,fig=30' });
    });
  });

  it('drops and counts malformed frames and entries without breaking the stream', () => {
    marbles(({ cold, expectObservable }) => {
      const withBadEntry = JSON.stringify({ fig: beat('fig', 100, 20), bad: { worker_id: 'bad', cpu_usage: 'high' } });
      const socket = cold('a b c', { a: frame(beat('kiwi', 100, 10)), b: 'not json', c: withBadEntry });
      const { store } = setupTelemetry({ sockets: [socket] });

      expectObservable(store.malformedCount$, '50ms !').toBe('z x y', { z: 0, x: 1, y: 2 });
      expectObservable(reported(store), '50ms !').toBe('a - c', { a: 'kiwi=10', c: 'kiwi=10,fig=20' });
    });
  });

  it('opens one socket for all subscribers and closes it after the last one leaves', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const socket = cold('a', { a: frame(beat('kiwi', 100, 10)) });
      const { store } = setupTelemetry({ sockets: [socket] });

      expectObservable(reported(store), '100ms !').toBe('a', { a: 'kiwi=10' });
      expectObservable(store.connection$.pipe(map(() => 'x')), '60ms !').toBe('x 24ms x 24ms x', { x: 'x' });
      expectObservable(store.malformedCount$, '80ms !').toBe('z', { z: 0 });
      expectSubscriptions(socket.subscriptions).toBe('^ 99ms !');
    });
  });

  it('closes the socket and forgets the workers on disconnect (sign-out), and opens it again on connect', () => {
    marbles(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const socket = cold('a', { a: frame(beat('kiwi', 100, 10)) });
      const { store } = setupTelemetry({ sockets: [socket] });
      hot('50ms d 49ms c').subscribe((command) => (command === 'd' ? store.disconnect() : store.connect()));

      expectObservable(store.workers$.pipe(map(usage)), '150ms !').toBe('(ea) 46ms e 49ms a', { e: '', a: 'kiwi=10' });
      expectSubscriptions(socket.subscriptions).toBe(['^ 49ms !', '100ms ^ 49ms !']);
    });
  });

  it("estimates the master's clock offset from heartbeat frames, leaving out the snapshot sent on connect", () => {
    marbles(({ cold, expectObservable }) => {
      // The snapshot reports a heartbeat from long ago; the heartbeat at 10 ms says the master is 600 s ahead.
      const socket = cold('5ms a 4ms b', { a: frame(beat('old', 1, 1)), b: frame(beat('kiwi', 600.01, 1)) });
      const { store } = setupTelemetry({ sockets: [socket] });

      expectObservable(store.clockOffsetMs$, '50ms !').toBe('z 9ms o', { z: 0, o: 600_000 });
    });
  });

  it('calls an open socket stale when nothing arrives for two heartbeats', () => {
    marbles(({ cold, expectObservable }) => {
      const silentAfterSnapshot = cold('5ms a', { a: frame(beat('kiwi', 100, 10)) });
      const { store } = setupTelemetry({ sockets: [silentAfterSnapshot] });

      expectObservable(kinds(store.connection$), '200ms !').toBe('c 4ms l 119ms s', {
        c: 'connecting',
        l: 'live',
        s: 'stale',
      });
    });
  });

  it('stays live with no workers, when the master has nothing to send', () => {
    marbles(({ cold, expectObservable }) => {
      const { store } = setupTelemetry({ sockets: [cold('5ms a', { a: '{}' })] });

      expectObservable(kinds(store.connection$), '300ms !').toBe('c 4ms l', { c: 'connecting', l: 'live' });
    });
  });

  it('polls the REST API while the socket is down, reconnects as soon as the master answers, and stops polling when live', () => {
    marbles(({ cold, expectSubscriptions, expectObservable, flush }) => {
      const failing = cold<string>('5ms #');
      const reconnected = cold('10ms a', { a: frame(beat('kiwi', 110, 70)) });
      const down = new HttpErrorResponse({ status: 0 });
      const rest = [
        cold<readonly WorkerListEntry[]>('#', undefined, down),
        cold<readonly WorkerListEntry[]>('#', undefined, down),
        cold('(r|)', { r: [aWorker({ worker_id: 'kiwi', cpu_usage: 33, last_update: 100 })] }),
      ];
      const { store, restCalls } = setupTelemetry({
        sockets: [failing, reconnected],
        rest,
        config: { reconnect: { initialMs: 1000, maxMs: 1000 } },
      });

      expectObservable(kinds(store.connection$), '300ms !').toBe('c 4ms r 99ms d 9ms l 109ms s', {
        c: 'connecting',
        r: 'reconnecting',
        d: 'degraded',
        l: 'live',
        s: 'stale',
      });
      expectObservable(reported(store), '300ms !').toBe('105ms p 9ms s', { p: 'kiwi=33', s: 'kiwi=70' });
      expectSubscriptions(reconnected.subscriptions).toBe('105ms ^ 194ms !');
      flush();
      expect(restCalls).toEqual([5, 55, 105]);
    });
  });
});
