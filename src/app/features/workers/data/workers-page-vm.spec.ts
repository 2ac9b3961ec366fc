import { aLiveWorker } from '../../../testing/builders';
import { DEFAULT_WORKER_QUERY } from './worker-query';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { WorkersPageVm, sameOnScreen, toWorkersPageVm } from './workers-page-vm';

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

describe('sameOnScreen', () => {
  const preferences = { mode: 'table', metric: 'cpu' } as const;
  const inputs = { query: DEFAULT_WORKER_QUERY, preferences, now: 5 };
  const workers = Array.from({ length: 10 }, (_, index) => aLiveWorker({ id: `w${index}`, cpuUsage: index }));
  const vmOf = (data: readonly LiveWorker[], previous?: WorkersPageVm, now = 5) =>
    toWorkersPageVm({ ...inputs, now, workers: { kind: 'ready', data, updatedAt: 0 } }, previous);
  const first = vmOf(workers);
  const withChangeAt = (index: number) =>
    vmOf(
      workers.map((worker, at) => (at === index ? { ...worker, cpuUsage: 99 } : worker)),
      first,
    );

  it('holds back a change to a row scrolled out of view, and not one to a row in the DOM', () => {
    const rows = { start: 0, end: 4 };

    expect(sameOnScreen(first, withChangeAt(7), rows)).toBeTrue();
    expect(sameOnScreen(first, withChangeAt(2), rows)).toBeFalse();
  });

  it('lets through the clock, a new order, and any change when no table says what it shows', () => {
    const rows = { start: 0, end: 4 };

    expect(sameOnScreen(first, vmOf(workers, first, 6), rows)).toBeFalse();
    expect(sameOnScreen(first, vmOf([...workers, aLiveWorker({ id: 'w99' })], first), rows)).toBeFalse();
    expect(sameOnScreen(first, withChangeAt(7), null)).toBeFalse();
  });
});
