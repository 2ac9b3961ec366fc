import { Injectable, InjectionToken, Injector, Type, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  Observable,
  asyncScheduler,
  combineLatest,
  defer,
  filter,
  first,
  map,
  merge,
  retry,
  shareReplay,
  startWith,
  switchMap,
  timer,
} from 'rxjs';
import { injectReducerStore } from '../../shared/state/reducer-store';
import type { TelemetryStore } from './telemetry-store';
import { ConnectionState } from './connection-state';

/** Where the live-data code comes from, and how it is fetched again after a failure. */
export interface LiveEngineSource {
  readonly load: () => Promise<Type<TelemetryStore>>;
  /** How long to wait before fetching again after a failed fetch (a redeploy, a dropped network). */
  readonly retryMs: number;
  /**
   * After this many failed fetches in a row the server is taken to serve another version: the
   * chip asks for a reload (fetching goes on, in case the server was only restarting).
   */
  readonly failuresBeforeReload: number;
}

export const LIVE_ENGINE_SOURCE = new InjectionToken<LiveEngineSource>('LIVE_ENGINE_SOURCE', {
  providedIn: 'root',
  factory: () => ({
    load: () => import('./telemetry-store').then((module) => module.TelemetryStore),
    retryMs: 2000,
    failuresBeforeReload: 3,
  }),
});

/**
 * The live connection as the app shell and the session see it, without loading it: the telemetry
 * engine (socket, fallback polling, worker map, about a quarter of the app's code) is fetched as
 * its own file the first time someone allowed to see live data connects, so the first screen —
 * sign-in included — does not download it. Pages that show live data load it with themselves.
 */
@Injectable({ providedIn: 'root' })
export class LiveConnection {
  private readonly injector = inject(Injector);
  private readonly source = inject(LIVE_ENGINE_SOURCE);
  /** Failed fetches of the engine in a row. */
  private readonly fetchFailures = injectReducerStore<number, number>({ initial: 0, reduce: (_, count) => count });
  /** Whether live data is wanted now: the session's decision, applied whenever the engine is there. */
  private readonly wanted = injectReducerStore<boolean, boolean>({ initial: false, reduce: (_, wanted) => wanted });

  private readonly engine$: Observable<TelemetryStore> = this.wanted.state$.pipe(
    first(Boolean),
    switchMap(() =>
      defer(() => this.source.load()).pipe(
        retry({
          delay: (_error, count) => {
            this.fetchFailures.dispatch(count);
            return timer(this.source.retryMs);
          },
        }),
      ),
    ),
    map((engine) => this.injector.get(engine)),
    shareReplay({ bufferSize: 1, refCount: false }),
  );

  /**
   * The connection as the toolbar chip shows it; `connecting` until the engine is there, `outdated`
   * while it cannot be fetched. Replays; never completes.
   */
  readonly connection$: Observable<ConnectionState> = defer(() =>
    merge(
      this.engine$.pipe(switchMap((engine) => engine.connection$)),
      this.fetchFailures.state$.pipe(
        filter((failures) => failures >= this.source.failuresBeforeReload),
        first(),
        map((): ConnectionState => ({
          kind: 'outdated',
          lastMessageAt: null,
          checkedAt: asyncScheduler.now(),
          clockOffsetMs: 0,
        })),
      ),
    ).pipe(
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
