import { NEVER, Observable, asyncScheduler, tap } from 'rxjs';
import { WorkerTelemetry } from '../../shared/cloudai/telemetry.model';
import { fakeTabPort } from '../../testing/data-worker-testing';
import { marbles } from '../../testing/marbles';
import { beat, frame } from '../../testing/realtime-testing';
import { HubMessage, WISH_EXPIRES_MS } from '../data-worker/protocol';
import { CLOSED, SocketEvent } from './socket-status';
import { runTelemetryHub } from './telemetry-hub';

describe('runTelemetryHub', () => {
  const frameOf = (...entries: WorkerTelemetry[]): SocketEvent => ({
    kind: 'frame',
    raw: frame(...entries),
    at: asyncScheduler.now(),
    snapshot: false,
  });

  /** What a tab was sent, as `at:reset? workers phase`. */
  const digests = (received: readonly { at: number; message: HubMessage }[]) =>
    received.map(({ at, message }) =>
      message.kind === 'telemetry'
        ? `${at}:${message.digest.reset ? 'reset ' : ''}${message.digest.updates.map((entry) => entry.worker_id).join(',')} ${message.digest.status.phase}`
        : `${at}:${message.kind}`,
    );

  it('opens one socket for every tab, sends each the same digests, and a joining tab a snapshot first', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      const opened: number[] = [];
      const socket = cold<SocketEvent>('5ms a 9ms b 29ms c', {
        a: frameOf(beat('kiwi', 1, 10), beat('fig', 1, 20)),
        b: frameOf(beat('kiwi', 2, 30)),
        c: frameOf(beat('fig', 3, 40)),
      });
      const now = () => asyncScheduler.now();
      const first = fakeTabPort(1, cold('a', { a: { kind: 'telemetry-on' } }), now);
      const second = fakeTabPort(2, cold('30ms a', { a: { kind: 'telemetry-on' } }), now);
      const hub = runTelemetryHub(hot('(ab)', { a: first.port, b: second.port }), {
        connect: () => socket.pipe(tap({ subscribe: () => opened.push(now()) })),
        digestMs: 20,
        online$: NEVER,
      });

      expectObservable(hub, '^ 100ms !').toBe('');
      flush();

      expect(opened).toEqual([0]);
      expect(digests(first.received)).toEqual(['0:reset  connecting', '25:kiwi,fig,kiwi open', '65:fig open']);
      expect(digests(second.received)).toEqual(['30:reset kiwi,fig open', '65:fig open']);
    });
  });

  it('closes the socket when the last tab stops showing live data or falls silent, and forgets what it delivered', () => {
    marbles(({ cold, hot, expectObservable, expectSubscriptions, flush }) => {
      const socket = cold<SocketEvent>('a', { a: frameOf(beat('kiwi', 1, 10)) });
      const now = () => asyncScheduler.now();
      const leaving = fakeTabPort(
        1,
        cold('a 9ms o 9ms a', { a: { kind: 'telemetry-on' }, o: { kind: 'telemetry-off' } }),
        now,
      );
      const silent = fakeTabPort(2, cold('5ms a', { a: { kind: 'telemetry-on' } }), now);
      const hub = runTelemetryHub(hot('(ab)', { a: leaving.port, b: silent.port }), {
        connect: () => socket,
        digestMs: 1,
        online$: NEVER,
      });

      expectObservable(hub, `^ ${WISH_EXPIRES_MS + 100}ms !`).toBe('');
      // One socket while either tab reads; the silent one counts until it has been silent too long.
      expectSubscriptions(socket.subscriptions).toBe(`^ ${WISH_EXPIRES_MS + 19}ms !`);
      flush();

      // The tab that left and came back got a snapshot again.
      expect(digests(leaving.received).filter((line) => line.includes('reset'))).toEqual([
        '0:reset  connecting',
        '20:reset kiwi open',
      ]);
    });
  });

  it('reconnects at once when a tab asks or the browser comes online', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      const asked: number[] = [];
      const now = () => asyncScheduler.now();
      const tab = fakeTabPort(
        1,
        cold('a 9ms r', { a: { kind: 'telemetry-on' }, r: { kind: 'telemetry-retry-now' } }),
        now,
      );
      const hub = runTelemetryHub(hot('a', { a: tab.port }), {
        connect: (retryNow$: Observable<unknown>) => {
          retryNow$.subscribe(() => asked.push(now()));
          return NEVER;
        },
        digestMs: 1,
        online$: cold('20ms o'),
      });

      expectObservable(hub, '^ 50ms !').toBe('');
      flush();

      expect(asked).toEqual([10, 20]);
    });
  });

  it('sends a tab that asked for a slower pace the digests merged, every entry kept, a change of phase at once', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      const socket = cold<SocketEvent>('a 9ms b 9ms c 29ms d 49ms x', {
        a: frameOf(beat('kiwi', 1, 10)),
        b: frameOf(beat('fig', 1, 20)),
        c: frameOf(beat('kiwi', 2, 30)),
        d: frameOf(beat('fig', 2, 40)),
        x: CLOSED,
      });
      const now = () => asyncScheduler.now();
      const fast = fakeTabPort(1, cold('a', { a: { kind: 'telemetry-on' } }), now);
      const slow = fakeTabPort(2, cold('a', { a: { kind: 'telemetry-on', everyMs: 100 } }), now);
      const hub = runTelemetryHub(hot('(ab)', { a: fast.port, b: slow.port }), {
        connect: () => socket,
        digestMs: 1,
        online$: NEVER,
      });

      expectObservable(hub, '^ 300ms !').toBe('');
      flush();

      // Every digest as it comes for the first tab.
      expect(digests(fast.received).map((line) => line.split(':')[0])).toEqual(['0', '1', '11', '21', '51', '101']);
      // The second: its snapshot, the socket opening at once, then the rest at most every 100 ms,
      // and the socket closing at once.
      expect(digests(slow.received)).toEqual([
        '0:reset  connecting',
        '1:kiwi open',
        '101:fig,kiwi,fig open',
        jasmine.stringMatching(/^101:reset {2}\w+$/),
      ]);
    });
  });

  it('a tab that asks for a faster pace gets what is held at once', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      const socket = cold<SocketEvent>('a 9ms b', { a: frameOf(beat('kiwi', 1, 10)), b: frameOf(beat('fig', 1, 20)) });
      const now = () => asyncScheduler.now();
      const tab = fakeTabPort(
        1,
        cold('a 19ms f', { a: { kind: 'telemetry-on', everyMs: 1000 }, f: { kind: 'telemetry-on' } }),
        now,
      );
      const hub = runTelemetryHub(hot('a', { a: tab.port }), { connect: () => socket, digestMs: 1, online$: NEVER });

      expectObservable(hub, '^ 100ms !').toBe('');
      flush();

      expect(digests(tab.received)).toEqual(['0:reset  connecting', '1:kiwi open', '20:fig open']);
    });
  });
});
