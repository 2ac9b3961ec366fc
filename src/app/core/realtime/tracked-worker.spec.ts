import { WorkerTelemetry } from '../../shared/cloudai/telemetry.model';
import { aWorker } from '../../testing/builders';
import { TrackedWorkers, toTelemetryUpdate, trackTelemetry } from './tracked-worker';

describe('trackTelemetry', () => {
  const task = { task_id: 'task-1', cpu_allocated: 1, memory_allocated: 1, gpu_allocated: 0, status: 'running' };
  const beat = (id: string, lastUpdate: number, cpu = 10): WorkerTelemetry => ({
    worker_id: id,
    cpu_usage: cpu,
    memory_usage: 20,
    gpu_usage: 0,
    running_tasks: [task],
    last_update: lastUpdate,
    is_active: true,
  });
  const empty: TrackedWorkers = new Map();
  const window = 60_000;

  it('merges a snapshot, then single-worker updates, by worker id', () => {
    const snapshot = trackTelemetry(empty, [beat('kiwi', 100), beat('fig', 100)], window);
    const updated = trackTelemetry(snapshot, [beat('kiwi', 105, 55)], window);

    expect([...updated.keys()]).toEqual(['kiwi', 'fig']);
    expect(updated.get('kiwi')?.telemetry.cpu_usage).toBe(55);
    expect(updated.get('fig')).toBe(snapshot.get('fig'));
    expect(updated).not.toBe(snapshot);
  });

  it('leaves the map it was given as it was, however many workers it holds', () => {
    const ids = Array.from({ length: 2000 }, (_, index) => `worker-${index}`);
    const before = trackTelemetry(
      empty,
      ids.map((id) => beat(id, 100)),
      window,
    );
    const after = trackTelemetry(before, [beat('worker-7', 105, 70), beat('worker-1999', 105, 99)], window);

    expect(before.get('worker-7')?.telemetry.cpu_usage).toBe(10);
    expect(after.get('worker-7')?.telemetry.cpu_usage).toBe(70);
    expect(after.get('worker-1999')?.telemetry.cpu_usage).toBe(99);
    expect(after.get('worker-8')).toBe(before.get('worker-8'));
    expect(after.size).toBe(2000);
    expect(before.size).toBe(2000);
  });

  it('ignores an update older than what it holds', () => {
    const current = trackTelemetry(empty, [beat('kiwi', 105, 55)], window);

    expect(trackTelemetry(current, [beat('kiwi', 100, 1)], window)).toBe(current);
  });

  it('records one usage sample per heartbeat, oldest first', () => {
    const tracked = [100, 105, 105, 110].reduce(
      (map, second) => trackTelemetry(map, [beat('kiwi', second, second)], window),
      empty,
    );

    expect(tracked.get('kiwi')?.history.toArray()).toEqual([
      { at: 100_000, cpu: 100, memory: 20, gpu: 0 },
      { at: 105_000, cpu: 105, memory: 20, gpu: 0 },
      { at: 110_000, cpu: 110, memory: 20, gpu: 0 },
    ]);
  });

  it('keeps only the history window behind the newest sample', () => {
    let tracked = empty;
    for (let second = 0; second <= 600; second += 5) {
      tracked = trackTelemetry(tracked, [beat('kiwi', second)], window);
    }
    const history = tracked.get('kiwi')!.history;

    expect(history.valueAt('at', 0)).toBe(540_000);
    expect(history.length).toBe(13);
  });

  it('never keeps more than 2048 samples however dense the heartbeats', () => {
    let tracked = empty;
    for (let tick = 0; tick < 2500; tick++) {
      tracked = trackTelemetry(tracked, [beat('kiwi', tick / 100)], 3_600_000);
    }

    const history = tracked.get('kiwi')!.history;
    expect(history.length).toBe(2048);
    expect(history.valueAt('at', 2047)).toBe(24_990);
    expect(history.valueAt('at', 0)).toBe(4_520);
  });

  it('keeps the known running tasks when the update does not carry them', () => {
    const current = trackTelemetry(empty, [beat('kiwi', 100)], window);
    const fromRest = { ...beat('kiwi', 105), running_tasks: null };

    expect(trackTelemetry(current, [fromRest], window).get('kiwi')?.telemetry.running_tasks).toEqual([task]);
  });
});

describe('toTelemetryUpdate', () => {
  it('takes the usage figures of a REST worker entry', () => {
    const update = toTelemetryUpdate(aWorker({ worker_id: 'kiwi', cpu_usage: 41.7, last_update: 100 }));

    expect(update).toEqual(
      jasmine.objectContaining({ worker_id: 'kiwi', cpu_usage: 41.7, last_update: 100, running_tasks: null }),
    );
  });

  it('skips a worker that never sent telemetry', () => {
    expect(toTelemetryUpdate(aWorker({ last_update: undefined }))).toBeNull();
  });

  it('skips an entry with invalid figures', () => {
    expect(toTelemetryUpdate(aWorker({ cpu_usage: 'high' as unknown as number }))).toBeNull();
  });
});
