import { MasterFailure } from '../http/master-failure';

/**
 * The one shape of a result that arrives over time, used by every request, poller and view:
 * not asked, loading, ready or failed. `ready` keeps the last good data when a later refresh
 * fails, and says so in `refreshError`, so an operator never loses the picture because of one
 * failed request — and never mistakes old data for fresh.
 */
export type LoadState<T> =
  /** Not asked, and not going to be until something changes; `reason` says why when a reader should know. */
  | { readonly kind: 'idle'; readonly reason?: string }
  /** Asked; `retrying` when the master has not answered usefully yet and the request is repeated. */
  | { readonly kind: 'loading'; readonly retrying?: boolean }
  | { readonly kind: 'ready'; readonly data: T; readonly updatedAt: number; readonly refreshError?: string }
  | { readonly kind: 'error'; readonly message: string; readonly failure?: MasterFailure };

/** What one request ends in. */
export type Fetched<T> = Extract<LoadState<T>, { readonly kind: 'ready' | 'error' }>;

/** What a poller adds: how many requests in a row have failed (its backoff). */
export type PollState<T> = LoadState<T> & { readonly consecutiveFailures: number };

export const LOADING: LoadState<never> = { kind: 'loading' };

/** The data, when there is any (also while a refresh is failing). */
export function dataOf<T>(state: LoadState<T>): T | undefined {
  return state.kind === 'ready' ? state.data : undefined;
}

/** Epoch ms of the last good answer, `null` before one. */
export function updatedAtOf(state: LoadState<unknown>): number | null {
  return state.kind === 'ready' ? state.updatedAt : null;
}

/** What went wrong with the latest request, with or without older data to show: `null` when it succeeded. */
export function problemOf(state: LoadState<unknown>): string | null {
  if (state.kind === 'error') return state.message;
  return state.kind === 'ready' ? (state.refreshError ?? null) : null;
}

/** Whether an answer, good or bad, has come at all. */
export function hasAnswered(state: LoadState<unknown>): boolean {
  return state.kind === 'ready' || state.kind === 'error';
}
