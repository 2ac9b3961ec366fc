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

  it('from one list to the next, gives what summing every worker again gives, exactly', () => {
    const cpu = (cores: number) => ({ cpu: cores, memory: 0.1, storage: 10, gpu: 0 });
    const workers = ['a', 'b', 'c'].map((id) =>
      aLiveWorker({ id, capacity: cpu(4), allocated: { cpu: 0.1, memory: 0.2, storage: 1, gpu: 0 } }),
    );
    const first = toClusterSummary(workers, []);
    let current = workers;
    // Many small changes, fractions included: kept sums must not drift.
    for (let step = 0; step < 50; step += 1) {
      current = current.map((worker, index) =>
        index === step % 3
          ? aLiveWorker({
              ...worker,
              status: step % 7 === 0 ? 'stale' : 'active',
              allocated: { cpu: 0.1 * (step % 5), memory: 0.3, storage: 1, gpu: 0 },
            })
          : worker,
      );
      toClusterSummary(current, []);
    }
    const kept = toClusterSummary(current, []);
    // Summed afresh: another list first, so nothing is kept from before.
    toClusterSummary([], []);
    const afresh = toClusterSummary([...current], []);

    expect(first.resources.cpu).toEqual({ total: 12, allocated: 0.3 });
    expect(kept).toEqual(afresh);
    expect(kept.resources.memory.total).toBe(afresh.resources.memory.total);
  });

  it('sums a list of other workers (or another order) afresh', () => {
    const a = aLiveWorker({ id: 'a', status: 'active' });
    const b = aLiveWorker({ id: 'b', status: 'inactive' });
    toClusterSummary([a, b], []);

    expect(toClusterSummary([b, a], []).workers).toEqual({ total: 2, active: 1, stale: 0, inactive: 1 });
    expect(toClusterSummary([a, aLiveWorker({ id: 'c', status: 'stale' })], []).workers).toEqual({
      total: 2,
      active: 1,
      stale: 1,
      inactive: 0,
    });
  });
});
