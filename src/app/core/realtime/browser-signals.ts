import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';
import {
  SchedulerLike,
  animationFrameScheduler,
  Observable,
  asyncScheduler,
  distinctUntilChanged,
  fromEvent,
  map,
  merge,
  of,
  shareReplay,
  startWith,
  timer,
} from 'rxjs';

/** Whether the tab is visible. Hot while subscribed; replays the current value; never completes. */
export const PAGE_VISIBLE = new InjectionToken<Observable<boolean>>('PAGE_VISIBLE', {
  providedIn: 'root',
  factory: () => {
    const document = inject(DOCUMENT);
    const isVisible = () => document.visibilityState !== 'hidden';
    return fromEvent(document, 'visibilitychange').pipe(
      map(isVisible),
      startWith(isVisible()),
      distinctUntilChanged(),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
  },
});

/** Whether the browser believes it is online. Hot while subscribed; replays the current value; never completes. */
export const BROWSER_ONLINE = new InjectionToken<Observable<boolean>>('BROWSER_ONLINE', {
  providedIn: 'root',
  factory: () => {
    const window = inject(DOCUMENT).defaultView;
    if (!window) {
      return of(true);
    }
    return merge(
      fromEvent(window, 'online').pipe(map(() => true)),
      fromEvent(window, 'offline').pipe(map(() => false)),
    ).pipe(startWith(window.navigator.onLine), distinctUntilChanged(), shareReplay({ bufferSize: 1, refCount: true }));
  },
});

/** The time (epoch ms) once a second, for freshness that must age without new data. Shared; never completes. */
export const CLOCK = new InjectionToken<Observable<number>>('CLOCK', {
  providedIn: 'root',
  factory: () =>
    timer(0, 1000).pipe(
      map(() => asyncScheduler.now()),
      shareReplay({ bufferSize: 1, refCount: true }),
    ),
});

/** The random source of backoff jitter; tests make it deterministic. */
export const RANDOM = new InjectionToken<() => number>('RANDOM', { providedIn: 'root', factory: () => Math.random });

/** Where bursts of updates are coalesced before rendering: the next animation frame (tests use a virtual scheduler). */
export const RENDER_SCHEDULER = new InjectionToken<SchedulerLike>('RENDER_SCHEDULER', {
  providedIn: 'root',
  factory: () => animationFrameScheduler,
});
