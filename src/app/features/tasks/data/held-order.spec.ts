import { aTask } from '../../../testing/builders';
import { holdRowOrder } from './held-order';
import { TaskRow } from './task-rows';

describe('holdRowOrder', () => {
  const row = (taskId: string, status = 'running'): TaskRow => ({
    task: aTask({ task_id: taskId, status }),
    workerId: null,
    cancelling: false,
    pendingReason: null,
  });
  const byId = (rows: TaskRow[]) => new Map(rows.map((r) => [r.task.task_id, r]));
  const ids = (rows: readonly TaskRow[]) => rows.map((r) => r.task.task_id);

  it('waits for nothing when the order has not changed', () => {
    const fresh = [row('a'), row('b'), row('c')];

    expect(holdRowOrder(['a', 'b', 'c'], fresh, byId(fresh))).toEqual({ rows: fresh, waitingChanges: 0 });
  });

  it('keeps the held order but shows each row’s latest data', () => {
    const fresh = [row('b'), row('a', 'completed')];
    const held = holdRowOrder(['a', 'b'], fresh, byId(fresh));

    expect(ids(held.rows)).toEqual(['a', 'b']);
    expect(held.rows[0].task.status).toBe('completed');
    expect(held.waitingChanges).toBe(1);
  });

  it('counts one task moving to the top as one change, not a shift of every row', () => {
    const fresh = [row('d'), row('a'), row('b'), row('c')];

    expect(holdRowOrder(['a', 'b', 'c', 'd'], fresh, byId(fresh)).waitingChanges).toBe(1);
  });

  it('holds new tasks back and keeps rows that left the filter, counting both', () => {
    const all = [row('a'), row('b', 'completed'), row('new')];
    const fresh = [row('new'), row('a')];
    const held = holdRowOrder(['a', 'b'], fresh, byId(all));

    expect(ids(held.rows)).toEqual(['a', 'b']);
    expect(held.waitingChanges).toBe(2);
  });
});
