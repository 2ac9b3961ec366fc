import { Observable, distinctUntilChanged, filter, map, pairwise } from 'rxjs';

/**
 * Emits when the flag turns from false to true (the browser came online, the tab became visible);
 * the first value is only a starting point. Cold; completes with the flag.
 */
export function risingEdge(flag$: Observable<boolean>): Observable<true> {
  return flag$.pipe(
    distinctUntilChanged(),
    pairwise(),
    filter(([before, now]) => !before && now),
    map(() => true as const),
  );
}
