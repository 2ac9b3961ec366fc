/**
 * The default polling figures, free of Angular so the data worker uses the same ones as the page
 * (the page reads them through POLLING_CONFIG, which tests replace).
 */
export const DEFAULT_TASKS_POLL_MS = 3000;
/** The longest wait between requests while they keep failing. */
export const DEFAULT_MAX_BACKOFF_MS = 30_000;
