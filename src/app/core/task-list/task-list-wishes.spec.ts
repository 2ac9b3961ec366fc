import { NO_WISHES, WishEvent, Wishes, pollPace, reduceWishes } from './task-list-wishes';
import { WISH_EXPIRES_MS } from '../data-worker/protocol';

describe('task list wishes', () => {
  const want = (portId: number, intervalMs: number, visible: boolean, at = 0): WishEvent => ({
    kind: 'message',
    portId,
    message: { kind: 'want', intervalMs, visible },
    at,
  });
  const fold = (...events: WishEvent[]): Wishes => events.reduce(reduceWishes, NO_WISHES);

  it('polls as often as the most eager visible tab, and not at all when no tab is visible', () => {
    expect(pollPace(fold(want(1, 3000, true), want(2, 1000, true), want(3, 500, false)), 3000)).toEqual({
      intervalMs: 1000,
      visible: true,
    });
    expect(pollPace(fold(want(1, 1000, false)), 3000)).toEqual({ intervalMs: 3000, visible: false });
    expect(pollPace(NO_WISHES, 3000).visible).toBeFalse();
  });

  it('lets a tab change its wish and leave', () => {
    const wishes = fold(want(1, 1000, true), want(2, 3000, true), want(1, 10_000, true));
    expect(pollPace(wishes, 3000).intervalMs).toBe(3000);

    const left = reduceWishes(wishes, { kind: 'message', portId: 2, message: { kind: 'leave' }, at: 0 });
    expect(pollPace(left, 3000).intervalMs).toBe(10_000);
  });

  it('forgets a tab that stopped repeating its wish (closed or crashed), keeping those that did', () => {
    const alive: WishEvent = { kind: 'message', portId: 2, message: { kind: 'alive' }, at: 20_000 };
    const wishes = fold(want(1, 1000, true, 0), want(2, 3000, true, 0), alive);
    const later = reduceWishes(wishes, { kind: 'tick', at: WISH_EXPIRES_MS });

    expect([...later.keys()]).toEqual([2]);
    expect(reduceWishes(later, { kind: 'tick', at: WISH_EXPIRES_MS + 1 })).toBe(later);
  });
});
