import { MonoTypeOperatorFunction, Observable, connect, merge, sample, skip, take } from 'rxjs';

/**
 * Passes the first value at once (nothing waits for the first tick), then the latest value at each
 * tick of `ticks$` that follows a new one. Views sampled this way, and every age that ticks with
 * the same clock, change in one frame a second instead of each in its own, whenever their sources
 * happen to emit.
 */
export function sampleOnTicks<T>(ticks$: Observable<unknown>): MonoTypeOperatorFunction<T> {
  return connect((values$) => merge(values$.pipe(take(1)), values$.pipe(skip(1), sample(ticks$))));
}
