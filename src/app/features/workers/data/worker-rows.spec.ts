import { aLiveWorker } from '../../../testing/builders';
import { DEFAULT_WORKER_QUERY, WorkerQuery } from './worker-query';
import { countByStatus, selectWorkers } from './worker-rows';

describe('selectWorkers', () => {
  const kiwi = aLiveWorker({ id: 'kiwi', address: '10.0.0.1:50052', status: 'active', cpuUsage: 80 });
  const fig = aLiveWorker({ id: 'fig', address: '10.0.0.2:50052', status: 'inactive', cpuUsage: null });
  const apple = aLiveWorker({ id: 'apple', address: null, status: 'stale', cpuUsage: 20 });
  const all = [kiwi, fig, apple];
  const ids = (query: Partial<WorkerQuery>) =>
    selectWorkers(all, { ...DEFAULT_WORKER_QUERY, ...query }).workers.map((worker) => worker.id);

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

describe('selectWorkers after a previous selection', () => {
  const kiwi = aLiveWorker({ id: 'kiwi', status: 'active', cpuUsage: 80 });
  const fig = aLiveWorker({ id: 'fig', status: 'active', cpuUsage: 10 });
  const apple = aLiveWorker({ id: 'apple', status: 'active', cpuUsage: 20 });
  const live = [apple, fig, kiwi];
  const byCpu: WorkerQuery = { ...DEFAULT_WORKER_QUERY, sort: 'cpu', direction: 'desc' };
  const ids = (selection: { workers: readonly { id: string }[] }) => selection.workers.map((worker) => worker.id);

  it('keeps the same list when no worker changed', () => {
    const first = selectWorkers(live, byCpu);

    expect(selectWorkers([...live], byCpu, first).workers).toBe(first.workers);
  });

  it('puts a worker whose sort value is unchanged in its place, keeping the others', () => {
    const first = selectWorkers(live, DEFAULT_WORKER_QUERY);
    const figLater = { ...fig, cpuUsage: 95 };

    const next = selectWorkers([apple, figLater, kiwi], DEFAULT_WORKER_QUERY, first);

    expect(next.workers).not.toBe(first.workers);
    expect(next.workers[1]).toBe(figLater);
    expect(next.workers[0]).toBe(first.workers[0]);
  });

  it('sorts again when a changed worker sorts differently', () => {
    const first = selectWorkers(live, byCpu);
    expect(ids(first)).toEqual(['kiwi', 'apple', 'fig']);

    expect(ids(selectWorkers([apple, { ...fig, cpuUsage: 95 }, kiwi], byCpu, first))).toEqual(['fig', 'kiwi', 'apple']);
  });

  it('selects again when a changed worker enters or leaves the filter, or the query changes', () => {
    const activeOnly: WorkerQuery = { ...DEFAULT_WORKER_QUERY, status: 'active' };
    const first = selectWorkers(live, activeOnly);

    expect(ids(selectWorkers([apple, { ...fig, status: 'stale' }, kiwi], activeOnly, first))).toEqual([
      'apple',
      'kiwi',
    ]);
    expect(ids(selectWorkers(live, byCpu, first))).toEqual(['kiwi', 'apple', 'fig']);
  });

  it('selects again when workers join', () => {
    const first = selectWorkers(live, DEFAULT_WORKER_QUERY);
    const banana = aLiveWorker({ id: 'banana' });

    expect(ids(selectWorkers([apple, banana, fig, kiwi], DEFAULT_WORKER_QUERY, first))).toEqual([
      'apple',
      'banana',
      'fig',
      'kiwi',
    ]);
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
