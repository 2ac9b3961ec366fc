import { MonoTypeOperatorFunction, throwError, timeout } from 'rxjs';

/**
 * The longest any request may wait for the master. A half-open connection would otherwise hold a
 * poll forever. The dashboard's own server gives up first (30 s, 60 s for a cancel) and says why;
 * this covers a deployment behind some other proxy.
 */
export const REQUEST_TIMEOUT_MS = 45_000;

/** A cancel can hold the real master's lock for 30 s and then wait for a container to stop. */
export const CANCEL_TIMEOUT_MS = 75_000;

/** Fails a request that has not answered within `limitMs`, saying so; unsubscribing cancels it. */
export function failAfter<T>(limitMs: number): MonoTypeOperatorFunction<T> {
  return timeout({
    first: limitMs,
    with: () => throwError(() => new Error(`The master did not answer within ${limitMs / 1000} s.`)),
  });
}
