import { aTask } from '../../../testing/builders';
import { TASK_EXPORT_FIELDS, taskExportRecord } from './task-export';

describe('taskExportRecord', () => {
  it('has every column, times in UTC, and says why a pending task waits', () => {
    const record = taskExportRecord({
      task: aTask({ task_id: 'task-7', status: 'pending', created_at: 1_764_650_000, storage_required: 1024 }),
      workerId: null,
      cancelling: false,
      pendingReason: { kind: 'no-workers' },
    });

    expect(Object.keys(record)).toEqual([...TASK_EXPORT_FIELDS]);
    expect(record['created_at_utc']).toBe('2025-12-02T04:33:20.000Z');
    expect(record['storage_required_gb']).toBe(1024);
    expect(record['worker_id']).toBeNull();
    expect(record['why_pending']).toEqual(jasmine.any(String));
  });
});
