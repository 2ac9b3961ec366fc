import { Observable, Subject, asyncScheduler, defer, map, merge } from 'rxjs';
import { BackoffPolicy } from '../../shared/streams/backoff';
import { failWhenSilent } from '../../shared/streams/fail-when-silent';
import { RetryScheduled, completionAsError, reconnect } from '../../shared/streams/reconnect';
import { reportsActiveWorker } from './received-frame';
import { FrameEvent, SocketEvent } from './socket-status';

export interface TelemetryConnectionOptions {
  /** Opens `/ws/telemetry`: its text frames, erroring or completing when it closes. */
  readonly openSocket: () => Observable<string>;
  /** How long an open socket may stay silent while workers are active before it is taken for half-open. */
  readonly silentSocketMs: number;
  readonly policy: BackoffPolicy;
  /** The random source of backoff jitter. */
  readonly random: () => number;
  /** Reconnect at once instead of waiting out the backoff: online again, the tab shown, the master answering. */
  readonly retryNow$: Observable<unknown>;
}

/**
 * The master's telemetry for as long as it is subscribed: each frame with when it arrived (the
 * first of each connection marked as the snapshot the master sends on connect), and each retry
 * scheduled after the socket closed, failed or fell silent; reconnected forever with backoff.
 * Free of Angular, so it can run wherever the socket is kept. Cold; never completes.
 */
export function telemetryConnection(options: TelemetryConnectionOptions): Observable<SocketEvent> {
  return defer(() => {
    // Fed from the reconnect operator's callback: the retries it schedules, as events beside the frames.
    const retries = new Subject<RetryScheduled>();
    return merge(
      retries.pipe(map((retry): SocketEvent => ({ kind: 'retrying', ...retry }))),
      defer(options.openSocket).pipe(
        completionAsError<string>('the master closed the connection'),
        // `reconnect` subscribes anew for each connection, so the index counts frames per connection.
        map((raw, index): FrameEvent => ({ kind: 'frame', raw, at: asyncScheduler.now(), snapshot: index === 0 })),
        // Heartbeats come every few seconds while any worker is active; an open socket that stays
        // silent that long is half-open or stuck, so it is dropped and reconnected.
        failWhenSilent<FrameEvent>(
          options.silentSocketMs,
          (event) => !event.snapshot || reportsActiveWorker(event.raw),
          `nothing arrived for ${options.silentSocketMs / 1000} s although workers were active`,
        ),
        reconnect({
          policy: options.policy,
          random: options.random,
          retryNow$: options.retryNow$,
          onRetryScheduled: (retry) => retries.next(retry),
        }),
      ),
    );
  });
}
