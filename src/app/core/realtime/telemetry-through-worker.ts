import { Observable, distinctUntilChanged, of } from 'rxjs';
import { HubMessage, TabEndpoint } from '../data-worker/protocol';
import { TelemetryDigest } from './telemetry-digest';

/**
 * The telemetry digests the data worker sends this tab: subscribing tells the worker this tab
 * shows live data (it opens the one shared socket if no other tab has), and the first digest is a
 * snapshot of every worker it knows; unsubscribing tells it this tab stopped. `everyMs$` is the
 * page's pace (see `TELEMETRY_PACE`), told again as it changes. Cold; never completes.
 */
export function telemetryThroughWorker(
  endpoint: TabEndpoint,
  everyMs$: Observable<number | undefined> = of(undefined),
): Observable<TelemetryDigest> {
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
    const paces = everyMs$
      .pipe(distinctUntilChanged())
      .subscribe((everyMs) =>
        endpoint.postMessage(everyMs === undefined ? { kind: 'telemetry-on' } : { kind: 'telemetry-on', everyMs }),
      );
    return () => {
      paces.unsubscribe();
      endpoint.postMessage({ kind: 'telemetry-off' });
      endpoint.removeEventListener('message', listener);
    };
  });
}
