import { EMPTY, MonoTypeOperatorFunction, connect, map, merge, switchMap, timer } from 'rxjs';

/**
 * Errors when, after a value that says more should follow, nothing more arrives within
 * `silenceMs`. A connection that stays open but delivers nothing (a half-open TCP connection,
 * a proxy that stopped forwarding) never errors by itself; this turns it into an error that a
 * `reconnect` downstream acts on. Values for which `expectsMore` is false disarm the watch.
 */
export function failWhenSilent<T>(
  silenceMs: number,
  expectsMore: (value: T) => boolean,
  reason: string,
): MonoTypeOperatorFunction<T> {
  return connect((values$) =>
    merge(
      values$,
      values$.pipe(
        switchMap((value) =>
          expectsMore(value)
            ? timer(silenceMs).pipe(
                map((): T => {
                  throw new Error(reason);
                }),
              )
            : EMPTY,
        ),
      ),
    ),
  );
}
