import { aLiveWorker } from '../../../testing/builders';
import { DEFAULT_WORKER_QUERY } from './worker-query';
import { toWorkersPageVm } from './workers-page-vm';

describe('toWorkersPageVm', () => {
  const preferences = { mode: 'table', metric: 'cpu' } as const;
  const inputs = { query: DEFAULT_WORKER_QUERY, preferences, now: 5 };

  it('passes loading and error through', () => {
    expect(toWorkersPageVm({ ...inputs, workers: { kind: 'loading' } })).toEqual({ kind: 'loading' });
    expect(toWorkersPageVm({ ...inputs, workers: { kind: 'error', message: 'down' } })).toEqual({
      kind: 'error',
      message: 'down',
    });
  });

  it('is empty when the master knows no workers (its `workers: null`)', () => {
    expect(toWorkersPageVm({ ...inputs, workers: { kind: 'ready', data: [], updatedAt: 0 } })).toEqual({
      kind: 'empty',
    });
  });

  it('selects by the query and counts all workers by status', () => {
    const workers = [aLiveWorker({ id: 'b', status: 'inactive' }), aLiveWorker({ id: 'a' })];
    const vm = toWorkersPageVm({
      ...inputs,
      query: { ...DEFAULT_WORKER_QUERY, status: 'active' },
      workers: { kind: 'ready', data: workers, updatedAt: 0, refreshError: 'slow' },
    });

    expect(vm.kind === 'ready' && vm.workers.map((w) => w.id)).toEqual(['a']);
    expect(vm.kind === 'ready' && vm.counts).toEqual({ all: 2, active: 1, stale: 0, inactive: 1 });
    expect(vm.kind === 'ready' && vm.refreshError).toBe('slow');
  });
});
