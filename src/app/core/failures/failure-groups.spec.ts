import { FailedTask, failureKeyOf, groupFailures } from './failure-groups';

describe('groupFailures', () => {
  const failed = (
    taskId: string,
    image: string,
    text: string,
    failedAt: number,
    workerId: string | null,
  ): FailedTask => ({
    taskId,
    image,
    workerId,
    failedAt,
    signature: { kind: 'program', text },
  });

  it('groups by image and cause, most frequent first, with first and last seen and the workers involved', () => {
    const groups = groupFailures([
      failed('t1', 'trainer:2', 'MemoryError', 100, 'kiwi'),
      failed('t2', 'trainer:2', 'MemoryError', 300, 'atlas'),
      failed('t3', 'etl:1', 'MemoryError', 200, 'kiwi'),
      failed('t4', 'trainer:2', 'MemoryError', 200, null),
    ]);

    expect(groups.map((group) => [group.image, group.count])).toEqual([
      ['trainer:2', 3],
      ['etl:1', 1],
    ]);
    expect(groups[0]).toEqual(
      jasmine.objectContaining({
        firstSeen: 100,
        lastSeen: 300,
        workers: ['atlas', 'kiwi'],
        taskIds: ['t2', 't4', 't1'],
      }),
    );
    expect(groups[0].key).toBe(failureKeyOf('trainer:2', { kind: 'program', text: 'MemoryError' }));
  });

  it('gives different keys to different causes and the same key to the same one', () => {
    const key = (image: string, text: string) => failureKeyOf(image, { kind: 'program', text });

    expect(key('a:1', 'x')).toBe(key('a:1', 'x'));
    expect(key('a:1', 'x')).not.toBe(key('a:1', 'y'));
    expect(key('a:1', 'x')).not.toBe(key('a:2', 'x'));
    expect(key('a:1', 'x')).toMatch(/^[0-9a-z]+$/);
  });
});
