import { MAX_SAMPLES, UsageHistory, UsageSample } from './usage-history';

describe('UsageHistory', () => {
  const sample = (at: number, cpu = at / 1000): UsageSample => ({ at, cpu, memory: 20, gpu: 0 });
  const times = (history: UsageHistory) => history.column('at');

  it('keeps samples oldest first, as columns and as samples', () => {
    const history = UsageHistory.of([sample(1000), sample(2000)]);

    expect(history.length).toBe(2);
    expect(history.column('cpu')).toEqual([1, 2]);
    expect(history.toArray()).toEqual([sample(1000), sample(2000)]);
  });

  it('drops samples older than the window behind the newest', () => {
    let history = UsageHistory.EMPTY;
    for (let at = 0; at <= 100_000; at += 10_000) history = history.append(sample(at), 30_000);

    expect(times(history)).toEqual([70_000, 80_000, 90_000, 100_000]);
  });

  it('wraps around its buffer without losing order', () => {
    let history = UsageHistory.EMPTY;
    for (let at = 0; at < 1000; at += 1) history = history.append(sample(at), 100);

    expect(history.length).toBe(101);
    expect(history.valueAt('at', 0)).toBe(899);
    expect(history.valueAt('at', 100)).toBe(999);
  });

  it('grows for dense heartbeats, up to its limit, then keeps the newest', () => {
    let history = UsageHistory.EMPTY;
    for (let at = 0; at < MAX_SAMPLES + 10; at += 1) history = history.append(sample(at), Number.POSITIVE_INFINITY);

    expect(history.length).toBe(MAX_SAMPLES);
    expect(history.valueAt('at', 0)).toBe(10);
  });

  it('is a new object on every append, so views see the change', () => {
    const first = UsageHistory.of([sample(1000)]);

    expect(first.append(sample(2000), 60_000)).not.toBe(first);
  });

  it('never lets an older view corrupt a newer one', () => {
    const base = UsageHistory.of([sample(1000)]);
    const newer = base.append(sample(2000), 60_000);
    const branch = base.append(sample(3000), 60_000);

    expect(times(newer)).toEqual([1000, 2000]);
    expect(times(branch)).toEqual([1000, 3000]);
  });
});
