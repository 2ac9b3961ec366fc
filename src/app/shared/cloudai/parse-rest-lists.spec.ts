import { aTask, aWorker } from '../../testing/builders';
import { parseTaskList, parseWorkerList } from './parse-rest-lists';

describe('parseTaskList', () => {
  it('keeps every valid task, unknown statuses included', () => {
    const tasks = [aTask({ status: 'running' }), aTask({ status: 'not_found' }), aTask({ status: '' })];

    expect(parseTaskList({ tasks })).toEqual({ entries: tasks, rejected: 0 });
  });

  it('leaves out and counts entries that cannot be trusted', () => {
    const valid = aTask();
    const broken = [
      null,
      'task',
      [],
      { ...valid, task_id: undefined },
      { ...valid, task_id: 'x'.repeat(300) },
      { ...valid, status: 7 },
      { ...valid, cpu_required: '2' },
      { ...valid, created_at: null },
      { ...valid, docker_image: 'x'.repeat(70_000) },
    ];

    expect(parseTaskList({ tasks: [valid, ...broken] })).toEqual({ entries: [valid], rejected: broken.length });
  });

  it('cannot read a body that is not a task list at all', () => {
    for (const body of [null, [], 'tasks', { tasks: null }, { tasks: {} }]) {
      expect(parseTaskList(body)).withContext(JSON.stringify(body)).toBeNull();
    }
  });
});

describe('parseWorkerList', () => {
  it('reads `{"workers": null}` as no workers', () => {
    expect(parseWorkerList({ workers: null })).toEqual({ entries: [], rejected: 0 });
  });

  it('keeps valid workers, including the reduced telemetry-only entry, and counts the rest', () => {
    const registered = aWorker();
    const telemetryOnly = {
      worker_id: 'ghost',
      is_active: true,
      cpu_usage: 5,
      memory_usage: 6,
      gpu_usage: 0,
      running_tasks_count: 0,
      last_update: 1_763_498_855,
      total_resources: { cpu: 0, memory: 0, storage: 0, gpu: 0 },
      allocated_resources: { cpu: 0, memory: 0, storage: 0, gpu: 0 },
    };
    const broken = [
      { ...registered, worker_id: '' },
      { ...registered, cpu_usage: 130 },
      { ...registered, total_resources: null },
    ];

    const parsed = parseWorkerList({ workers: [registered, telemetryOnly, ...broken] });

    expect(parsed?.entries.map((w) => w.worker_id)).toEqual([registered.worker_id, 'ghost']);
    expect(parsed?.rejected).toBe(3);
  });

  it('keeps a worker whose allocation is negative (the master accepts a negative GPU request)', () => {
    const odd = aWorker({
      allocated_resources: { cpu: 1, memory: 1, storage: 1, gpu: -1 },
      available_resources: { cpu: 11, memory: 7, storage: 99, gpu: 1 },
    });

    const parsed = parseWorkerList({ workers: [odd] });

    expect(parsed?.rejected).toBe(0);
    expect(parsed?.entries[0].allocated_resources.gpu).toBe(-1);
  });
});
