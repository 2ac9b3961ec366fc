import {
  MonoTypeOperatorFunction,
  Observable,
  asyncScheduler,
  concat,
  race,
  retry,
  take,
  throwError,
  timer,
} from 'rxjs';
import { BackoffPolicy, fullJitterDelay } from './backoff';

/** A reconnection that has been scheduled: which attempt, and when it will be made (epoch ms). */
export interface RetryScheduled {
  readonly attempt: number;
  readonly retryAt: number;
  readonly reason: string;
}

export interface ReconnectOptions {
  readonly policy: BackoffPolicy;
  readonly random: () => number;
  /** Any emission retries at once instead of waiting out the backoff (browser online, tab visible, master back). */
  readonly retryNow$: Observable<unknown>;
  /** Told about each scheduled retry, so the connection state can say "reconnecting in 3 s". */
  readonly onRetryScheduled: (retry: RetryScheduled) => void;
}

/**
 * Resubscribes after an error, forever, with full-jitter exponential backoff. The attempt count
 * starts again once the source delivers a value (`resetOnSuccess`), so a long-lived connection
 * that drops retries quickly rather than from where the last outage left off.
 */
export function reconnect<T>(options: ReconnectOptions): MonoTypeOperatorFunction<T> {
  return retry({
    resetOnSuccess: true,
    delay: (error: unknown, attempt: number) => {
      const waitMs = fullJitterDelay(attempt, options.policy, options.random);
      options.onRetryScheduled({ attempt, retryAt: asyncScheduler.now() + waitMs, reason: describe(error) });
      return race(timer(waitMs), options.retryNow$.pipe(take(1)));
    },
  });
}

/** A connection that ends is a connection that dropped: turn completion into an error so `reconnect` sees it. */
export function completionAsError<T>(reason: string): MonoTypeOperatorFunction<T> {
  return (source) =>
    concat(
      source,
      throwError(() => new Error(reason)),
    );
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  if (typeof CloseEvent !== 'undefined' && error instanceof CloseEvent) {
    return `the connection closed (code ${error.code})`;
  }
  return 'the connection failed';
}
