import { rowAfter } from './row-focus';

describe('rowAfter', () => {
  const ids = ['a', 'b', 'c'];
  const cases: { current: string | null; step: 1 | -1; expected: string | null; why: string }[] = [
    { current: null, step: 1, expected: 'a', why: 'nothing focused: the first row' },
    { current: null, step: -1, expected: 'a', why: 'nothing focused, moving up: the first row too' },
    { current: 'a', step: 1, expected: 'b', why: 'down one' },
    { current: 'c', step: -1, expected: 'b', why: 'up one' },
    { current: 'c', step: 1, expected: 'c', why: 'the last row holds' },
    { current: 'a', step: -1, expected: 'a', why: 'the first row holds' },
    { current: 'gone', step: 1, expected: 'a', why: 'the focused row left the list: the first row' },
  ];
  for (const { current, step, expected, why } of cases) {
    it(why, () => expect(rowAfter(ids, current, step)).toBe(expected));
  }

  it('is null for an empty list', () => expect(rowAfter([], 'a', 1)).toBeNull());
});
