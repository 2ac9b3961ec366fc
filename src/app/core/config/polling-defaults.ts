/**
 * The longest wait between requests while they keep failing. Free of Angular so the data worker
 * uses the same figure as the page (the page reads it through POLLING_CONFIG, which tests replace).
 */
export const DEFAULT_MAX_BACKOFF_MS = 30_000;
