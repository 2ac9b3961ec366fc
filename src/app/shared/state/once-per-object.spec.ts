import { oncePerObject } from './once-per-object';

describe('oncePerObject', () => {
  it('computes once for each object and gives the same result again', () => {
    const compute = jasmine
      .createSpy('compute')
      .and.callFake((list: readonly number[]) => ({ sum: list.reduce((a, b) => a + b, 0) }));
    const sumOf = oncePerObject(compute);
    const list = [1, 2, 3];

    const first = sumOf(list);

    expect(first).toEqual({ sum: 6 });
    expect(sumOf(list)).toBe(first);
    expect(sumOf([1, 2, 3])).not.toBe(first);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('remembers a result that is falsy', () => {
    const compute = jasmine.createSpy('compute').and.returnValue(0);
    const zero = oncePerObject(compute);
    const key = {};

    zero(key);
    zero(key);

    expect(compute).toHaveBeenCalledTimes(1);
  });
});
