import { parseTelemetryFrame } from './parse-telemetry-frame';
import { WorkerTelemetry } from './telemetry.model';

describe('parseTelemetryFrame', () => {
  const kiwi: WorkerTelemetry = {
    worker_id: 'kiwi',
    cpu_usage: 41.7,
    memory_usage: 63.2,
    gpu_usage: 0,
    running_tasks: [{ task_id: 'task-1', cpu_allocated: 10, memory_allocated: 2, gpu_allocated: 0, status: 'running' }],
    last_update: 1763498855,
    is_active: true,
  };

  it("reads the master's bare map", () => {
    expect(parseTelemetryFrame(JSON.stringify({ kiwi }))).toEqual({ entries: [kiwi], rejected: 0 });
  });

  it('reads the envelope shape of the seed description', () => {
    expect(parseTelemetryFrame(JSON.stringify({ type: 'telemetry', workers: { kiwi } }))).toEqual({
      entries: [kiwi],
      rejected: 0,
    });
  });

  it('keeps a negative allocation of a running task as it is', () => {
    const task = { task_id: 'task-2', cpu_allocated: 1, memory_allocated: 1, gpu_allocated: -1, status: 'running' };
    const [entry] = parseTelemetryFrame(JSON.stringify({ kiwi: { ...kiwi, running_tasks: [task] } })).entries;
    expect(entry.running_tasks[0].gpu_allocated).toBe(-1);
  });

  it('accepts an empty snapshot from a master with no workers', () => {
    expect(parseTelemetryFrame('{}')).toEqual({ entries: [], rejected: 0 });
  });

  it('clamps rounding overshoot of percentages and rejects impossible ones', () => {
    const frame = { kiwi: { ...kiwi, cpu_usage: 100.4, memory_usage: -0.2, gpu_usage: 100 } };
    const [entry] = parseTelemetryFrame(JSON.stringify(frame)).entries;
    expect([entry.cpu_usage, entry.memory_usage, entry.gpu_usage]).toEqual([100, 0, 100]);

    expect(parseTelemetryFrame(JSON.stringify({ kiwi: { ...kiwi, cpu_usage: 130 } })).rejected).toBe(1);
    expect(parseTelemetryFrame(JSON.stringify({ kiwi: { ...kiwi, memory_usage: -4 } })).rejected).toBe(1);
  });

  it('counts a frame that is not JSON, or not a map, as one rejection', () => {
    for (const raw of [
      'not json',
      '[1,2]',
      'null',
      '42',
      '"kiwi"',
      JSON.stringify({ type: 'telemetry', workers: null }),
    ]) {
      expect(parseTelemetryFrame(raw)).withContext(raw).toEqual({ entries: [], rejected: 1 });
    }
  });

  it('drops each invalid entry and keeps the valid ones of the same frame', () => {
    const frame = {
      kiwi,
      noId: { ...kiwi, worker_id: undefined },
      wrongId: { ...kiwi, worker_id: 'other' },
      textCpu: { ...kiwi, worker_id: 'textCpu', cpu_usage: '41' },
      nanMemory: { ...kiwi, worker_id: 'nanMemory', memory_usage: 'NaN' },
      tasksNotArray: { ...kiwi, worker_id: 'tasksNotArray', running_tasks: 'none' },
      noTime: { ...kiwi, worker_id: 'noTime', last_update: undefined },
      negativeTime: { ...kiwi, worker_id: 'negativeTime', last_update: -1 },
      nullEntry: null,
      arrayEntry: [kiwi],
      [`x${'y'.repeat(300)}`]: { ...kiwi, worker_id: `x${'y'.repeat(300)}` },
    };

    expect(parseTelemetryFrame(JSON.stringify(frame))).toEqual({ entries: [kiwi], rejected: 10 });
  });

  it('treats missing gpu usage as 0 and null running tasks as none', () => {
    const frame = { kiwi: { ...kiwi, gpu_usage: undefined, running_tasks: null } };

    expect(parseTelemetryFrame(JSON.stringify(frame)).entries[0]).toEqual({ ...kiwi, gpu_usage: 0, running_tasks: [] });
  });

  it('keeps markup in strings as plain text for the view to escape', () => {
    const id = '<img src=x onerror=alert(1)>';
    const frame = { [id]: { ...kiwi, worker_id: id } };

    expect(parseTelemetryFrame(JSON.stringify(frame)).entries[0].worker_id).toBe(id);
  });

  it('drops running-task items without an id', () => {
    const frame = { kiwi: { ...kiwi, running_tasks: [kiwi.running_tasks[0], { cpu_allocated: 1 }, 'x'] } };

    expect(parseTelemetryFrame(JSON.stringify(frame)).entries[0].running_tasks).toEqual(kiwi.running_tasks);
  });
});
