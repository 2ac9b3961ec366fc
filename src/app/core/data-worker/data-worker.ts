import { InjectionToken, inject } from '@angular/core';
import { Observable, ReplaySubject } from 'rxjs';
import { Deployment, dataWorkerName } from '../config/deployment';
import { DEPLOYMENT } from '../config/deployment-token';
import { TabEndpoint, WISH_RENEW_MS } from './protocol';
import { USE_DATA_WORKER } from './use-data-worker';

/** Set to `1` in localStorage to poll in the page, without the data worker (tests that intercept requests in the page). */
export const DATA_IN_PAGE_KEY = 'cloudai.debug.data-in-page';

/** This tab's connection to the data worker. */
export interface DataWorker {
  readonly port: TabEndpoint;
  /**
   * Emits if the worker could not start (its script did not load: the dashboard's server was
   * restarting, or a new version replaced it) or failed: the page then does the work itself. Replays.
   */
  readonly failed$: Observable<unknown>;
}

/**
 * This tab's data worker, started (or joined) when live data is first read, or `null` to do the
 * work in the page: always where the app does not ask for the worker ({@link USE_DATA_WORKER}),
 * as in unit tests.
 */
export const DATA_WORKER = new InjectionToken<DataWorker | null>('DATA_WORKER', {
  providedIn: 'root',
  factory: () => (inject(USE_DATA_WORKER) ? connectDataWorker(inject(DEPLOYMENT)) : null),
});

/**
 * Starts (or joins) the data worker: a SharedWorker shared by every tab of this browser where
 * there is one, a dedicated worker for this tab where there is not, none where there are no
 * workers at all, the browser refuses one, or a test asked for none.
 */
export function connectDataWorker(deployment: Deployment): DataWorker | null {
  try {
    if (globalThis.localStorage?.getItem(DATA_IN_PAGE_KEY) === '1') return null;
    if (typeof SharedWorker !== 'undefined') {
      const shared = new SharedWorker(new URL('./data.worker', import.meta.url), {
        type: 'module',
        name: dataWorkerName(deployment),
      });
      // A closing tab says so, so the shared poll stops serving it at once rather than when it falls silent.
      globalThis.addEventListener?.('pagehide', () => shared.port.postMessage({ kind: 'leave' }));
      keepAlive(shared.port);
      return { port: shared.port, failed$: failures(shared) };
    }
    if (typeof Worker !== 'undefined') {
      const dedicated = new Worker(new URL('./data.worker', import.meta.url), {
        type: 'module',
        name: dataWorkerName(deployment),
      });
      keepAlive(dedicated);
      return { port: dedicated, failed$: failures(dedicated) };
    }
  } catch {
    // Storage or workers refused (a privacy mode, a policy): the page does the work.
  }
  return null;
}

/** Tells the worker this tab is still there, for as long as it is. */
function keepAlive(port: TabEndpoint): void {
  setInterval(() => port.postMessage({ kind: 'alive' }), WISH_RENEW_MS);
}

/** The worker's `error` events, from its creation on, so one that comes before anyone listens is not lost. */
function failures(worker: EventTarget): Observable<unknown> {
  const failed = new ReplaySubject<unknown>(1);
  worker.addEventListener('error', (event) => failed.next(event));
  return failed;
}
