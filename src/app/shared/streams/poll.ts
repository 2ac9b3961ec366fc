import { Observable, exhaustMap, timer } from 'rxjs';
import { Fetched, toFetched } from './fetched';

/**
 * Requests at once, then every `periodMs`. Cold; never completes; a failed request becomes an
 * `error` value and the next tick tries again. A tick that arrives while a request is still
 * running is skipped, so a slow master is never hit with overlapping requests and a request
 * slower than the period still gets its answer through.
 */
export function poll<T>(request: () => Observable<T>, periodMs: number): Observable<Fetched<T>> {
  return timer(0, periodMs).pipe(exhaustMap(() => request().pipe(toFetched())));
}
