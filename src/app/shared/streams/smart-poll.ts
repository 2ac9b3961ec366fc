import { dequal } from 'dequal';
import {
  EMPTY,
  Observable,
  combineLatest,
  distinctUntilChanged,
  expand,
  map,
  merge,
  of,
  scan,
  startWith,
  switchMap,
  timer,
} from 'rxjs';
import { backedOffInterval } from './backoff';
import { toFetched } from './fetched';
import { Fetched, PollState, dataOf } from './load-state';

export interface SmartPollOptions<T> {
  readonly request: () => Observable<T>;
  /** The interval in ms; `0` pauses after one fetch (a manual refresh still fetches). Changing it restarts the cycle at once. */
  readonly intervalMs$: Observable<number>;
  /** Whether the page is visible. Polling stops while hidden and fetches at once when visible again. */
  readonly visible$: Observable<boolean>;
  /** A manual refresh: cancels the request in flight and fetches now. */
  readonly refresh$?: Observable<unknown>;
  /** Upper bound of the interval while requests keep failing. */
  readonly maxBackoffMs?: number;
}

/** Before the first answer. */
export const NOT_POLLED: PollState<never> = { kind: 'loading', consecutiveFailures: 0 };

/**
 * Polls a request for as long as it is subscribed. Cold; never completes; emits a
 * {@link PollState} after every response. A failed request becomes an `error`, or the `refreshError`
 * of the data already there, and polling
 * continues, each consecutive failure doubling the wait (capped) until a success restores the
 * interval. `data` keeps its reference while responses are structurally equal, so
 * `map(dataOf), distinctUntilChanged()` emits only real changes.
 */
export function smartPoll<T>(options: SmartPollOptions<T>): Observable<PollState<T>> {
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  const refresh$ = options.refresh$ ?? EMPTY;
  const fetchOnce = () => options.request().pipe(toFetched());

  /** Fetch, wait the (backed-off) interval, fetch again, for as long as it is subscribed. */
  const cycle = (intervalMs: number): Observable<Fetched<T>> => {
    const fetchAfter = (waitMs: number, failures: number) =>
      timer(waitMs).pipe(
        switchMap(fetchOnce),
        map((fetched) => ({ fetched, failures: fetched.kind === 'error' ? failures + 1 : 0 })),
      );
    return fetchAfter(0, 0).pipe(
      expand(({ failures }) => fetchAfter(backedOffInterval(intervalMs, failures, maxBackoffMs), failures)),
      map(({ fetched }) => fetched),
    );
  };

  return combineLatest([
    options.intervalMs$.pipe(distinctUntilChanged()),
    options.visible$.pipe(distinctUntilChanged()),
  ]).pipe(
    switchMap(([intervalMs, visible]) => {
      if (!visible) {
        return EMPTY;
      }
      if (intervalMs <= 0) {
        // Paused: one fetch so a page opened while paused is not empty, then only on demand.
        return merge(of(null), refresh$).pipe(switchMap(fetchOnce));
      }
      return merge(of(null), refresh$).pipe(switchMap(() => cycle(intervalMs)));
    }),
    scan(addAnswer<T>, NOT_POLLED),
    startWith(NOT_POLLED),
  );
}

/** A poller's state after one more answer. */
export function addAnswer<T>(state: PollState<T>, fetched: Fetched<T>): PollState<T> {
  if (fetched.kind === 'error') {
    const consecutiveFailures = state.consecutiveFailures + 1;
    return state.kind === 'ready'
      ? { ...state, refreshError: fetched.message, consecutiveFailures }
      : { ...fetched, consecutiveFailures };
  }
  const data = keepIfEqual(dataOf(state), fetched.data);
  return { kind: 'ready', data, updatedAt: fetched.updatedAt, consecutiveFailures: 0 };
}

/** `next`, or `previous` when it is structurally equal, so readers see a new reference only for a real change. */
export function keepIfEqual<T>(previous: T | undefined, next: T): T {
  return previous !== undefined && dequal(previous, next) ? previous : next;
}
