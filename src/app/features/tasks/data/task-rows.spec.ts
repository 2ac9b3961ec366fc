import { aTask } from '../../../testing/builders';
import { PendingReason } from './pending-reason';
import { DEFAULT_TASK_QUERY, TaskFilter, TaskQuery } from './task-query';
import { TaskRow, countPendingByGroup, countTasksByStatus, selectTasks } from './task-rows';

describe('selectTasks', () => {
  const rows: TaskRow[] = [
    {
      task: aTask({
        task_id: 'task-1',
        status: 'running',
        created_at: 30,
        docker_image: 'python:3.12',
        cpu_required: 4,
      }),
      workerId: 'kiwi',
      cancelling: false,
      pendingReason: null,
    },
    {
      task: aTask({
        task_id: 'task-2',
        status: 'not_found',
        created_at: 10,
        docker_image: 'alpine',
        command: 'echo',
        tag: 'gpu-training',
      }),
      workerId: null,
      cancelling: false,
      pendingReason: null,
    },
    {
      task: aTask({
        task_id: 'task-3',
        status: 'completed',
        created_at: 20,
        docker_image: 'alpine',
        command: 'nvidia-smi',
        cpu_required: 1,
      }),
      workerId: null,
      cancelling: false,
      pendingReason: null,
    },
  ];
  const ids = (query: Partial<TaskQuery>) =>
    selectTasks(rows, { ...DEFAULT_TASK_QUERY, ...query }).map((row) => row.task.task_id);

  it('lists the newest first by default', () => {
    expect(ids({})).toEqual(['task-1', 'task-3', 'task-2']);
  });

  it('filters by status, with anything unknown under "other" rather than dropped', () => {
    expect(ids({ status: 'running' })).toEqual(['task-1']);
    expect(ids({ status: 'other' })).toEqual(['task-2']);
  });

  it('searches id, image, tag and command', () => {
    expect(ids({ text: 'PYTHON' })).toEqual(['task-1']);
    expect(ids({ text: 'gpu-train' })).toEqual(['task-2']);
    expect(ids({ text: 'nvidia' })).toEqual(['task-3']);
    expect(ids({ text: 'task-3' })).toEqual(['task-3']);
  });

  it('sorts by any column, unknown workers last', () => {
    expect(ids({ sort: 'cpu', direction: 'desc' })[0]).toBe('task-1');
    expect(ids({ sort: 'worker', direction: 'asc' })[0]).toBe('task-1');
    expect(ids({ sort: 'status', direction: 'asc' })).toEqual(['task-1', 'task-3', 'task-2']);
  });
});

describe('countTasksByStatus', () => {
  it('counts known statuses and gathers the rest as other', () => {
    const tasks = ['pending', 'running', 'running', '', 'dead', 'cancelled'].map((status) => aTask({ status }));

    expect(countTasksByStatus(tasks)).toEqual({
      all: 6,
      pending: 1,
      running: 2,
      completed: 0,
      failed: 0,
      cancelled: 1,
      other: 2,
    });
  });
});

describe('pending reasons in the list', () => {
  const kiwi = { id: 'kiwi', active: true, capacity: null, available: null };
  const pendingRow = (taskId: string, reason: PendingReason | null): TaskRow => ({
    task: aTask({ task_id: taskId, status: 'pending' }),
    workerId: null,
    cancelling: false,
    pendingReason: reason,
  });
  const rows = [
    pendingRow('never', { kind: 'never', short: [], unknownCapacity: 0, best: null }),
    pendingRow('none', { kind: 'no-workers' }),
    pendingRow('lost', { kind: 'lost', fitting: { names: ['kiwi'], count: 1 }, best: kiwi, since: 0 }),
    pendingRow('not-judged', null),
  ];

  it('filters pending tasks by the kind of reason, a cluster without workers among those that can never run', () => {
    const ids = (status: TaskFilter) =>
      selectTasks(rows, { ...DEFAULT_TASK_QUERY, status, sort: 'id', direction: 'asc' }).map((row) => row.task.task_id);

    expect(ids('pending-never')).toEqual(['never', 'none']);
    expect(ids('pending-lost')).toEqual(['lost']);
    expect(ids('pending')).toEqual(['lost', 'never', 'none', 'not-judged']);
  });

  it('counts them by kind', () => {
    expect(countPendingByGroup(rows)).toEqual({ never: 2, inactive: 0, busy: 0, ready: 0, lost: 1, unknown: 0 });
  });
});
