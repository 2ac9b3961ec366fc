import { LOST_AFTER_MS, PendingReason, PlacementWorker } from './pending-reason';
import { judgeByAmounts, withTimes } from './pending-judgement';

describe('judgeByAmounts and withTimes', () => {
  const kiwi: PlacementWorker = {
    id: 'kiwi',
    active: true,
    capacity: { cpu: 12, memory: 8, storage: 100, gpu: 0 },
    available: { cpu: 12, memory: 8, storage: 100, gpu: 0 },
  };
  const full: PlacementWorker = { ...kiwi, available: { cpu: 0, memory: 0, storage: 100, gpu: 0 } };
  const task = (taskId: string, storage = 5) => ({
    task_id: taskId,
    cpu_required: 1,
    memory_required: 1,
    storage_required: storage,
    gpu_required: 0,
  });

  const nextReasons = (
    previous: ReadonlyMap<string, PendingReason>,
    pending: ReturnType<typeof task>[],
    placement: PlacementWorker[],
    now: number,
  ) => withTimes(previous, judgeByAmounts(pending, placement), now);

  it('keeps the time a task was first seen fitting, and calls it lost once that is long past', () => {
    const first = nextReasons(new Map(), [task('a')], [kiwi], 1000);
    const later = nextReasons(first, [task('a')], [kiwi], 1000 + LOST_AFTER_MS);

    expect(first.get('a')).toEqual(jasmine.objectContaining({ kind: 'ready', since: 1000 }));
    expect(later.get('a')).toEqual(jasmine.objectContaining({ kind: 'lost', since: 1000 }));
  });

  it('starts the count again when the task stopped fitting in between', () => {
    const fitted = nextReasons(new Map(), [task('a')], [kiwi], 1000);
    const busy = nextReasons(fitted, [task('a')], [full], 2000);
    const again = nextReasons(busy, [task('a')], [kiwi], 1000 + LOST_AFTER_MS);

    expect(busy.get('a')?.kind).toBe('busy');
    expect(again.get('a')).toEqual(jasmine.objectContaining({ kind: 'ready', since: 1000 + LOST_AFTER_MS }));
  });

  it('returns the same map while no reason changed, and forgets tasks no longer pending', () => {
    const first = nextReasons(new Map(), [task('a'), task('b', 1024)], [kiwi], 1000);

    expect(nextReasons(first, [task('a'), task('b', 1024)], [kiwi], 2000)).toBe(first);
    expect([...nextReasons(first, [task('b', 1024)], [kiwi], 2000).keys()]).toEqual(['b']);
    expect(first.get('b')?.kind).toBe('never');
  });
});
