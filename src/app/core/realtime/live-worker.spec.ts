import { aWorker } from '../../testing/builders';
import { latestHeartbeatOf, positionsToCompare, toLiveWorkers, toWorkerStatus } from './live-worker';
import { TelemetryUpdate, TrackedWorker, trackTelemetry } from './tracked-worker';
import { UsageHistory } from './usage-history';

describe('toWorkerStatus', () => {
  const rules = { staleAfterMs: 10_000, inactiveAfterMs: 30_000 };

  it('is active while heartbeats are on time, stale when late, inactive after 30 s', () => {
    expect(toWorkerStatus(100_000, 105_000, rules)).toBe('active');
    expect(toWorkerStatus(100_000, 110_001, rules)).toBe('stale');
    expect(toWorkerStatus(100_000, 130_000, rules)).toBe('stale');
    expect(toWorkerStatus(100_000, 130_001, rules)).toBe('inactive');
  });

  it('is inactive for a worker that never sent a heartbeat', () => {
    expect(toWorkerStatus(null, 0, rules)).toBe('inactive');
  });
});

describe('toLiveWorkers', () => {
  const rules = { staleAfterMs: 10_000, inactiveAfterMs: 30_000 };
  const tracked = (id: string, lastUpdate: number, cpu: number): TrackedWorker => ({
    telemetry: {
      worker_id: id,
      cpu_usage: cpu,
      memory_usage: 10,
      gpu_usage: 5,
      running_tasks: [{ task_id: 't1', cpu_allocated: 1, memory_allocated: 1, gpu_allocated: 0, status: 'running' }],
      last_update: lastUpdate,
      is_active: true,
    },
    history: UsageHistory.of([{ at: lastUpdate * 1000, cpu, memory: 10, gpu: 5 }]),
  });

  it('joins registry capacities with live usage', () => {
    const registry = [
      aWorker({ worker_id: 'kiwi', cpu_usage: 1, last_update: 90, last_heartbeat: 90, registered_at: 50 }),
    ];
    const [kiwi] = toLiveWorkers(registry, new Map([['kiwi', tracked('kiwi', 100, 77)]]), 101_000, rules);

    expect(kiwi).toEqual(
      jasmine.objectContaining({
        id: 'kiwi',
        address: registry[0].address!,
        status: 'active',
        cpuUsage: 77,
        capacity: registry[0].total_resources,
        allocated: registry[0].allocated_resources,
        available: registry[0].available_resources!,
        runningTaskCount: 1,
        lastHeartbeat: 100_000,
        registeredAt: 50_000,
      }),
    );
    expect(kiwi.history.length).toBe(1);
  });

  it('keeps a registered worker that never connected, as inactive without usage', () => {
    const registry = [aWorker({ worker_id: 'new', last_update: undefined, last_heartbeat: 0, running_tasks_count: 0 })];
    const [worker] = toLiveWorkers(registry, new Map(), 1_000_000, rules);

    expect(worker).toEqual(
      jasmine.objectContaining({ id: 'new', status: 'inactive', cpuUsage: null, lastHeartbeat: null }),
    );
  });

  it('keeps a worker known only from telemetry, without capacities', () => {
    const [worker] = toLiveWorkers([], new Map([['ghost', tracked('ghost', 100, 3)]]), 100_000, rules);

    expect(worker).toEqual(
      jasmine.objectContaining({ id: 'ghost', address: null, capacity: null, available: null, cpuUsage: 3 }),
    );
  });

  it('shows capacities the master reports as all zeros as unknown, not as 0 (no database, never connected)', () => {
    const zeros = { cpu: 0, memory: 0, storage: 0, gpu: 0 };
    const entry = aWorker({ worker_id: 'ghost', total_resources: zeros, allocated_resources: zeros });

    expect(toLiveWorkers([entry], new Map(), 0, rules)[0]).toEqual(
      jasmine.objectContaining({ capacity: null, allocated: null, available: null }),
    );
  });

  it('keeps a negative allocation as reported', () => {
    const entry = aWorker({ allocated_resources: { cpu: 1, memory: 1, storage: 1, gpu: -1 } });

    expect(toLiveWorkers([entry], new Map(), 0, rules)[0].allocated?.gpu).toBe(-1);
  });

  it('derives availability when the registry entry lacks it', () => {
    const entry = aWorker({
      total_resources: { cpu: 8, memory: 16, storage: 100, gpu: 1 },
      allocated_resources: { cpu: 2, memory: 4, storage: 10, gpu: 1 },
      available_resources: undefined,
    });

    expect(toLiveWorkers([entry], new Map(), 0, rules)[0].available).toEqual({
      cpu: 6,
      memory: 12,
      storage: 90,
      gpu: 0,
    });
  });

  it('sorts by worker id and turns inactive as time passes without heartbeats', () => {
    const telemetry = new Map([
      ['b', tracked('b', 100, 1)],
      ['a', tracked('a', 100, 1)],
    ]);

    expect(toLiveWorkers([], telemetry, 100_000, rules).map((w) => `${w.id}:${w.status}`)).toEqual([
      'a:active',
      'b:active',
    ]);
    expect(toLiveWorkers([], telemetry, 140_000, rules).map((w) => `${w.id}:${w.status}`)).toEqual([
      'a:inactive',
      'b:inactive',
    ]);
  });
});

describe('toLiveWorkers with the previous result', () => {
  const rules = { staleAfterMs: 10_000, inactiveAfterMs: 30_000 };
  const tracked = (id: string, lastUpdate: number): TrackedWorker => ({
    telemetry: {
      worker_id: id,
      cpu_usage: 1,
      memory_usage: 1,
      gpu_usage: 0,
      running_tasks: [],
      last_update: lastUpdate,
      is_active: true,
    },
    history: UsageHistory.EMPTY,
  });

  it('keeps the objects of workers that did not change, and replaces the one that did', () => {
    const a = tracked('a', 100);
    const first = toLiveWorkers(
      [],
      new Map([
        ['a', a],
        ['b', tracked('b', 100)],
      ]),
      101_000,
      rules,
    );
    const second = toLiveWorkers(
      [],
      new Map([
        ['a', a],
        ['b', tracked('b', 105)],
      ]),
      105_500,
      rules,
      first,
    );

    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].lastHeartbeat).toBe(105_000);
  });

  it('keeps every worker object through a registry answer that repeats the same figures in new objects', () => {
    const entries = [
      aWorker({ worker_id: 'kiwi', last_update: 100 }),
      aWorker({ worker_id: 'lime', last_update: 100 }),
    ];
    // The same figures, in new objects, as every answer of the master brings.
    const registry = () =>
      entries.map((entry) => ({
        ...entry,
        total_resources: { ...entry.total_resources },
        allocated_resources: { ...entry.allocated_resources },
        available_resources: { ...entry.available_resources! },
      }));
    const first = toLiveWorkers(registry(), new Map(), 101_000, rules);

    const again = toLiveWorkers(registry(), new Map(), 101_000, rules, first);
    const changed = toLiveWorkers(
      [{ ...registry()[0], allocated_resources: { cpu: 3, memory: 4, storage: 10, gpu: 0 } }, registry()[1]],
      new Map(),
      101_000,
      rules,
      first,
    );

    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    expect(changed[0]).not.toBe(first[0]);
    expect(changed[1]).toBe(first[1]);
  });

  it('rebuilds a worker whose status changed with time alone', () => {
    const telemetry = new Map([['a', tracked('a', 100)]]);
    const first = toLiveWorkers([], telemetry, 101_000, rules);
    const later = toLiveWorkers([], telemetry, 115_000, rules, first);

    expect(later[0].status).toBe('stale');
  });

  it('adds a new worker in id order', () => {
    const b = tracked('b', 100);
    const first = toLiveWorkers([], new Map([['b', b]]), 100_000, rules);
    const second = toLiveWorkers(
      [],
      new Map([
        ['b', b],
        ['a', tracked('a', 100)],
      ]),
      100_000,
      rules,
      first,
    );

    expect(second.map((worker) => worker.id)).toEqual(['a', 'b']);
    expect(second[1]).toBe(first[0]);
  });
});

describe('toLiveWorkers after telemetry updates alone', () => {
  const rules = { staleAfterMs: 10_000, inactiveAfterMs: 30_000 };
  const WINDOW_MS = 60_000;
  const update = (id: string, lastUpdate: number, cpu: number): TelemetryUpdate => ({
    worker_id: id,
    cpu_usage: cpu,
    memory_usage: 10,
    gpu_usage: 0,
    running_tasks: [],
    last_update: lastUpdate,
    is_active: true,
  });
  const registry = [
    aWorker({ worker_id: 'kiwi', last_update: 100, last_heartbeat: 100 }),
    aWorker({ worker_id: 'lime', last_update: 100, last_heartbeat: 100 }),
  ];
  const first = trackTelemetry(new Map(), [update('kiwi', 100, 10), update('lime', 100, 20)], WINDOW_MS);

  it('rebuilds only the updated workers, giving the list that making it anew gives', () => {
    const before = toLiveWorkers(registry, first, 101_000, rules);
    const next = trackTelemetry(first, [update('lime', 105, 30)], WINDOW_MS);

    const patched = toLiveWorkers(registry, next, 101_000, rules, before);

    expect(patched[0]).toBe(before[0]);
    expect(patched[1].cpuUsage).toBe(30);
    expect(patched).toEqual(toLiveWorkers(registry, next, 101_000, rules));
    expect(latestHeartbeatOf(patched)).toBe(latestHeartbeatOf(toLiveWorkers(registry, next, 101_000, rules)));
  });

  it('makes the list anew when a worker joins or the registry answers', () => {
    const before = toLiveWorkers(registry, first, 101_000, rules);
    const joined = trackTelemetry(first, [update('fig', 105, 30)], WINDOW_MS);
    const answered = registry.map((entry) => ({ ...entry, cpu_usage: 99 }));

    expect(toLiveWorkers(registry, joined, 101_000, rules, before).map((worker) => worker.id)).toEqual([
      'fig',
      'kiwi',
      'lime',
    ]);
    expect(toLiveWorkers(answered, first, 101_000, rules, before)).toEqual(
      toLiveWorkers(answered, first, 101_000, rules),
    );
  });

  it('as time moves on, rebuilds only the workers whose status it changes, and keeps the list when there are none', () => {
    const fresher = trackTelemetry(first, [update('lime', 125, 30)], WINDOW_MS);
    const before = toLiveWorkers(registry, fresher, 126_000, rules);

    const sameStatus = toLiveWorkers(registry, fresher, 127_000, rules, before);
    const kiwiInactive = toLiveWorkers(registry, fresher, 131_000, rules, before);
    const withUpdate = toLiveWorkers(
      registry,
      trackTelemetry(fresher, [update('kiwi', 130, 50)], WINDOW_MS),
      131_000,
      rules,
      before,
    );

    expect(sameStatus).toBe(before);
    expect(kiwiInactive.map((worker) => worker.status)).toEqual(['inactive', 'active']);
    expect(kiwiInactive[1]).toBe(before[1]);
    expect(kiwiInactive).toEqual(toLiveWorkers(registry, fresher, 131_000, rules));
    expect(withUpdate.map((worker) => worker.status)).toEqual(['active', 'active']);
    expect(withUpdate[0].cpuUsage).toBe(50);
  });

  it('names the positions a patch replaced, each once, and every position for lists it cannot relate', () => {
    const before = toLiveWorkers(registry, first, 101_000, rules);
    const limeTwice = trackTelemetry(first, [update('lime', 105, 30), update('lime', 106, 40)], WINDOW_MS);
    const patched = toLiveWorkers(registry, limeTwice, 101_000, rules, before);
    const madeAnew = toLiveWorkers(registry, limeTwice, 101_000, rules);

    expect(positionsToCompare(before, patched)).toEqual([1]);
    expect(positionsToCompare(before, madeAnew)).toEqual([0, 1]);
    expect(positionsToCompare(madeAnew, patched)).toEqual([0, 1]);
  });
});
