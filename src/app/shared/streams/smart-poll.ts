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
import { MasterFailure } from '../http/master-failure';
import { backedOffInterval } from './backoff';
import { Fetched, toFetched } from './fetched';

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

/** What a poller knows: the latest data, when it arrived, and the latest failure since. */
export interface PollState<T> {
  /** `undefined` until the first success. The same reference while the data is structurally equal. */
  readonly data: T | undefined;
  /** Epoch ms of the last successful response. */
  readonly lastUpdated: number | null;
  /** The failure of the latest request, or `null` when it succeeded. */
  readonly lastError: string | null;
  /** What kind of failure that was (a master without a database, a dropped request…), `null` with `lastError`. */
  readonly lastFailure: MasterFailure | null;
  readonly consecutiveFailures: number;
}

/** Before the first answer. */
export const NOT_POLLED: PollState<never> = {
  data: undefined,
  lastUpdated: null,
  lastError: null,
  lastFailure: null,
  consecutiveFailures: 0,
};

/**
 * Polls a request for as long as it is subscribed. Cold; never completes; emits a
 * {@link PollState} after every response. A failed request becomes `lastError` and polling
 * continues, each consecutive failure doubling the wait (capped) until a success restores the
 * interval. `data` keeps its reference while responses are structurally equal, so
 * `map(s => s.data), distinctUntilChanged()` emits only real changes.
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
    scan(toPollState<T>, NOT_POLLED),
    startWith(NOT_POLLED),
  );
}

function toPollState<T>(state: PollState<T>, fetched: Fetched<T>): PollState<T> {
  if (fetched.kind === 'error') {
    return {
      ...state,
      lastError: fetched.message,
      lastFailure: fetched.failure,
      consecutiveFailures: state.consecutiveFailures + 1,
    };
  }
  const data = keepIfEqual(state.data, fetched.value);
  return { data, lastUpdated: fetched.receivedAt, lastError: null, lastFailure: null, consecutiveFailures: 0 };
}

/** `next`, or `previous` when it is structurally equal, so readers see a new reference only for a real change. */
export function keepIfEqual<T>(previous: T | undefined, next: T): T {
  return previous !== undefined && dequal(previous, next) ? previous : next;
}
