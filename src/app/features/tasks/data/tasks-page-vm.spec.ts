import { aFailedPoll, aPoll, aTask } from '../../../testing/builders';
import { NOT_POLLED } from '../../../shared/streams/smart-poll';
import { DEFAULT_TASK_QUERY } from './task-query';
import { Cancellation } from './task-cancellation-model';
import { PendingReason } from './pending-reason';
import { ShownTasks, toShownTasks, toTasksPageVm } from './tasks-page-vm';

describe('toTasksPageVm', () => {
  const base = {
    runningOn: new Map<string, string>(),
    pendingReasons: new Map<string, PendingReason>(),
    query: DEFAULT_TASK_QUERY,
    intervalMs: 3000,
    cancelling: new Map<string, Cancellation>(),
  };
  const poll = NOT_POLLED;

  it('is loading, then an error only while nothing ever loaded', () => {
    expect(toTasksPageVm({ ...base, poll })).toEqual({ kind: 'loading' });
    expect(toTasksPageVm({ ...base, poll: aFailedPoll('down') })).toEqual({
      kind: 'error',
      message: 'down',
    });
  });

  it('says the master has no database, rather than an error to retry, when it cannot list tasks at all', () => {
    const failure = { kind: 'no-database', body: 'Database not available' } as const;
    const noDatabase = aFailedPoll('The master has no database…', failure);

    expect(toTasksPageVm({ ...base, poll: noDatabase })).toEqual({ kind: 'no-database' });
  });

  it('keeps the list on screen after a failed refresh, and says so', () => {
    const vm = toTasksPageVm({ ...base, poll: aPoll([aTask()], 5, 'slow') });

    expect(vm.kind === 'ready' && vm.rows.length).toBe(1);
    expect(vm.kind === 'ready' && vm.lastError).toBe('slow');
  });

  it('shows the worker a running task is on, from telemetry', () => {
    const task = aTask({ task_id: 'task-9', status: 'running' });
    const vm = toTasksPageVm({
      ...base,
      runningOn: new Map([['task-9', 'kiwi']]),
      poll: aPoll([task], 5),
    });

    expect(vm.kind === 'ready' && vm.rows[0].workerId).toBe('kiwi');
  });

  it('when only the running workers change, gives the page that making it anew gives, keeping the other rows', () => {
    const tasks = [
      aTask({ task_id: 'task-1', status: 'running', created_at: 30 }),
      aTask({ task_id: 'task-2', status: 'running', created_at: 20 }),
      aTask({ task_id: 'task-3', status: 'pending', created_at: 10 }),
    ];
    const inputs = { ...base, poll: aPoll(tasks, 5), runningOn: new Map([['task-1', 'kiwi']]) };
    const first = { inputs, vm: toTasksPageVm(inputs) };
    const moved = { ...inputs, runningOn: new Map([['task-2', 'lime']]), intervalMs: 10_000 };

    const patched = toTasksPageVm(moved, first);

    expect(patched).toEqual(toTasksPageVm(moved));
    const before = first.vm.kind === 'ready' ? first.vm : null;
    const after = patched.kind === 'ready' ? patched : null;
    expect(after?.rowsById.get('task-3')).toBe(before?.rowsById.get('task-3'));
    expect(after?.rowsById.get('task-1')?.workerId).toBeNull();
    expect(after?.rowsById.get('task-2')?.workerId).toBe('lime');
  });

  it('when only the pending reasons change, gives the page that making it anew gives, keeping the other rows', () => {
    const tasks = [
      aTask({ task_id: 'task-1', status: 'pending', created_at: 30 }),
      aTask({ task_id: 'task-2', status: 'running', created_at: 20 }),
    ];
    const never: PendingReason = { kind: 'never', short: [], unknownCapacity: 0, best: null };
    const inputs = { ...base, poll: aPoll(tasks, 5) };
    const first = { inputs, vm: toTasksPageVm(inputs) };
    const judged = { ...inputs, pendingReasons: new Map([['task-1', never]]) };

    const patched = toTasksPageVm(judged, first);

    expect(patched).toEqual(toTasksPageVm(judged));
    expect(patched.kind === 'ready' && patched.pendingCounts.never).toBe(1);
    expect(patched.kind === 'ready' && patched.rowsById.get('task-2')).toBe(
      first.vm.kind === 'ready' ? first.vm.rowsById.get('task-2')! : undefined!,
    );
    // Filtered by reason, the rows are selected again.
    const filtered = { ...judged, query: { ...DEFAULT_TASK_QUERY, status: 'pending-never' as const } };
    const unfiltered = { ...inputs, query: filtered.query };
    expect(toTasksPageVm(filtered, { inputs: unfiltered, vm: toTasksPageVm(unfiltered) })).toEqual(
      toTasksPageVm(filtered),
    );
  });

  it('gives a reason only to tasks the master lists as pending, not to unknown statuses', () => {
    const never: PendingReason = { kind: 'never', short: [], unknownCapacity: 0, best: null };
    const tasks = [
      aTask({ task_id: 'waiting', status: 'pending' }),
      aTask({ task_id: 'odd', status: 'not_found' }),
      aTask({ task_id: 'blank', status: '' }),
    ];
    const reasons = new Map(tasks.map((task) => [task.task_id, never]));

    const vm = toTasksPageVm({ ...base, poll: aPoll(tasks, 5), pendingReasons: reasons });

    const reasonOf = (taskId: string) => (vm.kind === 'ready' ? vm.rowsById.get(taskId)?.pendingReason : undefined);
    expect(reasonOf('waiting')).toBe(never);
    expect(reasonOf('odd')).toBeNull();
    expect(reasonOf('blank')).toBeNull();
    expect(vm.kind === 'ready' && vm.pendingCounts.never).toBe(1);
  });

  it('sorts again when the list is sorted by worker and the workers change', () => {
    const tasks = [aTask({ task_id: 'task-1', status: 'running' }), aTask({ task_id: 'task-2', status: 'running' })];
    const query = { ...DEFAULT_TASK_QUERY, sort: 'worker' as const, direction: 'asc' as const };
    const inputs = {
      ...base,
      query,
      poll: aPoll(tasks, 5),
      runningOn: new Map([
        ['task-1', 'b'],
        ['task-2', 'a'],
      ]),
    };
    const first = { inputs, vm: toTasksPageVm(inputs) };
    const swapped = {
      ...inputs,
      runningOn: new Map([
        ['task-1', 'a'],
        ['task-2', 'b'],
      ]),
    };

    const vm = toTasksPageVm(swapped, first);

    expect(vm.kind === 'ready' && vm.rows.map((row) => row.task.task_id)).toEqual(['task-1', 'task-2']);
  });

  it('counts every task, whatever the filter', () => {
    const tasks = [aTask({ status: 'running' }), aTask({ status: 'completed' })];
    const vm = toTasksPageVm({
      ...base,
      query: { ...DEFAULT_TASK_QUERY, status: 'running' },
      poll: aPoll(tasks, 5),
    });

    expect(vm.kind === 'ready' && vm.rows.length).toBe(1);
    expect(vm.kind === 'ready' && vm.counts.all).toBe(2);
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
          observedAt: null,
          verifying: false,
        },
      ],
    ]);
    const vm = toTasksPageVm({
      ...base,
      cancelling,
      poll: aPoll([task, aTask({ status: 'running' })], 5),
    });

    expect(vm.kind === 'ready' && vm.rows.find((row) => row.cancelling)?.task.status).toBe('cancelled');
    expect(vm.kind === 'ready' && [vm.counts.running, vm.counts.cancelled]).toEqual([1, 1]);
  });
});

describe('toShownTasks', () => {
  const base = {
    runningOn: new Map<string, string>(),
    pendingReasons: new Map<string, PendingReason>(),
    query: DEFAULT_TASK_QUERY,
    intervalMs: 3000,
    cancelling: new Map<string, Cancellation>(),
  };
  const listOf = (...tasks: ReturnType<typeof aTask>[]) => toTasksPageVm({ ...base, poll: aPoll(tasks, 1) });
  const ids = (shown: ShownTasks) => shown.rows.map((row) => row.task.task_id);
  const older = aTask({ task_id: 'old', created_at: 1 });
  const newer = aTask({ task_id: 'new', created_at: 2 });

  it('follows the data while nothing holds it', () => {
    const shown = toShownTasks(toShownTasks(null, listOf(older), false, 0), listOf(older, newer), false, 0);

    expect(ids(shown)).toEqual(['new', 'old']);
    expect(shown.waitingChanges).toBe(0);
  });

  it('holds the order while held, counts what waits, and applies it on request', () => {
    const held = toShownTasks(toShownTasks(null, listOf(older), true, 0), listOf(older, newer), true, 0);
    expect(ids(held)).toEqual(['old']);
    expect(held.waitingChanges).toBe(1);

    const applied = toShownTasks(held, listOf(older, newer), true, 1);
    expect(ids(applied)).toEqual(['new', 'old']);
    expect(applied.waitingChanges).toBe(0);
  });
});
