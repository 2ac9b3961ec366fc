import { Injectable, inject } from '@angular/core';
import {
  BehaviorSubject,
  Observable,
  Subject,
  auditTime,
  buffer,
  bufferCount,
  connect,
  asyncScheduler,
  combineLatest,
  defer,
  distinctUntilChanged,
  filter,
  map,
  merge,
  of,
  pairwise,
  scan,
  share,
  shareReplay,
  skip,
  startWith,
  switchMap,
  tap,
  withLatestFrom,
} from 'rxjs';
import { parseTelemetryFrame } from '../../shared/cloudai/parse-telemetry-frame';
import { ParsedTelemetryFrame } from '../../shared/cloudai/telemetry.model';
import { WorkerListEntry } from '../../shared/cloudai/worker.model';
import { WorkersClient } from '../../shared/cloudai/workers-client';
import { failWhenSilent } from '../../shared/streams/fail-when-silent';
import { RetryScheduled, completionAsError, reconnect } from '../../shared/streams/reconnect';
import { PollState, smartPoll } from '../../shared/streams/smart-poll';
import { REALTIME_CONFIG } from '../config/realtime-config';
import { BROWSER_ONLINE, CLOCK, PAGE_VISIBLE, RANDOM, RENDER_SCHEDULER } from './browser-signals';
import { NO_CLOCK_SAMPLES, addClockSamples, clockOffsetMs } from './clock-offset';
import { ConnectionState, SocketStatus, toConnectionState } from './connection-state';
import { TELEMETRY_SOCKET_URL, WEB_SOCKET_FACTORY } from './socket-factory';
import { TelemetryUpdate, TrackedWorker, toTelemetryUpdate, trackTelemetry } from './tracked-worker';

type SocketEvent =
  /** `snapshot`: the first frame of a connection, the map of every worker the master sends on connect. */
  | { readonly kind: 'frame'; readonly raw: string; readonly at: number; readonly snapshot: boolean }
  | ({ readonly kind: 'retrying' } & RetryScheduled)
  /** The connection was closed on purpose (sign-out): forget what it delivered. */
  | { readonly kind: 'closed' };

type FrameEvent = Extract<SocketEvent, { kind: 'frame' }>;

const CLOSED: SocketEvent = { kind: 'closed' };

/** The most socket frames held for one map update; a second's worth at 1,000 workers. */
const MAX_BATCH = 200;
/** Without animation frames (a hidden tab), updates are applied at least this often. */
const HIDDEN_BATCH_MS = 1000;

const CONNECTING: SocketStatus = { phase: 'connecting', lastFrameAt: null };
const NO_WORKERS: ReadonlyMap<string, TrackedWorker> = new Map();

/** A parsed frame with when it arrived (browser epoch ms) and whether it was a connection's snapshot. */
interface ReceivedFrame extends ParsedTelemetryFrame {
  readonly at: number;
  readonly snapshot: boolean;
}

/**
 * Live worker telemetry from the master's `/ws/telemetry`: one socket per tab, reconnected
 * forever with backoff, backed by REST polling while it is down, and the connection state that
 * tells the operator how far to trust what is on screen.
 */
@Injectable({ providedIn: 'root' })
export class TelemetryStore {
  private readonly openSocket = inject(WEB_SOCKET_FACTORY);
  private readonly socketUrl = inject(TELEMETRY_SOCKET_URL);
  private readonly config = inject(REALTIME_CONFIG);
  private readonly online$ = inject(BROWSER_ONLINE);
  private readonly visible$ = inject(PAGE_VISIBLE);
  private readonly clock$ = inject(CLOCK);
  private readonly random = inject(RANDOM);
  private readonly renderScheduler = inject(RENDER_SCHEDULER);
  private readonly workersClient = inject(WorkersClient);

  /** Retries the reconnect operator has scheduled; fed from its delay callback. */
  private readonly retries = new Subject<RetryScheduled>();
  /** The fallback poll reached the master after failing: it is back, so reconnect now. */
  private readonly masterAnswering = new Subject<void>();

  /** Whether the live connection may be open; sign-out closes it, sign-in opens it again. */
  private readonly enabled = new BehaviorSubject(true);

  /** Frames and reconnection events of the one shared socket. Hot while subscribed; no replay. */
  private readonly socketEvents$: Observable<SocketEvent> = this.enabled.pipe(
    distinctUntilChanged(),
    switchMap((enabled) => (enabled ? this.connectSocket() : of(CLOSED))),
    share(),
  );

  private readonly socketStatus$: Observable<SocketStatus> = this.socketEvents$.pipe(
    scan((status: SocketStatus, event: SocketEvent): SocketStatus => {
      switch (event.kind) {
        case 'frame':
          return { phase: 'open', lastFrameAt: event.at };
        case 'closed':
          return CONNECTING;
        case 'retrying':
          return {
            phase: 'retrying',
            lastFrameAt: status.lastFrameAt,
            attempt: event.attempt,
            retryAt: event.retryAt,
            reason: event.reason,
          };
      }
    }, CONNECTING),
    startWith(CONNECTING),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  private readonly parsedFrames$: Observable<ReceivedFrame> = this.socketEvents$.pipe(
    filter((event) => event.kind === 'frame'),
    map((event) => ({ ...parseTelemetryFrame(event.raw), at: event.at, snapshot: event.snapshot })),
    share(),
  );

  /**
   * `GET /api/workers` polled while the socket is down (`null` while it is up); its first
   * success after failures reconnects the socket at once instead of waiting out the backoff.
   */
  private readonly fallbackPoll$: Observable<PollState<readonly WorkerListEntry[]> | null> = this.socketStatus$.pipe(
    map((status) => status.phase === 'retrying'),
    distinctUntilChanged(),
    switchMap((socketDown) => (socketDown ? this.pollWhileDown() : of(null))),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /**
   * Every worker the master has reported, with its latest telemetry and usage history, keyed by
   * worker id; empty until the first report. Hot while subscribed (one socket); replays the
   * latest map; never completes.
   */
  readonly workers$: Observable<ReadonlyMap<string, TrackedWorker>> = merge(
    this.parsedFrames$.pipe(map((frame): readonly TelemetryUpdate[] | null => frame.entries)),
    this.socketEvents$.pipe(
      filter((event) => event.kind === 'closed'),
      map(() => null),
    ),
    this.fallbackPoll$.pipe(
      map((poll) => poll?.data),
      filter((entries): entries is readonly WorkerListEntry[] => entries !== undefined),
      distinctUntilChanged(),
      map((entries) => entries.map(toTelemetryUpdate).filter((update): update is TelemetryUpdate => update !== null)),
    ),
  ).pipe(
    // 200 frames a second from a large cluster become one map update per animation frame. A
    // hidden tab gets no frames, so a batch is also closed within a second, or as soon as it
    // holds MAX_BATCH updates: otherwise an hour in the background would pile up every frame.
    connect((updates$) =>
      updates$.pipe(
        buffer(
          merge(
            updates$.pipe(auditTime(0, this.renderScheduler)),
            updates$.pipe(auditTime(HIDDEN_BATCH_MS)),
            updates$.pipe(bufferCount(MAX_BATCH)),
          ),
        ),
      ),
    ),
    scan((workers, batch) => this.applyBatch(workers, batch), NO_WORKERS),
    startWith(NO_WORKERS),
    distinctUntilChanged(),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /**
   * The master's clock minus this browser's, in ms (0 when negligible or not known yet),
   * estimated from heartbeat frames; the snapshot sent on connect is left out, since its entries
   * can be minutes old. The toolbar chip shows it (see `connection$`), which keeps the estimate
   * for as long as the app runs: a page opened later does not start from zero. Shared while
   * subscribed; replays; never completes.
   */
  readonly clockOffsetMs$: Observable<number> = this.parsedFrames$.pipe(
    filter((frame) => !frame.snapshot),
    scan(
      (estimate, frame) =>
        addClockSamples(
          estimate,
          frame.entries.map((entry) => entry.last_update * 1000 - frame.at),
          frame.at,
        ),
      NO_CLOCK_SAMPLES,
    ),
    map(clockOffsetMs),
    startWith(0),
    distinctUntilChanged(),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** How many frames or entries were dropped as malformed since the socket was first opened. Replays; never completes. */
  readonly malformedCount$: Observable<number> = this.parsedFrames$.pipe(
    scan((count, frame) => count + frame.rejected, 0),
    startWith(0),
    distinctUntilChanged(),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** The connection as the toolbar chip shows it, re-evaluated every second. Replays; never completes. */
  readonly connection$: Observable<ConnectionState> = combineLatest({
    // Re-evaluated when the socket changes phase, not on every frame: a large cluster sends 200
    // frames a second, and the freshest frame time is read on each clock tick instead.
    phase: this.socketStatus$.pipe(distinctUntilChanged(samePhase)),
    online: this.online$,
    now: this.clock$,
    fallback: this.fallbackPoll$,
    workerCount: this.workers$.pipe(
      map((workers) => workers.size),
      distinctUntilChanged(),
    ),
    clockOffsetMs: this.clockOffsetMs$,
  }).pipe(
    withLatestFrom(this.socketStatus$),
    map(([inputs, socket]) => toConnectionState({ ...inputs, socket, staleAfterMs: 2 * this.config.heartbeatMs })),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** Closes the socket and stops its fallback polling, and forgets every worker (sign-out). */
  disconnect(): void {
    this.enabled.next(false);
  }

  /** Opens the live connection again after {@link disconnect}. */
  connect(): void {
    this.enabled.next(true);
  }

  private connectSocket(): Observable<SocketEvent> {
    return merge(
      this.retries.pipe(map((retry): SocketEvent => ({ kind: 'retrying', ...retry }))),
      defer(() => this.openSocket(this.socketUrl)).pipe(
        completionAsError<string>('the master closed the connection'),
        // `reconnect` subscribes anew for each connection, so the index counts frames per connection.
        map((raw, index): FrameEvent => ({ kind: 'frame', raw, at: asyncScheduler.now(), snapshot: index === 0 })),
        // Heartbeats come every few seconds while any worker is active; an open socket that stays
        // silent that long is half-open or stuck, so it is dropped and reconnected.
        failWhenSilent<FrameEvent>(
          this.config.silentSocketMs,
          (event) => !event.snapshot || reportsActiveWorker(event.raw),
          `nothing arrived for ${this.config.silentSocketMs / 1000} s although workers were active`,
        ),
        reconnect({
          policy: this.config.reconnect,
          random: this.random,
          retryNow$: merge(risingEdge(this.online$), risingEdge(this.visible$), this.masterAnswering),
          onRetryScheduled: (retry) => this.retries.next(retry),
        }),
      ),
    );
  }

  /** Updates gathered during one frame; `null` marks a closed connection, after which only later updates count. */
  private applyBatch(
    workers: ReadonlyMap<string, TrackedWorker>,
    batch: readonly (readonly TelemetryUpdate[] | null)[],
  ): ReadonlyMap<string, TrackedWorker> {
    const closedAt = batch.lastIndexOf(null);
    const base = closedAt >= 0 ? NO_WORKERS : workers;
    const updates = batch.slice(closedAt + 1).flatMap((entries) => entries ?? []);
    return updates.length > 0 ? trackTelemetry(base, updates, this.config.historyWindowMs) : base;
  }

  private pollWhileDown(): Observable<PollState<readonly WorkerListEntry[]>> {
    return defer(() => {
      let answering = false;
      return smartPoll({
        request: () => this.workersClient.listWorkers(),
        intervalMs$: of(this.config.fallbackPollMs),
        visible$: this.visible$,
        maxBackoffMs: this.config.fallbackPollMs,
      }).pipe(
        skip(1),
        tap((poll) => {
          const answeringNow = poll.lastError === null;
          if (answeringNow && !answering) {
            this.masterAnswering.next();
          }
          answering = answeringNow;
        }),
      );
    });
  }
}

function samePhase(a: SocketStatus, b: SocketStatus): boolean {
  if (a.phase !== b.phase) {
    return false;
  }
  return a.phase !== 'retrying' || (b.phase === 'retrying' && a.attempt === b.attempt && a.retryAt === b.retryAt);
}

/** Whether a snapshot lists a worker the master considers active, whose heartbeats should follow. */
function reportsActiveWorker(raw: string): boolean {
  return parseTelemetryFrame(raw).entries.some((entry) => entry.is_active);
}

/** Emits when the flag turns from false to true (the browser came online, the tab became visible). */
function risingEdge(flag$: Observable<boolean>): Observable<true> {
  return flag$.pipe(
    distinctUntilChanged(),
    pairwise(),
    filter(([before, now]) => !before && now),
    map(() => true as const),
  );
}
