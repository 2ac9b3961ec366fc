import { Observable } from 'rxjs';
import { HubMessage, TabEndpoint } from '../data-worker/protocol';
import { FailureOverview } from './failure-reader';

/**
 * The failure overviews the data worker sends this tab: subscribing tells the worker this tab shows
 * recent failures (it reads results while any tab does), and it sends what it knows at once;
 * unsubscribing tells it this tab stopped. Cold; never completes.
 */
export function failuresThroughWorker(endpoint: TabEndpoint): Observable<FailureOverview> {
  return new Observable<FailureOverview>((subscriber) => {
    const listener = ({ data: message }: MessageEvent<HubMessage>) => {
      if (message.kind === 'failures') subscriber.next(message.overview);
    };
    endpoint.addEventListener('message', listener);
    endpoint.start?.();
    endpoint.postMessage({ kind: 'failures-on' });
    return () => {
      endpoint.postMessage({ kind: 'failures-off' });
      endpoint.removeEventListener('message', listener);
    };
  });
}
