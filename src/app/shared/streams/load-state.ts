import { OperatorFunction, pipe, scan, startWith } from 'rxjs';
import { Fetched } from './fetched';

/**
 * What a view shows for data that arrives over time. `ready` keeps the last good data when a
 * later refresh fails, and says so in `refreshError`, so an operator never loses the picture
 * because of one failed request — and never mistakes old data for fresh.
 */
export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly data: T; readonly updatedAt: number; readonly refreshError?: string };

const LOADING = { status: 'loading' } as const;

/** Folds request outcomes into a {@link LoadState}, starting with `loading`. */
export function toLoadState<T>(): OperatorFunction<Fetched<T>, LoadState<T>> {
  return pipe(
    scan((state: LoadState<T>, fetched: Fetched<T>): LoadState<T> => {
      if (fetched.kind === 'value') {
        return { status: 'ready', data: fetched.value, updatedAt: fetched.receivedAt };
      }
      return state.status === 'ready'
        ? { ...state, refreshError: fetched.message }
        : { status: 'error', message: fetched.message };
    }, LOADING),
    startWith(LOADING),
  );
}
