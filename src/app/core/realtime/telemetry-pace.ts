import { InjectionToken, inject } from '@angular/core';
import { ActivatedRouteSnapshot, NavigationEnd, Router } from '@angular/router';
import { Observable, distinctUntilChanged, filter, map, startWith } from 'rxjs';

/**
 * The route data key saying how often a page needs telemetry digests, in ms. A page whose live
 * figures are sampled once a second (the task pages) or that shows only sums (the dashboard) asks
 * for fewer digests than the data worker makes at display rate for the worker list; the tab then
 * handles a few a second instead of twenty-five. Pages without it get every digest.
 */
export const TELEMETRY_EVERY_MS = 'telemetryEveryMs';

/** The current page's telemetry pace in ms, `undefined` for every digest. Replays on subscribe; never completes. */
export const TELEMETRY_PACE = new InjectionToken<Observable<number | undefined>>('TELEMETRY_PACE', {
  providedIn: 'root',
  factory: () => {
    const router = inject(Router);
    return router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      startWith(null),
      map(() => telemetryPaceOf(router.routerState.snapshot.root)),
      distinctUntilChanged(),
    );
  },
});

/** The pace the deepest route that says one asks for. */
export function telemetryPaceOf(root: ActivatedRouteSnapshot): number | undefined {
  let pace: number | undefined;
  for (let route: ActivatedRouteSnapshot | null = root; route; route = route.firstChild) {
    const asked: unknown = route.data[TELEMETRY_EVERY_MS];
    if (typeof asked === 'number') pace = asked;
  }
  return pace;
}
