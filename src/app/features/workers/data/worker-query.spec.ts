import { convertToParamMap } from '@angular/router';
import { DEFAULT_WORKER_QUERY, nextSort, toQueryParams, toWorkerQuery } from './worker-query';

describe('worker query', () => {
  it('reads sort, direction, status and text from the URL', () => {
    const query = toWorkerQuery(convertToParamMap({ sort: 'cpu', dir: 'desc', status: 'stale', q: 'kiwi' }));

    expect(query).toEqual({ sort: 'cpu', direction: 'desc', status: 'stale', text: 'kiwi' });
  });

  it('falls back to the defaults for unknown values', () => {
    expect(toWorkerQuery(convertToParamMap({ sort: 'hack', dir: 'sideways', status: 'gone' }))).toEqual(
      DEFAULT_WORKER_QUERY,
    );
  });

  it('round-trips through URL parameters, leaving defaults out', () => {
    const query = { sort: 'memory', direction: 'desc', status: 'active', text: 'x' } as const;

    expect(toQueryParams(DEFAULT_WORKER_QUERY)).toEqual({ sort: null, dir: null, status: null, q: null });
    expect(toWorkerQuery(convertToParamMap(toQueryParams(query) as Record<string, string>))).toEqual(query);
  });

  it('flips the direction on the same column, starts figures descending', () => {
    expect(nextSort(DEFAULT_WORKER_QUERY, 'id').direction).toBe('desc');
    expect(nextSort(DEFAULT_WORKER_QUERY, 'cpu')).toEqual({ ...DEFAULT_WORKER_QUERY, sort: 'cpu', direction: 'desc' });
    expect(nextSort(DEFAULT_WORKER_QUERY, 'address')).toEqual({
      ...DEFAULT_WORKER_QUERY,
      sort: 'address',
      direction: 'asc',
    });
  });
});
