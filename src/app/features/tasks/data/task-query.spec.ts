import { convertToParamMap } from '@angular/router';
import { DEFAULT_TASK_QUERY, nextTaskSort, toTaskQuery, toTaskQueryParams } from './task-query';

describe('task query', () => {
  it('defaults to newest first and round-trips through the URL', () => {
    const query = { sort: 'image', direction: 'asc', status: 'other', text: 'py' } as const;

    expect(toTaskQuery(convertToParamMap({}))).toEqual(DEFAULT_TASK_QUERY);
    expect(toTaskQueryParams(DEFAULT_TASK_QUERY)).toEqual({ sort: null, dir: null, status: null, q: null });
    expect(toTaskQuery(convertToParamMap(toTaskQueryParams(query) as Record<string, string>))).toEqual(query);
  });

  it('ignores values it does not know', () => {
    expect(toTaskQuery(convertToParamMap({ sort: 'x', status: 'queued' }))).toEqual(DEFAULT_TASK_QUERY);
  });

  it('flips the current column and starts figures descending', () => {
    expect(nextTaskSort(DEFAULT_TASK_QUERY, 'created').direction).toBe('asc');
    expect(nextTaskSort(DEFAULT_TASK_QUERY, 'cpu').direction).toBe('desc');
    expect(nextTaskSort(DEFAULT_TASK_QUERY, 'image').direction).toBe('asc');
  });
});
