import {
  EMPTY,
  Observable,
  asyncScheduler,
  concat,
  defer,
  distinctUntilChanged,
  filter,
  ignoreElements,
  map,
  merge,
  mergeMap,
  of,
  share,
  switchMap,
  tap,
  timeout,
} from 'rxjs';
import { HubPort, TabMessage, WISH_EXPIRES_MS } from '../data-worker/protocol';
import { CLOSED, SocketEvent } from './socket-status';
import { TelemetryLedger, digestTelemetry } from './telemetry-digest';

export interface TelemetryHubOptions {
  /** The telemetry connection (see `telemetryConnection`), reconnecting at once on each `retryNow$`. */
  readonly connect: (retryNow$: Observable<unknown>) => Observable<SocketEvent>;
  /** How often readers get a digest while frames arrive. */
  readonly digestMs: number;
  /** The browser came online again: a socket waiting out its backoff reconnects at once. */
  readonly online$: Observable<unknown>;
}

/** A port's message, or its silence for {@link WISH_EXPIRES_MS}: the tab has gone. */
type PortEvent = { readonly port: HubPort; readonly message: TabMessage | { readonly kind: 'silent' } };

/**
 * The one telemetry socket of every tab of a browser, run by the data worker: open while any tab
 * shows live data; frames are parsed, validated and merged here, and every such tab gets the
 * same digest at display rate, a tab that joins a snapshot of every worker first. Cold:
 * subscribing runs it; never completes.
 */
export function runTelemetryHub(ports$: Observable<HubPort>, options: TelemetryHubOptions): Observable<never> {
  return defer(() => {
    const ledger = new TelemetryLedger();
    const readers = new Map<number, HubPort>();

    const events$: Observable<PortEvent> = ports$.pipe(
      mergeMap((port) =>
        concat(
          port.messages$.pipe(timeout({ each: WISH_EXPIRES_MS, with: () => EMPTY })),
          of({ kind: 'silent' as const }),
        ).pipe(map((message): PortEvent => ({ port, message }))),
      ),
      share(),
    );

    const readersChanged$ = events$.pipe(
      tap(({ port, message }) => {
        if (message.kind === 'telemetry-on' && !readers.has(port.id)) {
          // A tab that starts reading gets every worker known so far at once.
          port.post({ kind: 'telemetry', digest: ledger.snapshot() });
          readers.set(port.id, port);
        } else if (message.kind === 'telemetry-off' || message.kind === 'silent') {
          readers.delete(port.id);
        }
      }),
      map(() => readers.size > 0),
      distinctUntilChanged(),
    );

    const retryNow$ = merge(
      events$.pipe(filter(({ message }) => message.kind === 'telemetry-retry-now')),
      options.online$,
    );

    const digests$ = readersChanged$.pipe(
      switchMap((anyReader) => (anyReader ? options.connect(retryNow$) : of(CLOSED))),
      digestTelemetry(ledger, options.digestMs, asyncScheduler),
      tap((digest) => {
        for (const reader of readers.values()) reader.post({ kind: 'telemetry', digest });
      }),
    );

    return digests$.pipe(ignoreElements());
  });
}
