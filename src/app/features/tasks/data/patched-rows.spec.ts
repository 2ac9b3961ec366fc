import { aTask } from '../../../testing/builders';
import { PatchedRows } from './patched-rows';
import { TaskRow } from './task-rows';

describe('PatchedRows', () => {
  const row = (taskId: string, workerId: string | null = null): TaskRow => ({
    task: aTask({ task_id: taskId }),
    workerId,
    cancelling: false,
    pendingReason: null,
  });

  it('gives the remade rows in place of the poll’s, in the poll’s order, and leaves the rows it came from as they were', () => {
    const rows = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => row(id));
    const polled = PatchedRows.of(rows);
    const moved = row('b', 'kiwi');

    const patched = polled.with(new Map([['b', moved]]));

    expect(patched.get('b')).toBe(moved);
    expect(patched.get('a')).toBe(rows[0]);
    expect(patched.get('zz')).toBeUndefined();
    expect([...patched.values()]).toEqual([rows[0], moved, ...rows.slice(2)]);
    expect(polled.get('b')).toBe(rows[1]);
  });

  it('keeps every remade row when patches pile up past a quarter of the list', () => {
    const rows = ['a', 'b', 'c', 'd'].map((id) => row(id));
    let patched = PatchedRows.of(rows);
    for (const id of ['a', 'b', 'c']) patched = patched.with(new Map([[id, row(id, 'kiwi')]]));

    expect([...patched.values()].map((each) => each.workerId)).toEqual(['kiwi', 'kiwi', 'kiwi', null]);
  });
});
