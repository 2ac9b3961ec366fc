import { aTask } from '../../testing/builders';
import { applyTaskListDelta, diffTaskList, fullTaskList } from './task-list-delta';

describe('task list deltas', () => {
  const a = aTask({ task_id: 'a', status: 'running' });
  const b = aTask({ task_id: 'b', status: 'pending' });
  const c = aTask({ task_id: 'c', status: 'pending' });

  it('sends everything to a tab that has nothing, and rebuilds the same list', () => {
    const rebuilt = applyTaskListDelta(undefined, fullTaskList([a, b]));

    expect(rebuilt).toEqual([a, b]);
  });

  it('sends only the tasks that changed, and no order when it is the same', () => {
    const finished = { ...a, status: 'completed' };
    const delta = diffTaskList([a, b], [finished, { ...b }]);

    expect(delta).toEqual({ full: false, ids: null, changed: [finished] });
  });

  it('sends the order when tasks come and go', () => {
    expect(diffTaskList([a, b], [c, a])).toEqual({ full: false, ids: ['c', 'a'], changed: [c] });
    expect(diffTaskList([a, b, c], [a, c])).toEqual({ full: false, ids: ['a', 'c'], changed: [] });
  });

  it('keeps the objects of unchanged tasks, and the list itself when nothing changed', () => {
    const previous = [a, b];
    const finished = { ...a, status: 'completed' };
    const next = applyTaskListDelta(previous, diffTaskList(previous, [finished, { ...b }]));

    expect(next[0]).toEqual(finished);
    expect(next[1]).toBe(b);
    expect(applyTaskListDelta(previous, { full: false, ids: null, changed: [] })).toBe(previous);
  });

  it('round-trips any change: applying the diff to the old list gives the new one', () => {
    const cases = [
      [[], [a]],
      [[a], []],
      [
        [a, b, c],
        [c, b, a],
      ],
      [
        [a, b],
        [{ ...b, status: '' }, a, c],
      ],
    ] as const;
    for (const [previous, next] of cases) {
      expect(applyTaskListDelta(previous, diffTaskList(previous, next))).toEqual(next);
    }
  });
});
