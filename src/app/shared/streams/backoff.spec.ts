import { backedOffInterval, fullJitterDelay } from './backoff';

describe('fullJitterDelay', () => {
  const policy = { initialMs: 500, maxMs: 10_000 };

  it('doubles the ceiling per attempt up to the cap', () => {
    const atCeiling = () => 1;

    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => fullJitterDelay(attempt, policy, atCeiling))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it('picks a random point below the ceiling', () => {
    expect(fullJitterDelay(3, policy, () => 0.25)).toBe(500);
    expect(fullJitterDelay(3, policy, () => 0)).toBe(0);
  });
});

describe('backedOffInterval', () => {
  it('keeps the interval while requests succeed', () => {
    expect(backedOffInterval(3000, 0, 60_000)).toBe(3000);
  });

  it('doubles per consecutive failure, capped', () => {
    expect([1, 2, 3, 4, 5, 6].map((failures) => backedOffInterval(3000, failures, 60_000))).toEqual([
      6000, 12_000, 24_000, 48_000, 60_000, 60_000,
    ]);
  });
});
