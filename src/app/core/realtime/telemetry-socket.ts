import { Injectable, inject } from '@angular/core';
import { BehaviorSubject, Observable, Subject, distinctUntilChanged, merge, of, share, switchMap } from 'rxjs';
import { REALTIME_CONFIG } from '../config/realtime-config';
import { BROWSER_ONLINE, PAGE_VISIBLE, RANDOM } from './browser-signals';
import { risingEdge } from './rising-edge';
import { TELEMETRY_SOCKET_URL, WEB_SOCKET_FACTORY } from './socket-factory';
import { CLOSED, SocketEvent } from './socket-status';
import { telemetryConnection } from './telemetry-connection';

/**
 * The master's `/ws/telemetry` opened by this tab itself, where there is no data worker to share
 * one (see `TelemetryFeed`): reconnected forever with backoff, closed on sign-out.
 */
@Injectable({ providedIn: 'root' })
export class TelemetrySocket {
  private readonly openSocket = inject(WEB_SOCKET_FACTORY);
  private readonly socketUrl = inject(TELEMETRY_SOCKET_URL);
  private readonly config = inject(REALTIME_CONFIG);
  private readonly online$ = inject(BROWSER_ONLINE);
  private readonly visible$ = inject(PAGE_VISIBLE);
  private readonly random = inject(RANDOM);

  /**
   * The REST poll reached the master after failing: it is back, so reconnect now. A Subject, as
   * this closes a genuine loop: that poll runs at its fallback pace only while this socket is down,
   * so it is derived from the socket and cannot also be one of its inputs.
   */
  private readonly masterAnswering = new Subject<void>();

  /**
   * Whether the live connection may be open. Closed until someone may see live data (the session
   * store opens it once the master says so), so a reader subscribing early opens nothing.
   */
  private readonly enabled = new BehaviorSubject(false);

  /** Frames and reconnection events of the one shared socket. Hot while subscribed; no replay; never completes. */
  readonly events$: Observable<SocketEvent> = this.enabled.pipe(
    distinctUntilChanged(),
    switchMap((enabled) => (enabled ? this.connectSocket() : of(CLOSED))),
    share(),
  );

  /** Closes the socket (sign-out); its subscribers see a `closed` event. */
  disconnect(): void {
    this.enabled.next(false);
  }

  /** Opens the socket again after {@link disconnect}. */
  connect(): void {
    this.enabled.next(true);
  }

  /** The master answers REST requests again: reconnect at once instead of waiting out the backoff. */
  retryNow(): void {
    this.masterAnswering.next();
  }

  private connectSocket(): Observable<SocketEvent> {
    return telemetryConnection({
      openSocket: () => this.openSocket(this.socketUrl),
      silentSocketMs: this.config.silentSocketMs,
      policy: this.config.reconnect,
      random: this.random,
      retryNow$: merge(risingEdge(this.online$), risingEdge(this.visible$), this.masterAnswering),
    });
  }
}
