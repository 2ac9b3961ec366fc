import { Observable, OperatorFunction, asyncScheduler, catchError, map, of, pipe } from 'rxjs';
import { describeMasterFailure, toMasterFailure } from '../http/master-failure';
import { Fetched } from './load-state';

/** Turns each response into `ready` and a failure into `error`, then completes: a failure travels down a stream without ending it. */
export function toFetched<T>(): OperatorFunction<T, Fetched<T>> {
  return pipe(
    map((data): Fetched<T> => ({ kind: 'ready', data, updatedAt: asyncScheduler.now() })),
    catchError((error: unknown): Observable<Fetched<T>> => {
      const failure = toMasterFailure(error);
      return of({ kind: 'error', message: describeMasterFailure(failure), failure });
    }),
  );
}
