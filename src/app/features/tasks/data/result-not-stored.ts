import { MonoTypeOperatorFunction, retry, throwError, timer } from 'rxjs';
import { isDropped, toMasterFailure } from '../../../shared/http/master-failure';

/**
 * The master stores a result a little after the task's status says it finished (a cancelled task
 * only once its container has stopped); until then it drops requests for it. Asked again this
 * often, this many times.
 */
const RESULT_RETRY_MS = 3000;
const RESULT_RETRIES = 40;

/** A finished task whose detail has no result yet: the master stores it shortly. */
export class ResultNotStoredYet extends Error {}

/** Asks again while the master drops the request, or answers without a result, because it has none stored yet. */
export function retryUntilResultStored<T>(): MonoTypeOperatorFunction<T> {
  return retry<T>({
    count: RESULT_RETRIES,
    delay: (error: unknown) =>
      error instanceof ResultNotStoredYet || isDropped(toMasterFailure(error))
        ? timer(RESULT_RETRY_MS)
        : throwError(() => error),
  });
}
