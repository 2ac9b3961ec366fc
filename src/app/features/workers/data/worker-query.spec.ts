import { convertToParamMap } from '@angular/router';
import { nextListSort, readListQuery } from '../../../shared/list/list-query';
import { DEFAULT_WORKER_QUERY, WORKER_QUERY_SPEC } from './worker-query';

describe('worker query', () => {
  it('defaults to workers by id, and reads late workers as the stale filter', () => {
    expect(readListQuery(WORKER_QUERY_SPEC, convertToParamMap({}))).toEqual(DEFAULT_WORKER_QUERY);
    expect(readListQuery(WORKER_QUERY_SPEC, convertToParamMap({ status: 'stale' })).status).toBe('stale');
  });

  it('starts figures descending, names and status ascending', () => {
    expect(nextListSort(WORKER_QUERY_SPEC, DEFAULT_WORKER_QUERY, 'cpu').direction).toBe('desc');
    expect(nextListSort(WORKER_QUERY_SPEC, DEFAULT_WORKER_QUERY, 'heartbeat').direction).toBe('desc');
    expect(nextListSort(WORKER_QUERY_SPEC, DEFAULT_WORKER_QUERY, 'address').direction).toBe('asc');
  });
});
