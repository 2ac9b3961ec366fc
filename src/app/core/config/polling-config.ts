import { InjectionToken, inject } from '@angular/core';
import { DEPLOYMENT } from './deployment-token';
import { DEFAULT_MAX_BACKOFF_MS } from './polling-defaults';

/** How often the dashboard asks the master for data that it does not push. */
export interface PollingConfig {
  readonly tasksMs: number;
  /** The longest wait between requests while they keep failing. */
  readonly maxBackoffMs: number;
  /**
   * How long after the master acknowledged a cancel the task list may still disagree before the
   * dashboard rolls the optimistic `cancelled` back. The real master marks the task cancelled
   * before it answers, so this only needs to cover a few polls.
   */
  readonly cancelSettleMs: number;
  /** How often a signed-in session is checked with the master (also whenever the tab is shown again). */
  readonly sessionCheckMs: number;
}

export const POLLING_CONFIG = new InjectionToken<PollingConfig>('POLLING_CONFIG', {
  providedIn: 'root',
  factory: () => ({
    tasksMs: inject(DEPLOYMENT).taskPollMs,
    maxBackoffMs: DEFAULT_MAX_BACKOFF_MS,
    cancelSettleMs: 10_000,
    sessionCheckMs: 60_000,
  }),
});
