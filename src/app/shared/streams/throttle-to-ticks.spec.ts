import { asyncScheduler, map, shareReplay } from 'rxjs';
import { marbles } from '../../testing/marbles';
import { throttleToTicks } from './throttle-to-ticks';

describe('throttleToTicks', () => {
  it('passes the first value at once, then the latest at each tick, and nothing on a tick without news', () => {
    marbles(({ hot, expectObservable }) => {
      const ticks$ = hot('t 99ms t 99ms t 99ms t 99ms t', { t: 0 }).pipe(map(() => asyncScheduler.now()));
      const values$ = hot('-- 29ms a 9ms b 9ms c 149ms d 99ms e');

      // a at once (31 ms), c on the tick at 100, then d and e at once: no value came in their windows.
      expectObservable(values$.pipe(throttleToTicks(ticks$)), '^ 450ms !').toBe('-- 29ms a 68ms c 100ms d 99ms e');
    });
  });

  it('does not take a replayed tick, from before the value, for the next one', () => {
    marbles(({ hot, expectObservable }) => {
      const ticks$ = hot('t 99ms t', { t: 0 }).pipe(
        map(() => asyncScheduler.now()),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
      ticks$.subscribe();
      const values$ = hot('-- 49ms a 9ms b');

      expectObservable(values$.pipe(throttleToTicks(ticks$)), '^ 200ms !').toBe('-- 49ms a 48ms b');
    });
  });
});
