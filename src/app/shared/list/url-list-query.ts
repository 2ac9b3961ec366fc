import { inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { Observable, Subject, debounceTime, distinctUntilChanged, map, shareReplay } from 'rxjs';
import { ListQuery, ListQuerySpec, nextListSort, readListQuery, toListQueryParams } from './list-query';

/** Typing updates the URL once it pauses this long. */
const SEARCH_DEBOUNCE_MS = 250;

/**
 * A list's query kept in the page's URL: read from it, written to it by sorting, filtering and
 * searching, so a link, a reload and Back/Forward all show the same list. Create it with
 * {@link injectUrlListQuery} in the page (or its store), where the route is the page's.
 */
export class UrlListQuery<K extends string, F extends string> {
  private readonly searches = new Subject<string>();

  /** The query in the URL. Replays; never completes. */
  readonly query$: Observable<ListQuery<K, F>>;

  constructor(
    private readonly spec: ListQuerySpec<K, F>,
    private readonly route: ActivatedRoute,
    private readonly router: Router,
  ) {
    this.query$ = route.queryParamMap.pipe(
      map((params) => readListQuery(spec, params)),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    // Replacing the history entry, so Back is not a letter-by-letter undo.
    this.searches
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((text) => this.navigate({ ...this.current(), text }, true));
  }

  sortBy(key: K): void {
    this.navigate(nextListSort(this.spec, this.current(), key));
  }

  filterBy(status: F): void {
    this.navigate({ ...this.current(), status });
  }

  search(text: string): void {
    this.searches.next(text);
  }

  /** URL parameters of a query, e.g. to tell two queries apart. */
  toParams(query: ListQuery<K, F>): Record<string, string | null> {
    return toListQueryParams(this.spec, query);
  }

  private current(): ListQuery<K, F> {
    return readListQuery(this.spec, this.route.snapshot.queryParamMap);
  }

  private navigate(query: ListQuery<K, F>, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: toListQueryParams(this.spec, query),
      queryParamsHandling: 'merge',
      replaceUrl,
    });
  }
}

/** The list query of the current page's URL. Call in an injection context (a page or its store). */
export function injectUrlListQuery<K extends string, F extends string>(spec: ListQuerySpec<K, F>): UrlListQuery<K, F> {
  return new UrlListQuery(spec, inject(ActivatedRoute), inject(Router));
}
