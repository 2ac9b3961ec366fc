import { aLiveWorker, aTask } from '../../../testing/builders';
import { toClusterSummary } from './cluster-summary';

describe('toClusterSummary', () => {
  it('counts workers by derived status', () => {
    const workers = [
      aLiveWorker({ status: 'active' }),
      aLiveWorker({ status: 'stale' }),
      aLiveWorker({ status: 'inactive' }),
      aLiveWorker(),
    ];

    expect(toClusterSummary(workers, []).workers).toEqual({ total: 4, active: 2, stale: 1, inactive: 1 });
  });

  it('counts tasks per stored status, with anything unknown as other', () => {
    const statuses = ['pending', 'running', 'running', 'completed', 'failed', 'cancelled', 'not_found', ''];
    const summary = toClusterSummary(
      [],
      statuses.map((status) => aTask({ status })),
    );

    expect(summary.tasks).toEqual({
      total: 8,
      pending: 1,
      running: 2,
      completed: 1,
      failed: 1,
      cancelled: 1,
      other: 2,
    });
  });

  it('sums capacity and allocation over active workers only', () => {
    const workers = [
      aLiveWorker({
        capacity: { cpu: 8, memory: 16, storage: 100, gpu: 1 },
        allocated: { cpu: 2, memory: 4, storage: 10, gpu: 1 },
      }),
      aLiveWorker({
        capacity: { cpu: 4, memory: 8, storage: 50, gpu: 0 },
        allocated: { cpu: 1, memory: 1, storage: 1, gpu: 0 },
      }),
      aLiveWorker({ status: 'inactive', capacity: { cpu: 64, memory: 64, storage: 64, gpu: 8 } }),
      aLiveWorker({ capacity: null, allocated: null }),
    ];

    expect(toClusterSummary(workers, []).resources).toEqual({
      cpu: { total: 12, allocated: 3 },
      memory: { total: 24, allocated: 5 },
      storage: { total: 150, allocated: 11 },
      gpu: { total: 1, allocated: 1 },
    });
  });

  it('is all zeros for an empty cluster', () => {
    const summary = toClusterSummary([], []);

    expect(summary.workers).toEqual({ total: 0, active: 0, stale: 0, inactive: 0 });
    expect(summary.tasks?.total).toBe(0);
  });

  it('counts active workers whose capacity the master does not know, instead of adding zeros', () => {
    const workers = [aLiveWorker({ capacity: null, allocated: null }), aLiveWorker()];

    expect(toClusterSummary(workers, []).unknownCapacity).toBe(1);
  });

  it('has no task counts, and says why, when the master cannot list tasks', () => {
    const summary = toClusterSummary([], { problem: 'no database' });

    expect(summary.tasks).toBeNull();
    expect(summary.tasksProblem).toBe('no database');
  });
});
