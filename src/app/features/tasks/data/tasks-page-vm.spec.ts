import { aTask } from '../../../testing/builders';
import { DEFAULT_TASK_QUERY } from './task-query';
import { toTasksPageVm } from './tasks-page-vm';

describe('toTasksPageVm', () => {
  const base = { runningOn: new Map<string, string>(), query: DEFAULT_TASK_QUERY, intervalMs: 3000 };
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
});
