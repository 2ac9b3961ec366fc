import { TestBed } from '@angular/core/testing';
import { distinctUntilChanged, map, of } from 'rxjs';
import { aWorker } from '../../testing/builders';
import { marbles } from '../../testing/marbles';
import { testClock } from '../../testing/realtime';
import { CLOCK } from './browser-signals';
import { setupLiveWorkers, tracked, workersOf } from '../../testing/realtime-testing';

describe('LiveWorkersStore', () => {
  it('joins registry capacities with live telemetry', () => {
    marbles(({ cold, expectObservable }) => {
      const kiwi = aWorker({ worker_id: 'kiwi', total_resources: { cpu: 12, memory: 8, storage: 100, gpu: 0 } });
      const { store } = setupLiveWorkers(cold('a', { a: new Map([['kiwi', tracked('kiwi', 5)]]) }), () =>
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

  it('offers the workers at most once a tick to readers that show no usage, once the registry has answered', () => {
    marbles(({ cold, expectObservable }) => {
      const usage = (cpu: number) =>
        new Map([['kiwi', { ...tracked('kiwi', 5), telemetry: { ...tracked('kiwi', 5).telemetry, cpu_usage: cpu } }]]);
      const kiwi = aWorker({ worker_id: 'kiwi' });
      // Usage every 5 ms; the registry answers at 10 ms; the clock ticks every 25 ms.
      const { store } = setupLiveWorkers(
        cold('a 4ms b 4ms c 4ms d 4ms e', { a: usage(1), b: usage(2), c: usage(3), d: usage(4), e: usage(5) }),
        () => cold('10ms (r|)', { r: [kiwi] }),
      );
      const seen = store.workersEachSecond$.pipe(
        map((workers) => workers?.map((worker) => `${worker.id}:${worker.cpuUsage}`).join() ?? 'none'),
      );

      expectObservable(seen, '60ms !').toBe('a 24ms b 24ms c', { a: 'none', b: 'kiwi:5', c: 'kiwi:5' });
    });
  });

  it('marks a silent worker stale, then inactive, on the clock alone', () => {
    marbles(({ cold, expectObservable }) => {
      const { store } = setupLiveWorkers(cold('a', { a: new Map([['kiwi', tracked('kiwi', 5)]]) }), () =>
        cold('(r|)', { r: [] }),
      );
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
        const { store } = setupLiveWorkers(cold('a', { a: beat }), () => cold('(r|)', { r: [] }), of(offsetMs));
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
      const { store } = setupLiveWorkers(
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
});
