import { InjectionToken } from '@angular/core';

/** How often the dashboard asks the master for data that it does not push. */
export interface PollingConfig {
  readonly tasksMs: number;
  readonly workersMs: number;
  readonly healthMs: number;
}

export const POLLING_CONFIG = new InjectionToken<PollingConfig>('POLLING_CONFIG', {
  providedIn: 'root',
  factory: () => ({ tasksMs: 3000, workersMs: 5000, healthMs: 5000 }),
});
