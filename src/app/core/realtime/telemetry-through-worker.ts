import { Observable } from 'rxjs';
import { HubMessage, TabEndpoint } from '../data-worker/protocol';
import { TelemetryDigest } from './telemetry-digest';

/**
 * The telemetry digests the data worker sends this tab: subscribing tells the worker this tab
 * shows live data (it opens the one shared socket if no other tab has), and the first digest is a
 * snapshot of every worker it knows; unsubscribing tells it this tab stopped. Cold; never completes.
 */
export function telemetryThroughWorker(endpoint: TabEndpoint): Observable<TelemetryDigest> {
  return new Observable<TelemetryDigest>((subscriber) => {
    let hasSnapshot = false;
    const listener = ({ data: message }: MessageEvent<HubMessage>) => {
      if (message.kind !== 'telemetry') return;
      // Digests sent before the worker heard this tab start belong to a map it does not have.
      hasSnapshot ||= message.digest.reset;
      if (hasSnapshot) subscriber.next(message.digest);
    };
    endpoint.addEventListener('message', listener);
    endpoint.start?.();
    endpoint.postMessage({ kind: 'telemetry-on' });
    return () => {
      endpoint.postMessage({ kind: 'telemetry-off' });
      endpoint.removeEventListener('message', listener);
    };
  });
}
