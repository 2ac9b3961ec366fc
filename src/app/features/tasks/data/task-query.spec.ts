import { convertToParamMap } from '@angular/router';
import { nextListSort, readListQuery } from '../../../shared/list/list-query';
import { DEFAULT_TASK_QUERY, TASK_QUERY_SPEC } from './task-query';

describe('task query', () => {
  it('defaults to newest first', () => {
    expect(readListQuery(TASK_QUERY_SPEC, convertToParamMap({}))).toEqual({
      sort: 'created',
      direction: 'desc',
      status: 'all',
      text: '',
    });
  });

  it('filters by any stored status, or other', () => {
    expect(readListQuery(TASK_QUERY_SPEC, convertToParamMap({ status: 'other' })).status).toBe('other');
    expect(readListQuery(TASK_QUERY_SPEC, convertToParamMap({ status: 'queued' })).status).toBe('all');
  });

  it('starts dates and figures descending, words ascending', () => {
    expect(nextListSort(TASK_QUERY_SPEC, DEFAULT_TASK_QUERY, 'cpu').direction).toBe('desc');
    expect(nextListSort(TASK_QUERY_SPEC, DEFAULT_TASK_QUERY, 'image').direction).toBe('asc');
  });
});
