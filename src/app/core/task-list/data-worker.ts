import { InjectionToken } from '@angular/core';
import { TabEndpoint } from './poll-through-worker';

/** Set to `1` in localStorage to poll in the page, without the data worker (tests that intercept requests in the page). */
export const DATA_IN_PAGE_KEY = 'cloudai.debug.data-in-page';

/**
 * This tab's end of the data worker, or `null` to do the work in the page. Null unless the app
 * provides {@link connectDataWorker}: unit tests poll in the page.
 */
export const DATA_WORKER = new InjectionToken<TabEndpoint | null>('DATA_WORKER', {
  providedIn: 'root',
  factory: () => null,
});

/**
 * Starts (or joins) the data worker: a SharedWorker shared by every tab of this browser where
 * there is one, a dedicated worker for this tab where there is not, none where there are no
 * workers at all or a test asked for none.
 */
export function connectDataWorker(): TabEndpoint | null {
  if (globalThis.localStorage?.getItem(DATA_IN_PAGE_KEY) === '1') return null;
  if (typeof SharedWorker !== 'undefined') {
    const shared = new SharedWorker(new URL('./task-list.worker', import.meta.url), {
      type: 'module',
      name: 'cloudai-data',
    });
    leaveOnPageHide(shared.port);
    return shared.port;
  }
  if (typeof Worker !== 'undefined') {
    return new Worker(new URL('./task-list.worker', import.meta.url), { type: 'module', name: 'cloudai-data' });
  }
  return null;
}

/** A closing tab says so, so the shared poll stops serving it at once rather than when its wish expires. */
function leaveOnPageHide(port: TabEndpoint): void {
  globalThis.addEventListener?.('pagehide', () => port.postMessage({ kind: 'leave' }));
}
