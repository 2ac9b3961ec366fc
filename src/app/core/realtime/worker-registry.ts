import { Injectable, inject } from '@angular/core';
import {
  Observable,
  Subject,
  distinctUntilChanged,
  filter,
  map,
  of,
  scan,
  shareReplay,
  switchMap,
  throttleTime,
} from 'rxjs';
import { WorkerListEntry } from '../../shared/cloudai/worker.model';
import { WorkersClient } from '../../shared/cloudai/workers-client';
import { smartPoll } from '../../shared/streams/smart-poll';
import { PollState } from '../../shared/streams/load-state';
import { REALTIME_CONFIG } from '../config/realtime-config';
import { PAGE_VISIBLE } from './browser-signals';
import { NO_PACED_POLL, PacedPoll, addPaceState, onAnsweringAgain } from './paced-poll';
import { isSocketDown } from './socket-status';
import { TelemetryFeed } from './telemetry-feed';

type WorkerList = readonly WorkerListEntry[];

/**
 * The one poller of `GET /api/workers` in the app: the registry's capacities and registrations
 * every `registryPollMs`, and every `fallbackPollMs` while the telemetry socket is down, when
 * the list stands in for it. Whoever reads it, one request at a time.
 */
@Injectable({ providedIn: 'root' })
export class WorkerRegistry {
  private readonly feed = inject(TelemetryFeed);
  private readonly workersClient = inject(WorkersClient);
  private readonly config = inject(REALTIME_CONFIG);
  private readonly visible$ = inject(PAGE_VISIBLE);

  /**
   * Asks for the list now. A Subject, as this closes a genuine loop: telemetry reveals the new
   * workers to fetch, and while the socket is down telemetry is fed by this very poll.
   */
  private readonly refreshes = new Subject<void>();

  private readonly socketDown$ = this.feed.status$.pipe(map(isSocketDown), distinctUntilChanged());

  /** Shared while subscribed; replays the latest; never completes. */
  private readonly polls$: Observable<PacedPoll<WorkerList>> = this.socketDown$.pipe(
    // A change of pace replaces the poller, cancelling its request in flight: requests never overlap.
    // One poller per pace, not one with a changing interval, as smartPoll's backoff cap is fixed:
    // the registry backs off up to a minute after failures, the fallback never slows down.
    switchMap((socketDown) => this.pollAtPace(socketDown).pipe(map((state) => ({ socketDown, state })))),
    scan(addPaceState<WorkerList>, NO_PACED_POLL),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /**
   * Every answer of the list at any pace: capacities and registrations, which telemetry does not
   * carry. Subscribing also subscribes the telemetry socket, which sets the pace. Shared while
   * subscribed; replays the latest; never completes.
   */
  readonly registry$: Observable<PollState<WorkerList>> = this.polls$.pipe(
    map((poll) => poll.overall),
    distinctUntilChanged(),
  );

  /**
   * The answers since the socket went down, `null` while it is up; polls only while it is down.
   * The first success after failures reconnects the socket at once instead of waiting out its
   * backoff. Shared while subscribed; replays the latest; never completes.
   */
  readonly fallback$: Observable<PollState<WorkerList> | null> = this.socketDown$.pipe(
    switchMap((socketDown) =>
      socketDown
        ? this.polls$.pipe(
            // The replayed state may predate this outage; only the fallback poller's answers count.
            map((poll) => (poll.socketDown ? poll.sincePaceChange : null)),
            filter((state): state is PollState<WorkerList> => state !== null),
          )
        : of(null),
    ),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** Fetches the list now rather than at the next poll (a registration, a worker new to telemetry). */
  refresh(): void {
    this.refreshes.next();
  }

  private pollAtPace(socketDown: boolean): Observable<PollState<WorkerList>> {
    const states$ = smartPoll({
      request: () => this.workersClient.listWorkers(),
      intervalMs$: of(socketDown ? this.config.fallbackPollMs : this.config.registryPollMs),
      visible$: this.visible$,
      // At most one refresh a second: a master restart reports hundreds of workers "new" at once.
      refresh$: this.refreshes.pipe(throttleTime(1000, undefined, { leading: true, trailing: true })),
      // While the socket is down, failures do not slow the poll: its first answer reconnects the socket.
      maxBackoffMs: socketDown ? this.config.fallbackPollMs : undefined,
    });
    return socketDown ? states$.pipe(onAnsweringAgain(() => this.feed.retryNow())) : states$;
  }
}
