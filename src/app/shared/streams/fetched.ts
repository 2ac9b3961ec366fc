import { Observable, OperatorFunction, asyncScheduler, catchError, map, of, pipe } from 'rxjs';
import { MasterFailure, describeMasterFailure, toMasterFailure } from '../http/master-failure';

/** The outcome of one request as a value, so a failure can travel down a stream without ending it. */
export type Fetched<T> =
  | { readonly kind: 'value'; readonly value: T; readonly receivedAt: number }
  | { readonly kind: 'error'; readonly message: string; readonly failure: MasterFailure };

/** Turns each response into a `value` and a failure into an `error` value, then completes. */
export function toFetched<T>(): OperatorFunction<T, Fetched<T>> {
  return pipe(
    map((value): Fetched<T> => ({ kind: 'value', value, receivedAt: asyncScheduler.now() })),
    catchError((error: unknown): Observable<Fetched<T>> => {
      const failure = toMasterFailure(error);
      return of({ kind: 'error', message: describeMasterFailure(failure), failure });
    }),
  );
}
