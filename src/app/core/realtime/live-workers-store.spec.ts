import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { NEVER, Observable, asyncScheduler, distinctUntilChanged, map, of, queueScheduler } from 'rxjs';
import { WorkerListEntry } from '../../shared/cloudai/worker.model';
import { WorkersClient } from '../../shared/cloudai/workers-client';
import { LoadState } from '../../shared/streams/load-state';
import { aWorker } from '../../testing/builders';
import { marbles } from '../../testing/marbles';
import { TEST_REALTIME_CONFIG, testClock } from '../../testing/realtime';
import { REALTIME_CONFIG } from '../config/realtime-config';
import { ConnectionState } from './connection-state';
import { CLOCK, PAGE_VISIBLE, RENDER_SCHEDULER } from './browser-signals';
import { LiveWorker } from './live-worker';
import { LiveWorkersStore } from './live-workers-store';
import { TelemetryStore } from './telemetry-store';
import { TrackedWorker } from './tracked-worker';
import { UsageHistory } from './usage-history';

describe('LiveWorkersStore', () => {
  function setup(
    telemetry: Observable<ReadonlyMap<string, TrackedWorker>>,
    registry: () => Observable<readonly WorkerListEntry[]>,
    clockOffsetMs$: Observable<number> = of(0),
    connection$: Observable<Pick<ConnectionState, 'kind' | 'lastMessageAt'>> = NEVER,
  ) {
    const registryCalls: number[] = [];
    TestBed.configureTestingModule({
      providers: [
        { provide: TelemetryStore, useValue: { workers$: telemetry, clockOffsetMs$, connection$ } },
        {
          provide: WorkersClient,
          useValue: {
            listWorkers: () => {
              registryCalls.push(asyncScheduler.now());
              return registry();
            },
          },
        },
        { provide: REALTIME_CONFIG, useValue: TEST_REALTIME_CONFIG },
        { provide: CLOCK, useValue: testClock() },
        { provide: PAGE_VISIBLE, useValue: of(true) },
        { provide: RENDER_SCHEDULER, useValue: queueScheduler },
      ],
    });
    return { store: TestBed.inject(LiveWorkersStore), registryCalls };
  }

  /** A worker as telemetry tracks it; `lastUpdateMs` in virtual milliseconds (the wire has unix seconds). */
  const tracked = (id: string, lastUpdateMs: number): TrackedWorker => ({
    telemetry: {
      worker_id: id,
      cpu_usage: 40,
      memory_usage: 20,
      gpu_usage: 0,
      running_tasks: [],
      last_update: lastUpdateMs / 1000,
      is_active: true,
    },
    history: UsageHistory.EMPTY,
  });
  const workersOf = (state: LoadState<readonly LiveWorker[]>) => (state.status === 'ready' ? state.data : []);

  it('joins registry capacities with live telemetry', () => {
    marbles(({ cold, expectObservable }) => {
      const kiwi = aWorker({ worker_id: 'kiwi', total_resources: { cpu: 12, memory: 8, storage: 100, gpu: 0 } });
      const { store } = setup(cold('a', { a: new Map([['kiwi', tracked('kiwi', 5)]]) }), () =>
        cold('(r|)', { r: [kiwi] }),
      );
      const summary = store.workers$.pipe(
        map((state) =>
          workersOf(state)
            .map((w) => `${w.id}:${w.cpuUsage}%/${w.capacity?.cpu}c`)
            .join(),
        ),
        distinctUntilChanged(),
      );

      // telemetry is on screen before the registry's answer adds the capacities, in the same frame
      expectObservable(summary, '50ms !').toBe('(ab)', { a: 'kiwi:40%/undefinedc', b: 'kiwi:40%/12c' });
    });
  });

  it('marks a silent worker stale, then inactive, on the clock alone', () => {
    marbles(({ cold, expectObservable }) => {
      const { store } = setup(cold('a', { a: new Map([['kiwi', tracked('kiwi', 5)]]) }), () => cold('(r|)', { r: [] }));
      const status = store.workers$.pipe(
        map((state) => workersOf(state)[0]?.status),
        distinctUntilChanged(),
      );

      expectObservable(status, '400ms !').toBe('a 124ms s 199ms i', { a: 'active', s: 'stale', i: 'inactive' });
    });
  });

  it("judges freshness on the master's clock, ten minutes ahead of or behind the browser's", () => {
    marbles(({ cold, expectObservable }) => {
      const tenMinutes = 600_000;
      // Browser time is virtual time plus this, so that a master ten minutes behind is still after 1970.
      const base = 1_700_000_000_000;
      const status = (offsetMs: number) => {
        // The heartbeat was sent at virtual time 5 by the browser's clock: master time base + 5 + offset.
        const beat = new Map([['kiwi', tracked('kiwi', base + 5 + offsetMs)]]);
        TestBed.overrideProvider(CLOCK, { useValue: testClock().pipe(map((now) => now + base)) });
        const { store } = setup(cold('a', { a: beat }), () => cold('(r|)', { r: [] }), of(offsetMs));
        TestBed.resetTestingModule();
        return store.workers$.pipe(
          map((state) => workersOf(state)[0]?.status),
          distinctUntilChanged(),
        );
      };
      const expected = { a: 'active', s: 'stale', i: 'inactive' };

      expectObservable(status(tenMinutes), '400ms !').toBe('a 124ms s 199ms i', expected);
      expectObservable(status(-tenMinutes), '400ms !').toBe('a 124ms s 199ms i', expected);
    });
  });

  it('freezes freshness at the last message while the master cannot be reached, instead of drifting to inactive', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const connection$ = hot('l 49ms r 349ms l', {
        l: { kind: 'live', lastMessageAt: 5 } as const,
        r: { kind: 'reconnecting', lastMessageAt: 5 } as const,
      });
      const { store } = setup(
        cold('a', { a: new Map([['kiwi', tracked('kiwi', 5)]]) }),
        () => cold('(r|)', { r: [] }),
        of(0),
        connection$,
      );
      const status = store.workers$.pipe(
        map((state) => workersOf(state)[0]?.status),
        distinctUntilChanged(),
      );

      // Down from 50 ms to 400 ms: still "active", as at 5 ms; back live, judged on the clock again.
      expectObservable(status, '500ms !').toBe('a 399ms i', { a: 'active', i: 'inactive' });
    });
  });

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
      const { store, registryCalls } = setup(telemetry, () => cold('(r|)', { r: [] }));

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
      const { store } = setup(cold('e', { e: new Map() }), () => NEVER);

      expectObservable(
        store.workers$.pipe(
          map((state) => state.status),
          distinctUntilChanged(),
        ),
        '100ms !',
      ).toBe('l', { l: 'loading' });
    });
  });

  it('is an error when the registry fails and no telemetry has arrived', () => {
    marbles(({ cold, expectObservable }) => {
      const failure = new HttpErrorResponse({ status: 503, error: 'Database not available' });
      const { store } = setup(cold('e', { e: new Map() }), () => cold('#', undefined, failure));

      expectObservable(
        store.workers$.pipe(
          map((state) => state.status),
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
      const { store } = setup(cold('a', { a: new Map([['kiwi', tracked('kiwi', 5)]]) }), () =>
        cold('#', undefined, failure),
      );
      const view = store.workers$.pipe(
        map((state) => (state.status === 'ready' ? `${state.data.length}:${state.refreshError}` : state.status)),
        distinctUntilChanged(),
      );

      // the first view comes before the registry's (failed) answer, in the same frame
      expectObservable(view, '50ms !').toBe('(ab)', { a: '1:undefined', b: '1:boom (HTTP 500)' });
    });
  });
});
