import { InjectionToken } from '@angular/core';

/** How often the dashboard asks the master for data that it does not push. */
export interface PollingConfig {
  readonly tasksMs: number;
  /** The longest wait between requests while they keep failing. */
  readonly maxBackoffMs: number;
}

export const POLLING_CONFIG = new InjectionToken<PollingConfig>('POLLING_CONFIG', {
  providedIn: 'root',
  factory: () => ({ tasksMs: 3000, maxBackoffMs: 30_000 }),
});
