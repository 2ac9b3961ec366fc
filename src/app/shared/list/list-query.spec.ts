import { convertToParamMap } from '@angular/router';
import { ListQuerySpec, nextListSort, readListQuery, toListQueryParams } from './list-query';

describe('list queries', () => {
  const spec: ListQuerySpec<'created' | 'id' | 'cpu', 'all' | 'running'> = {
    sortKeys: ['created', 'id', 'cpu'],
    filters: ['all', 'running'],
    defaults: { sort: 'created', direction: 'desc', status: 'all', text: '' },
    descendingFirst: ['created', 'cpu'],
  };
  const read = (params: Record<string, string>) => readListQuery(spec, convertToParamMap(params));

  it('reads the default from an empty URL, and falls back on anything unknown', () => {
    expect(read({})).toEqual(spec.defaults);
    expect(read({ sort: 'nope', dir: 'sideways', status: 'gone' })).toEqual(spec.defaults);
  });

  it('keeps links short: what the defaults say is left out', () => {
    expect(toListQueryParams(spec, spec.defaults)).toEqual({ sort: null, dir: null, status: null, q: null });
    expect(toListQueryParams(spec, { sort: 'id', direction: 'asc', status: 'running', text: 'gpu' })).toEqual({
      sort: 'id',
      dir: null,
      status: 'running',
      q: 'gpu',
    });
  });

  it('reads back every query it writes', () => {
    for (const sort of spec.sortKeys) {
      for (const direction of ['asc', 'desc'] as const) {
        const query = { sort, direction, status: 'running' as const, text: 'x' };
        const params = Object.fromEntries(
          Object.entries(toListQueryParams(spec, query)).filter(
            (entry): entry is [string, string] => entry[1] !== null,
          ),
        );
        expect(read(params)).toEqual(query);
      }
    }
  });

  it('flips the current column and starts a new one in its natural direction', () => {
    const byCreated = spec.defaults;
    expect(nextListSort(spec, byCreated, 'created').direction).toBe('asc');
    expect(nextListSort(spec, byCreated, 'id')).toEqual({ ...byCreated, sort: 'id', direction: 'asc' });
    expect(nextListSort(spec, byCreated, 'cpu')).toEqual({ ...byCreated, sort: 'cpu', direction: 'desc' });
  });

  it('keeps at most 200 characters of search text', () => {
    expect(read({ q: 'x'.repeat(500) }).text.length).toBe(200);
  });
});
