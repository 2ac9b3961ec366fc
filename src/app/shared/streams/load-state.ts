/**
 * What a view shows for data that arrives over time. `ready` keeps the last good data when a
 * later refresh fails, and says so in `refreshError`, so an operator never loses the picture
 * because of one failed request — and never mistakes old data for fresh.
 */
export type LoadState<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'ready'; readonly data: T; readonly updatedAt: number; readonly refreshError?: string };
