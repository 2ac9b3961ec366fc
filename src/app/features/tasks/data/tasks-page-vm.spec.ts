import { aTask } from '../../../testing/builders';
import { DEFAULT_TASK_QUERY } from './task-query';
import { Cancellation } from './task-cancellations';
import { toTasksPageVm } from './tasks-page-vm';

describe('toTasksPageVm', () => {
  const base = {
    runningOn: new Map<string, string>(),
    query: DEFAULT_TASK_QUERY,
    intervalMs: 3000,
    cancelling: new Map<string, Cancellation>(),
  };
  const poll = { data: undefined, lastUpdated: null, lastError: null, consecutiveFailures: 0 };

  it('is loading, then an error only while nothing ever loaded', () => {
    expect(toTasksPageVm({ ...base, poll })).toEqual({ state: 'loading' });
    expect(toTasksPageVm({ ...base, poll: { ...poll, lastError: 'down' } })).toEqual({
      state: 'error',
      message: 'down',
    });
  });

  it('keeps the list on screen after a failed refresh, and says so', () => {
    const vm = toTasksPageVm({ ...base, poll: { ...poll, data: [aTask()], lastUpdated: 5, lastError: 'slow' } });

    expect(vm.state === 'ready' && vm.rows.length).toBe(1);
    expect(vm.state === 'ready' && vm.lastError).toBe('slow');
  });

  it('shows the worker a running task is on, from telemetry', () => {
    const task = aTask({ task_id: 'task-9', status: 'running' });
    const vm = toTasksPageVm({
      ...base,
      runningOn: new Map([['task-9', 'kiwi']]),
      poll: { ...poll, data: [task], lastUpdated: 5 },
    });

    expect(vm.state === 'ready' && vm.rows[0].workerId).toBe('kiwi');
  });

  it('counts every task, whatever the filter', () => {
    const tasks = [aTask({ status: 'running' }), aTask({ status: 'completed' })];
    const vm = toTasksPageVm({
      ...base,
      query: { ...DEFAULT_TASK_QUERY, status: 'running' },
      poll: { ...poll, data: tasks, lastUpdated: 5 },
    });

    expect(vm.state === 'ready' && vm.rows.length).toBe(1);
    expect(vm.state === 'ready' && vm.counts.all).toBe(2);
  });

  it('shows a task being cancelled as cancelled at once, and counts it so', () => {
    const task = aTask({ task_id: 'task-9', status: 'running' });
    const cancelling = new Map<string, Cancellation>([
      [
        'task-9',
        {
          taskId: 'task-9',
          previousStatus: 'running',
          requestedAt: 1,
          acknowledgedAt: null,
          observedStatus: 'running',
        },
      ],
    ]);
    const vm = toTasksPageVm({
      ...base,
      cancelling,
      poll: { ...poll, data: [task, aTask({ status: 'running' })], lastUpdated: 5 },
    });

    expect(vm.state === 'ready' && vm.rows.find((row) => row.cancelling)?.task.status).toBe('cancelled');
    expect(vm.state === 'ready' && [vm.counts.running, vm.counts.cancelled]).toEqual([1, 1]);
  });
});
