export type SortDirection = 'asc' | 'desc';

/** How a list is sorted and filtered; lives in the URL so it can be shared and Back/Forward works. */
export interface ListQuery<K extends string, F extends string> {
  readonly sort: K;
  readonly direction: SortDirection;
  readonly status: F;
  readonly text: string;
}

/** What one list allows: its sort keys and status filters, its default order, which keys sort descending first. */
export interface ListQuerySpec<K extends string, F extends string> {
  readonly sortKeys: readonly K[];
  readonly filters: readonly F[];
  readonly defaults: ListQuery<K, F>;
  /** Dates and figures: a new sort on one of these starts with the largest. */
  readonly descendingFirst: readonly K[];
}

/** Longest search text kept from a URL. */
const MAX_TEXT = 200;

/** The direction a column starts in, and the one a URL without `dir` means. */
export function naturalDirection<K extends string, F extends string>(spec: ListQuerySpec<K, F>, key: K): SortDirection {
  if (key === spec.defaults.sort) return spec.defaults.direction;
  return spec.descendingFirst.includes(key) ? 'desc' : 'asc';
}

/** Reads the query from URL parameters; anything unknown falls back to the default. */
export function readListQuery<K extends string, F extends string>(
  spec: ListQuerySpec<K, F>,
  params: { get(name: string): string | null },
): ListQuery<K, F> {
  const sort = spec.sortKeys.find((key) => key === params.get('sort')) ?? spec.defaults.sort;
  const dir = params.get('dir');
  const direction = dir === 'asc' || dir === 'desc' ? dir : naturalDirection(spec, sort);
  const status = spec.filters.find((filter) => filter === params.get('status')) ?? spec.defaults.status;
  return { sort, direction, status, text: (params.get('q') ?? '').slice(0, MAX_TEXT) };
}

/** URL parameters for a query; what the defaults say is left out (`null` removes it) to keep links short. */
export function toListQueryParams<K extends string, F extends string>(
  spec: ListQuerySpec<K, F>,
  query: ListQuery<K, F>,
): Record<string, string | null> {
  return {
    sort: query.sort === spec.defaults.sort ? null : query.sort,
    dir: query.direction === naturalDirection(spec, query.sort) ? null : query.direction,
    status: query.status === spec.defaults.status ? null : query.status,
    q: query.text.trim() === '' ? null : query.text,
  };
}

/** Clicking the current sort column flips its direction; a new column starts in its natural direction. */
export function nextListSort<K extends string, F extends string>(
  spec: ListQuerySpec<K, F>,
  query: ListQuery<K, F>,
  key: K,
): ListQuery<K, F> {
  if (query.sort === key) {
    return { ...query, direction: query.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { ...query, sort: key, direction: naturalDirection(spec, key) };
}
