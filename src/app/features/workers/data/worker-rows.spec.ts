import { aLiveWorker } from '../../../testing/builders';
import { DEFAULT_WORKER_QUERY, WorkerQuery } from './worker-query';
import { countByStatus, selectWorkers } from './worker-rows';

describe('selectWorkers', () => {
  const kiwi = aLiveWorker({ id: 'kiwi', address: '10.0.0.1:50052', status: 'active', cpuUsage: 80 });
  const fig = aLiveWorker({ id: 'fig', address: '10.0.0.2:50052', status: 'inactive', cpuUsage: null });
  const apple = aLiveWorker({ id: 'apple', address: null, status: 'stale', cpuUsage: 20 });
  const all = [kiwi, fig, apple];
  const ids = (query: Partial<WorkerQuery>) =>
    selectWorkers(all, { ...DEFAULT_WORKER_QUERY, ...query }).map((worker) => worker.id);

  it('sorts by id by default', () => {
    expect(ids({})).toEqual(['apple', 'fig', 'kiwi']);
  });

  it('sorts by a figure in either direction, unknown values last', () => {
    expect(ids({ sort: 'cpu', direction: 'desc' })).toEqual(['kiwi', 'apple', 'fig']);
    expect(ids({ sort: 'cpu', direction: 'asc' })).toEqual(['apple', 'kiwi', 'fig']);
  });

  it('sorts statuses from active to inactive', () => {
    expect(ids({ sort: 'status' })).toEqual(['kiwi', 'apple', 'fig']);
  });

  it('filters by status and by text in the id or address', () => {
    expect(ids({ status: 'inactive' })).toEqual(['fig']);
    expect(ids({ text: 'KI' })).toEqual(['kiwi']);
    expect(ids({ text: '10.0.0.2' })).toEqual(['fig']);
    expect(ids({ text: 'nothing' })).toEqual([]);
  });

  it('does not reorder the input list', () => {
    selectWorkers(all, { ...DEFAULT_WORKER_QUERY, sort: 'cpu' });

    expect(all.map((worker) => worker.id)).toEqual(['kiwi', 'fig', 'apple']);
  });
});

describe('countByStatus', () => {
  it('counts each status and the total', () => {
    const workers = [
      aLiveWorker({ status: 'active' }),
      aLiveWorker({ status: 'active' }),
      aLiveWorker({ status: 'inactive' }),
    ];

    expect(countByStatus(workers)).toEqual({ all: 3, active: 2, stale: 0, inactive: 1 });
  });
});
