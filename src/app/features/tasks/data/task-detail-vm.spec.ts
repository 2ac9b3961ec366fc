import { TaskDetail } from '../../../shared/cloudai/task.model';
import { aTask } from '../../../testing/builders';
import { Cancellation } from './task-cancellation-model';
import { DetailFetch, ListedTask } from './task-detail-model';
import { TaskDetailInputs, toTaskDetailVm } from './task-detail-vm';

describe('toTaskDetailVm', () => {
  const running = aTask({ task_id: 't1', status: 'running' });
  const listed: ListedTask = { loaded: true, entry: running, listError: null, noDatabase: false };
  const base: TaskDetailInputs = {
    taskId: 't1',
    listed,
    detail: { kind: 'idle' },
    cancelling: new Map(),
    runningOn: new Map([['t1', 'kiwi']]),
  };

  it('shows an unfinished task from its list entry, with the worker from telemetry and why the result is missing', () => {
    const vm = toTaskDetailVm(base);

    expect(vm.kind === 'ready' && vm.task).toBe(running);
    expect(vm.kind === 'ready' && vm.workerId).toBe('kiwi');
    expect(vm.kind === 'ready' && vm.detailNote).toContain('once the task has finished');
  });

  it('adds the assignment and the normalised result of a finished task', () => {
    const detail: TaskDetail = {
      ...running,
      status: 'completed',
      assignment: { worker_id: 'NullPointer', assigned_at: 100 },
      result: { status: 'success', completed_at: 200, logs: '' },
    };
    const vm = toTaskDetailVm({
      ...base,
      listed: { ...listed, entry: { ...running, status: 'completed' } },
      detail: { kind: 'ready', data: detail, updatedAt: 0 },
    });

    expect(vm.kind === 'ready' && [vm.workerId, vm.assignedAt, vm.result]).toEqual([
      'NullPointer',
      100,
      { status: 'completed', completedAt: 200 },
    ]);
  });

  it('is not found only when the master says so, and keeps waiting when the detail request drops', () => {
    const unlisted = { ...base, listed: { loaded: true, entry: undefined, listError: null, noDatabase: false } };
    const notFound: DetailFetch = {
      kind: 'error',
      message: 'nope',
      failure: { kind: 'answered', status: 404, statusText: 'Not Found', body: 'nope' },
    };
    const dropped: DetailFetch = { kind: 'error', message: 'dropped', failure: { kind: 'dropped' } };

    expect(toTaskDetailVm({ ...unlisted, detail: notFound }).kind).toBe('not-found');
    expect(toTaskDetailVm({ ...unlisted, detail: dropped })).toEqual({
      kind: 'loading',
      message: 'Waiting for the master to list this task…',
    });
  });

  it('shows an unconfirmed cancel as cancelled but keeps the reported status for the logs', () => {
    const cancelling = new Map<string, Cancellation>([
      [
        't1',
        {
          taskId: 't1',
          previousStatus: 'running',
          requestedAt: 0,
          acknowledgedAt: null,
          observedStatus: 'running',
          observedAt: null,
          verifying: false,
        },
      ],
    ]);
    const vm = toTaskDetailVm({ ...base, cancelling });

    expect(vm.kind === 'ready' && [vm.task.status, vm.reportedStatus, vm.cancelling]).toEqual([
      'cancelled',
      'running',
      true,
    ]);
  });

  it('is an error while the list never loaded', () => {
    expect(
      toTaskDetailVm({ ...base, listed: { loaded: false, entry: undefined, listError: 'down', noDatabase: false } }),
    ).toEqual({
      kind: 'error',
      message: 'down',
    });
  });

  it('says the master has no database instead of an error, when it lists no tasks at all', () => {
    const listed = {
      loaded: false,
      entry: undefined,
      listError: 'Database not available (HTTP 503)',
      noDatabase: true,
    };

    expect(toTaskDetailVm({ ...base, listed }).kind).toBe('no-database');
  });

  it('says why the listed status and the stored result disagree', () => {
    const cancelledThenOverwritten = aTask({ task_id: 't1', status: 'failed' });
    const detail = {
      kind: 'ready',
      updatedAt: 0,
      data: {
        ...cancelledThenOverwritten,
        assignment: { worker_id: 'kiwi', assigned_at: 1 },
        result: { status: 'cancelled', completed_at: 2, logs: '' },
      },
    } as const;
    const vm = toTaskDetailVm({
      ...base,
      listed: { loaded: true, entry: cancelledThenOverwritten, listError: null, noDatabase: false },
      detail,
    });

    expect(vm.kind === 'ready' && vm.statusNote).toContain(
      'lists this task as “failed”, but its stored result says cancelled',
    );
  });
});
