import {
  Observable,
  Subscription,
  asyncScheduler,
  defer,
  distinctUntilChanged,
  filter,
  ignoreElements,
  map,
  merge,
  of,
  switchMap,
  tap,
} from 'rxjs';
import { portEvents } from '../data-worker/port-events';
import { HubPort } from '../data-worker/protocol';
import { CLOSED, SocketEvent } from './socket-status';
import { TelemetryDigest, TelemetryLedger, digestTelemetry, mergeDigests } from './telemetry-digest';

export interface TelemetryHubOptions {
  /** The telemetry connection (see `telemetryConnection`), reconnecting at once on each `retryNow$`. */
  readonly connect: (retryNow$: Observable<unknown>) => Observable<SocketEvent>;
  /** How often readers get a digest while frames arrive. */
  readonly digestMs: number;
  /** The browser came online again: a socket waiting out its backoff reconnects at once. */
  readonly online$: Observable<unknown>;
}

/**
 * The one telemetry socket of every tab of a browser, run by the data worker: open while any tab
 * shows live data; frames are parsed, validated and merged here, and every such tab gets the
 * digests at display rate, or as seldom as its page asked (see {@link PacedReader}), a tab that
 * joins a snapshot of every worker first. Cold: subscribing runs it; never completes.
 */
export function runTelemetryHub(ports$: Observable<HubPort>, options: TelemetryHubOptions): Observable<never> {
  return defer(() => {
    const ledger = new TelemetryLedger();
    const readers = new Map<number, PacedReader>();

    const events$ = portEvents(ports$);

    const readersChanged$ = events$.pipe(
      tap(({ port, message }) => {
        if (message.kind === 'telemetry-on') {
          // No pace asked: every digest as it comes.
          const everyMs = message.everyMs ?? 0;
          const reader = readers.get(port.id);
          if (reader) {
            reader.paceAt(everyMs);
          } else {
            // A tab that starts reading gets every worker known so far at once.
            const joining = new PacedReader(port, everyMs);
            joining.send(ledger.snapshot());
            readers.set(port.id, joining);
          }
        } else if (message.kind === 'telemetry-off' || message.kind === 'silent') {
          readers.get(port.id)?.stop();
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
        for (const reader of readers.values()) reader.deliver(digest);
      }),
    );

    return digests$.pipe(ignoreElements());
  });
}

/**
 * One tab's share of the digests, at its page's pace: at display rate as they come, or merged and
 * sent at most every `everyMs`. A change of the socket's phase, and a reset, go at once, so the
 * connection's state is never late.
 */
export class PacedReader {
  private held: TelemetryDigest | null = null;
  private sentAt = Number.NEGATIVE_INFINITY;
  private sentPhase: string | null = null;
  private flushLater: Subscription | null = null;

  constructor(
    private readonly port: HubPort,
    private everyMs: number,
  ) {}

  deliver(digest: TelemetryDigest): void {
    this.held = this.held ? mergeDigests(this.held, digest) : digest;
    const now = asyncScheduler.now();
    const dueAt = this.sentAt + this.everyMs;
    if (digest.reset || digest.status.phase !== this.sentPhase || now >= dueAt) {
      this.flush();
    } else {
      this.flushLater ??= asyncScheduler.schedule(() => this.flush(), dueAt - now);
    }
  }

  /** Takes digests at most every `everyMs` from now on; a faster pace gets what is held at once. */
  paceAt(everyMs: number): void {
    const faster = everyMs < this.everyMs;
    this.everyMs = everyMs;
    if (faster) this.flush();
  }

  send(digest: TelemetryDigest): void {
    this.port.post({ kind: 'telemetry', digest });
    this.sentAt = asyncScheduler.now();
    this.sentPhase = digest.status.phase;
  }

  stop(): void {
    this.flushLater?.unsubscribe();
    this.flushLater = null;
    this.held = null;
  }

  private flush(): void {
    this.flushLater?.unsubscribe();
    this.flushLater = null;
    if (this.held === null) return;
    const digest = this.held;
    this.held = null;
    this.send(digest);
  }
}
