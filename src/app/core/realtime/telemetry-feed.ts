import { Injectable, inject } from '@angular/core';
import {
  BehaviorSubject,
  Observable,
  defer,
  distinctUntilChanged,
  ignoreElements,
  map,
  merge,
  of,
  share,
  shareReplay,
  startWith,
  switchMap,
  take,
  takeUntil,
  tap,
} from 'rxjs';
import { DATA_WORKER, DataWorker } from '../data-worker/data-worker';
import { REALTIME_CONFIG } from '../config/realtime-config';
import { BROWSER_ONLINE, PAGE_VISIBLE, RENDER_SCHEDULER } from './browser-signals';
import { SocketStatus } from './connection-state';
import { risingEdge } from './rising-edge';
import { CONNECTING } from './socket-status';
import { TelemetryDigest, TelemetryLedger, digestTelemetry } from './telemetry-digest';
import { TelemetrySocket } from './telemetry-socket';
import { TELEMETRY_PACE } from './telemetry-pace';
import { telemetryThroughWorker } from './telemetry-through-worker';

/** What a tab whose live connection is closed knows: nothing. */
const CLOSED_DIGEST: TelemetryDigest = { reset: true, updates: [], status: CONNECTING, clockOffsetMs: 0, malformed: 0 };

/**
 * The master's telemetry as this tab receives it: digests at display rate, never per frame. With
 * the data worker, one socket serves every tab of this browser, and the socket, the parsing and
 * the validation run off this thread; without one (or when it cannot start), this tab opens its
 * own socket (see `TelemetrySocket`) and digests it the same way.
 */
@Injectable({ providedIn: 'root' })
export class TelemetryFeed {
  private readonly socket = inject(TelemetrySocket);
  private readonly worker = inject(DATA_WORKER);
  private readonly config = inject(REALTIME_CONFIG);
  private readonly renderScheduler = inject(RENDER_SCHEDULER);
  private readonly visible$ = inject(PAGE_VISIBLE);
  private readonly online$ = inject(BROWSER_ONLINE);
  /** How often the current page needs digests from the data worker. */
  private readonly pace$ = inject(TELEMETRY_PACE);

  /** Whether someone allowed to see live data has opened the connection in this tab. */
  private readonly enabled = new BehaviorSubject(false);

  /**
   * Digests of the one connection: the first after a (re)opening is a snapshot of every worker;
   * one marking a reset follows a close on purpose. Hot while subscribed; no replay; never completes.
   */
  readonly digests$: Observable<TelemetryDigest> = (this.worker ? this.throughWorker(this.worker) : this.inPage()).pipe(
    share(),
  );

  /** Where the socket is. Shared while subscribed; replays; never completes. */
  readonly status$: Observable<SocketStatus> = this.digests$.pipe(
    map((digest) => digest.status),
    startWith(CONNECTING),
    distinctUntilChanged(),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** Opens the connection (the session allows live data). */
  connect(): void {
    this.enabled.next(true);
    this.socket.connect();
  }

  /** Closes the connection and forgets what it delivered (sign-out). */
  disconnect(): void {
    this.enabled.next(false);
    this.socket.disconnect();
  }

  /** The master answers REST requests again: reconnect at once instead of waiting out the backoff. */
  retryNow(): void {
    this.socket.retryNow();
    this.worker?.port.postMessage({ kind: 'telemetry-retry-now' });
  }

  private inPage(): Observable<TelemetryDigest> {
    return defer(() =>
      this.socket.events$.pipe(
        digestTelemetry(new TelemetryLedger(), this.config.viewCoalesceMs, this.renderScheduler),
      ),
    );
  }

  private throughWorker(worker: DataWorker): Observable<TelemetryDigest> {
    const inWorker$ = this.enabled.pipe(
      distinctUntilChanged(),
      switchMap((enabled) =>
        enabled
          ? merge(
              telemetryThroughWorker(worker.port, this.pace$),
              // The tab shown again, or the browser online again: a socket waiting out its backoff
              // reconnects at once (the worker hears the browser come online too, where it can).
              merge(risingEdge(this.visible$), risingEdge(this.online$)).pipe(
                tap(() => worker.port.postMessage({ kind: 'telemetry-retry-now' })),
                ignoreElements(),
              ),
            )
          : of(CLOSED_DIGEST),
      ),
    );
    // A worker that cannot start or fails leaves the socket to the page, which then works as without one.
    return merge(
      inWorker$.pipe(takeUntil(worker.failed$)),
      worker.failed$.pipe(
        take(1),
        switchMap(() => this.inPage()),
      ),
    );
  }
}
