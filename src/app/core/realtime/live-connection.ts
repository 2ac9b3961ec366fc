import { Injectable, Injector, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  Observable,
  asyncScheduler,
  combineLatest,
  defer,
  first,
  map,
  retry,
  shareReplay,
  startWith,
  switchMap,
  timer,
} from 'rxjs';
import { injectReducerStore } from '../../shared/state/reducer-store';
import type { TelemetryStore } from './telemetry-store';
import { ConnectionState } from './connection-state';

/** How long to wait before fetching the live-data code again after a failed fetch (a redeploy, a dropped network). */
const ENGINE_FETCH_RETRY_MS = 2000;

/**
 * The live connection as the app shell and the session see it, without loading it: the telemetry
 * engine (socket, fallback polling, worker map, about a quarter of the app's code) is fetched as
 * its own file the first time someone allowed to see live data connects, so the first screen —
 * sign-in included — does not download it. Pages that show live data load it with themselves.
 */
@Injectable({ providedIn: 'root' })
export class LiveConnection {
  private readonly injector = inject(Injector);
  /** Whether live data is wanted now: the session's decision, applied whenever the engine is there. */
  private readonly wanted = injectReducerStore<boolean, boolean>({ initial: false, reduce: (_, wanted) => wanted });

  private readonly engine$: Observable<TelemetryStore> = this.wanted.state$.pipe(
    first(Boolean),
    switchMap(() =>
      defer(() => import('./telemetry-store')).pipe(retry({ delay: () => timer(ENGINE_FETCH_RETRY_MS) })),
    ),
    map((module) => this.injector.get(module.TelemetryStore)),
    shareReplay({ bufferSize: 1, refCount: false }),
  );

  /** The connection as the toolbar chip shows it; `connecting` until the engine is there. Replays; never completes. */
  readonly connection$: Observable<ConnectionState> = defer(() =>
    this.engine$.pipe(
      switchMap((engine) => engine.connection$),
      // Stamped when first read, not when this service was made.
      startWith<ConnectionState>({
        kind: 'connecting',
        lastMessageAt: null,
        checkedAt: asyncScheduler.now(),
        clockOffsetMs: 0,
      }),
    ),
  ).pipe(shareReplay({ bufferSize: 1, refCount: true }));

  /** Telemetry frames dropped as malformed; 0 until the engine is there. Replays; never completes. */
  readonly malformedCount$: Observable<number> = this.engine$.pipe(
    switchMap((engine) => engine.malformedCount$),
    startWith(0),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  constructor() {
    combineLatest([this.engine$, this.wanted.state$])
      .pipe(takeUntilDestroyed())
      .subscribe(([engine, wanted]) => (wanted ? engine.connect() : engine.disconnect()));
  }

  /** Opens the live connection, fetching its code the first time. */
  connect(): void {
    this.wanted.dispatch(true);
  }

  /** Closes the socket and stops its fallback polling (sign-out, a session nobody may use). */
  disconnect(): void {
    this.wanted.dispatch(false);
  }
}
