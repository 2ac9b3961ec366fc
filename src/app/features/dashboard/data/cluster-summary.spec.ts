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

  it('is all zeros for an empty cluster', () => {
    const summary = toClusterSummary([], []);

    expect(summary.workers).toEqual({ total: 0, active: 0, stale: 0, inactive: 0 });
    expect(summary.tasks.total).toBe(0);
  });
});
