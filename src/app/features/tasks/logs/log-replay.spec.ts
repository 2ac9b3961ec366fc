import { replayOverlap } from './log-replay';

describe('replayOverlap', () => {
  it('finds the longest tail of the shown lines that the replay starts with', () => {
    expect(replayOverlap(['a', 'b', 'c'], ['b', 'c', 'd'])).toBe(2);
    expect(replayOverlap(['a', 'b', 'c'], ['a', 'b', 'c', 'd'])).toBe(3);
    expect(replayOverlap(['a', 'b'], ['x'])).toBe(0);
    expect(replayOverlap([], ['a'])).toBe(0);
  });
});
