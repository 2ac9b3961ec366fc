import { MonoTypeOperatorFunction, Observable, asyncScheduler, first, throttle } from 'rxjs';

/**
 * Passes the first value at once, then at most one per tick of `ticks$` (the latest, on the tick).
 * Like `throttleTime(1000, …, { leading, trailing })`, except that the windows end on the shared
 * clock's ticks rather than a second after each leading value: every view sampled this way, and
 * every age that ticks with the clock, changes in the same frame instead of each in its own.
 *
 * `ticks$` emits the time of each tick (a replayed, earlier tick is not taken as the next one).
 */
export function throttleToTicks<T>(ticks$: Observable<number>): MonoTypeOperatorFunction<T> {
  return throttle(
    () => {
      const from = asyncScheduler.now();
      return ticks$.pipe(first((tick) => tick > from));
    },
    { leading: true, trailing: true },
  );
}
