import { Observable, OperatorFunction, asyncScheduler, catchError, map, of, pipe } from 'rxjs';
import { toErrorMessage } from '../http/error-message';

/** The outcome of one request as a value, so a failure can travel down a stream without ending it. */
export type Fetched<T> =
  | { readonly kind: 'value'; readonly value: T; readonly receivedAt: number }
  | { readonly kind: 'error'; readonly message: string };

/** Turns each response into a `value` and a failure into an `error` value, then completes. */
export function toFetched<T>(): OperatorFunction<T, Fetched<T>> {
  return pipe(
    map((value): Fetched<T> => ({ kind: 'value', value, receivedAt: asyncScheduler.now() })),
    catchError((error: unknown): Observable<Fetched<T>> => of({ kind: 'error', message: toErrorMessage(error) })),
  );
}
