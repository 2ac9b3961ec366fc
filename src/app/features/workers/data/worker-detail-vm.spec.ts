import { aFailedPoll, aLiveWorker, aPoll } from '../../../testing/builders';
import { NOT_POLLED } from '../../../shared/streams/smart-poll';
import { toWorkerDetailVm } from './worker-detail-vm';

describe('toWorkerDetailVm', () => {
  const noAssignments = NOT_POLLED;

  it('finds the worker and sorts its assignments newest first', () => {
    const kiwi = aLiveWorker({ id: 'kiwi' });
    const assignments = aPoll([
      { task_id: 'a', assigned_at: 1 },
      { task_id: 'b', assigned_at: 5 },
    ]);
    const vm = toWorkerDetailVm({
      id: 'kiwi',
      workers: { kind: 'ready', data: [kiwi], updatedAt: 0 },
      assignments,
      now: 9,
    });

    expect(vm.kind === 'ready' && vm.worker).toBe(kiwi);
    expect(vm.kind === 'ready' && vm.assignments?.map((a) => a.task_id)).toEqual(['b', 'a']);
  });

  it('says not found for an id the master does not know, rather than failing', () => {
    const vm = toWorkerDetailVm({
      id: 'ghost',
      workers: { kind: 'ready', data: [aLiveWorker()], updatedAt: 0 },
      assignments: noAssignments,
      now: 0,
    });

    expect(vm).toEqual({ kind: 'not-found', id: 'ghost' });
  });

  it('shows the history as still loading, and its error apart from the worker', () => {
    const kiwi = aLiveWorker({ id: 'kiwi' });
    const vm = toWorkerDetailVm({
      id: 'kiwi',
      workers: { kind: 'ready', data: [kiwi], updatedAt: 0 },
      assignments: aFailedPoll('Database not available (HTTP 503)'),
      now: 0,
    });

    expect(vm.kind === 'ready' && vm.assignments).toBeNull();
    expect(vm.kind === 'ready' && vm.assignmentsError).toBe('Database not available (HTTP 503)');
  });

  it('passes loading and errors of the worker list through', () => {
    expect(toWorkerDetailVm({ id: 'x', workers: { kind: 'loading' }, assignments: noAssignments, now: 0 })).toEqual({
      kind: 'loading',
    });
  });
});
