import { exportFileName } from './export-file';

describe('exportFileName', () => {
  const at = new Date(Date.UTC(2026, 11, 2, 4, 35, 7, 250));
  const cases: { cluster: string; filter: string; expected: string; why: string }[] = [
    {
      cluster: 'prod-eu',
      filter: 'failed',
      expected: 'cloudai-prod-eu-tasks-failed-2026-12-02T04-35-07Z.csv',
      why: 'cluster, list, filter, UTC time',
    },
    { cluster: '', filter: 'all', expected: 'cloudai-tasks-all-2026-12-02T04-35-07Z.csv', why: 'no cluster name' },
    {
      cluster: 'Prod / EU 1',
      filter: 'all-search-python:3.12',
      expected: 'cloudai-prod-eu-1-tasks-all-search-python-3.12-2026-12-02T04-35-07Z.csv',
      why: 'characters a file system may refuse become dashes',
    },
  ];
  for (const { cluster, filter, expected, why } of cases) {
    it(why, () => expect(exportFileName(cluster, 'tasks', filter, at, 'csv')).toBe(expected));
  }

  it('ends with the format', () => {
    expect(exportFileName('', 'workers', 'all', at, 'json')).toMatch(/\.json$/);
  });
});
