import { InjectionToken } from '@angular/core';

/**
 * Whether live data runs in the data worker shared by the tabs (see `DATA_WORKER`). The app says
 * yes; unit tests leave it at no and do the work in the page. A token of its own, so the first
 * download carries this flag but not the worker's plumbing, which comes with the pages that use it.
 */
export const USE_DATA_WORKER = new InjectionToken<boolean>('USE_DATA_WORKER', {
  providedIn: 'root',
  factory: () => false,
});
