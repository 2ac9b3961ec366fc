import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import {
  NEVER,
  Observable,
  SchedulerLike,
  Subscription,
  asyncScheduler,
  concat,
  distinctUntilChanged,
  filter,
  from,
  map,
  merge,
  of,
  queueScheduler,
} from 'rxjs';
import { WorkerTelemetry } from '../../shared/cloudai/telemetry.model';
import { WorkerListEntry } from '../../shared/cloudai/worker.model';
import { WorkersClient } from '../../shared/cloudai/workers-client';
import { aWorker } from '../../testing/builders';
import { marbles } from '../../testing/marbles';
import { TEST_REALTIME_CONFIG, testClock } from '../../testing/realtime';
import { REALTIME_CONFIG, RealtimeConfig } from '../config/realtime-config';
import { BROWSER_ONLINE, CLOCK, PAGE_VISIBLE, RANDOM, RENDER_SCHEDULER } from './browser-signals';
import { ConnectionState } from './connection-state';
import { TELEMETRY_SOCKET_URL, WEB_SOCKET_FACTORY } from './socket-factory';
import { TelemetryStore } from './telemetry-store';
import { TrackedWorker } from './tracked-worker';

describe('TelemetryStore', () => {
  interface Setup {
    sockets: Observable<string>[];
    rest?: Observable<readonly WorkerListEntry[]>[];
    online?: Observable<boolean>;
    visible?: Observable<boolean>;
    config?: Partial<RealtimeConfig>;
  }

  /** The store over fake sockets (the n-th connection gets the n-th, the last repeats) and fake REST answers. */
  function setup({ sockets, rest = [NEVER], online = of(true), visible = of(true), config: overrides = {} }: Setup) {
    let connection = 0;
    let request = 0;
    const restCalls: number[] = [];
    TestBed.configureTestingModule({
      providers: [
        { provide: WEB_SOCKET_FACTORY, useValue: () => sockets[Math.min(connection++, sockets.length - 1)] },
        { provide: TELEMETRY_SOCKET_URL, useValue: 'ws://test/ws/telemetry' },
        { provide: REALTIME_CONFIG, useValue: { ...TEST_REALTIME_CONFIG, ...overrides } },
        { provide: BROWSER_ONLINE, useValue: online },
        { provide: PAGE_VISIBLE, useValue: visible },
        { provide: CLOCK, useValue: testClock() },
        { provide: RANDOM, useValue: () => 1 },
        { provide: RENDER_SCHEDULER, useValue: queueScheduler },
        {
          provide: WorkersClient,
          useValue: {
            listWorkers: () => {
              restCalls.push(asyncScheduler.now());
              return rest[Math.min(request++, rest.length - 1)];
            },
          },
        },
      ],
    });
    return { store: TestBed.inject(TelemetryStore), restCalls };
  }

  const beat = (id: string, lastUpdate: number, cpu: number): WorkerTelemetry => ({
    worker_id: id,
    cpu_usage: cpu,
    memory_usage: 50,
    gpu_usage: 0,
    running_tasks: [],
    last_update: lastUpdate,
    is_active: true,
  });
  const frame = (...entries: WorkerTelemetry[]) =>
    JSON.stringify(Object.fromEntries(entries.map((entry) => [entry.worker_id, entry])));
  const usage = (workers: ReadonlyMap<string, TrackedWorker>) =>
    [...workers.values()].map(({ telemetry }) => `${telemetry.worker_id}=${telemetry.cpu_usage}`).join(',');
  /** The reported workers and their cpu usage, once there are any. */
  const reported = (store: TelemetryStore) =>
    store.workers$.pipe(
      filter((workers) => workers.size > 0),
      map(usage),
    );
  const kinds = (connection$: Observable<ConnectionState>) =>
    connection$.pipe(
      map((state) => state.kind),
      distinctUntilChanged(),
    );

  it('merges the snapshot sent on connect with the single-worker updates that follow', () => {
    marbles(({ cold, expectObservable }) => {
      const socket = cold('a 49ms b', {
        a: frame(beat('kiwi', 100, 10), beat('fig', 100, 20)),
        b: frame(beat('kiwi', 105, 55)),
      });
      const { store } = setup({ sockets: [socket] });

      expectObservable(reported(store), '100ms !').toBe('a 49ms b', { a: 'kiwi=10,fig=20', b: 'kiwi=55,fig=20' });
    });
  });

  it('accepts the envelope shape as well as the bare map', () => {
    marbles(({ cold, expectObservable }) => {
      const envelope = JSON.stringify({ type: 'telemetry', workers: { fig: beat('fig', 100, 30) } });
      const socket = cold('a 9ms b', { a: frame(beat('kiwi', 100, 10)), b: envelope });
      const { store } = setup({ sockets: [socket] });

      expectObservable(reported(store), '50ms !').toBe('a 9ms b', { a: 'kiwi=10', b: 'kiwi=10,fig=30' });
    });
  });

  it('drops and counts malformed frames and entries without breaking the stream', () => {
    marbles(({ cold, expectObservable }) => {
      const withBadEntry = JSON.stringify({ fig: beat('fig', 100, 20), bad: { worker_id: 'bad', cpu_usage: 'high' } });
      const socket = cold('a b c', { a: frame(beat('kiwi', 100, 10)), b: 'not json', c: withBadEntry });
      const { store } = setup({ sockets: [socket] });

      expectObservable(store.malformedCount$, '50ms !').toBe('z x y', { z: 0, x: 1, y: 2 });
      expectObservable(reported(store), '50ms !').toBe('a - c', { a: 'kiwi=10', c: 'kiwi=10,fig=20' });
    });
  });

  it('opens one socket for all subscribers and closes it after the last one leaves', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const socket = cold('a', { a: frame(beat('kiwi', 100, 10)) });
      const { store } = setup({ sockets: [socket] });

      expectObservable(reported(store), '100ms !').toBe('a', { a: 'kiwi=10' });
      expectObservable(store.connection$.pipe(map(() => 'x')), '60ms !').toBe('x 24ms x 24ms x', { x: 'x' });
      expectObservable(store.malformedCount$, '80ms !').toBe('z', { z: 0 });
      expectSubscriptions(socket.subscriptions).toBe('^ 99ms !');
    });
  });

  it('reconnects with exponential backoff and says when the next attempt is due', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const failing = cold<string>('5ms #');
      const { store } = setup({ sockets: [failing] });
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
      const { store } = setup({ sockets: [failing, failing, flaky, failing] });

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
      const { store } = setup({
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
      const { store, restCalls } = setup({
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

  it('calls an open socket stale when nothing arrives for two heartbeats', () => {
    marbles(({ cold, expectObservable }) => {
      const silentAfterSnapshot = cold('5ms a', { a: frame(beat('kiwi', 100, 10)) });
      const { store } = setup({ sockets: [silentAfterSnapshot] });

      expectObservable(kinds(store.connection$), '200ms !').toBe('c 4ms l 119ms s', {
        c: 'connecting',
        l: 'live',
        s: 'stale',
      });
    });
  });

  it('stays live with no workers, when the master has nothing to send', () => {
    marbles(({ cold, expectObservable }) => {
      const { store } = setup({ sockets: [cold('5ms a', { a: '{}' })] });

      expectObservable(kinds(store.connection$), '300ms !').toBe('c 4ms l', { c: 'connecting', l: 'live' });
    });
  });

  it('keeps the socket subscribed only while someone listens, even while waiting to reconnect', () => {
    marbles(({ cold, expectSubscriptions, expectObservable }) => {
      const failing = cold<string>('5ms #');
      const { store } = setup({ sockets: [failing] });

      expectObservable(merge(reported(store), store.malformedCount$.pipe(map(() => 'm'))), '150ms !').toBe('m');
      expectSubscriptions(failing.subscriptions).toBe(['^ 4ms !', '105ms ^ 4ms !']);
    });
  });

  it('closes the socket and forgets the workers on disconnect (sign-out), and opens it again on connect', () => {
    marbles(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const socket = cold('a', { a: frame(beat('kiwi', 100, 10)) });
      const { store } = setup({ sockets: [socket] });
      hot('50ms d 49ms c').subscribe((command) => (command === 'd' ? store.disconnect() : store.connect()));

      expectObservable(store.workers$.pipe(map(usage)), '150ms !').toBe('(ea) 46ms e 49ms a', { e: '', a: 'kiwi=10' });
      expectSubscriptions(socket.subscriptions).toBe(['^ 49ms !', '100ms ^ 49ms !']);
    });
  });

  it('drops and reconnects a socket that stays open but silent while workers are active (half-open)', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const halfOpen = cold('5ms a 10ms b', { a: frame(beat('kiwi', 1, 10)), b: frame(beat('kiwi', 2, 20)) });
      const { store } = setup({ sockets: [halfOpen] });

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
      const { store } = setup({ sockets: [quiet] });

      // Stale (nothing for a while), but not dropped: the master has no heartbeats to send.
      expectObservable(kinds(store.connection$), '400ms !').toBe('c 4ms l 119ms s', {
        c: 'connecting',
        l: 'live',
        s: 'stale',
      });
      expectSubscriptions(quiet.subscriptions).toBe('^ 399ms !');
    });
  });

  it("estimates the master's clock offset from heartbeat frames, leaving out the snapshot sent on connect", () => {
    marbles(({ cold, expectObservable }) => {
      // The snapshot reports a heartbeat from long ago; the heartbeat at 10 ms says the master is 600 s ahead.
      const socket = cold('5ms a 4ms b', { a: frame(beat('old', 1, 1)), b: frame(beat('kiwi', 600.01, 1)) });
      const { store } = setup({ sockets: [socket] });

      expectObservable(store.clockOffsetMs$, '50ms !').toBe('z 9ms o', { z: 0, o: 600_000 });
    });
  });

  it('applies frames without an animation frame once a batch is full, so a hidden tab holds no backlog', () => {
    // A hidden tab: the animation-frame scheduler is never called back.
    const noFrames: SchedulerLike = { now: () => 0, schedule: () => new Subscription() };
    const frames = Array.from({ length: 450 }, (_, index) => frame(beat(`w${index}`, 100, 10)));
    TestBed.overrideProvider(RENDER_SCHEDULER, { useValue: noFrames });
    const { store } = setup({ sockets: [concat(from(frames), NEVER)] });
    const sizes: number[] = [];

    const subscription = store.workers$.subscribe((workers) => sizes.push(workers.size));
    subscription.unsubscribe();

    // Two full batches were applied; the last 50 frames wait for the next batch (or frame), nothing more.
    expect(sizes).toEqual([0, 200, 400]);
  });
});
