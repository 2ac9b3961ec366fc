import { CancelEvent, CancellationsState, NO_CANCELLATIONS, cancelBlockedReason } from './task-cancellation-model';
import { reduceCancellations } from './task-cancellations';

describe('reduceCancellations', () => {
  const SETTLE = 10_000;
  const run = (...events: CancelEvent[]): CancellationsState =>
    events.reduce((state, event) => reduceCancellations(state, event, SETTLE), NO_CANCELLATIONS);
  const requested: CancelEvent = { kind: 'requested', taskId: 't1', previousStatus: 'running', at: 0 };
  const acknowledged: CancelEvent = { kind: 'acknowledged', taskId: 't1', at: 12_000 };
  const observed = (status: string | null, at: number): CancelEvent => ({
    kind: 'observed',
    statuses: new Map(status === null ? [] : [['t1', status]]),
    at,
  });

  it('holds a cancel as pending from the moment it is asked for', () => {
    const state = run(requested);

    expect(state.pending.get('t1')).toEqual(
      jasmine.objectContaining({ previousStatus: 'running', acknowledgedAt: null }),
    );
    expect(state.outcomes).toEqual([]);
  });

  it('is confirmed as soon as the list shows the task cancelled, even before the master answers', () => {
    const state = run(requested, observed('cancelled', 3000));

    expect(state.pending.size).toBe(0);
    expect(state.outcomes).toEqual([{ taskId: 't1', kind: 'cancelled', message: 'Task t1 was cancelled.' }]);
    expect(state.settled.get('t1')?.kind).toBe('cancelled');
  });

  it('rolls back at once with the reason when the request fails', () => {
    const state = run(requested, { kind: 'failed', taskId: 't1', message: 'Boom (HTTP 500)' });

    expect(state.pending.size).toBe(0);
    expect(state.outcomes[0].kind).toBe('rolled-back');
    expect(state.outcomes[0].message).toBe('Cancelling t1 failed: Boom (HTTP 500) It is running again.');
  });

  it('waits while the request is slow, however long the list disagrees', () => {
    const state = run(requested, observed('running', 25_000), { kind: 'tick', at: 40_000 });

    expect(state.pending.has('t1')).toBeTrue();
  });

  it('gives the master the settle time after it answered before rolling back', () => {
    const stillRunning = run(requested, acknowledged, observed('running', 21_000));
    expect(stillRunning.pending.has('t1')).toBeTrue();

    const rolledBack = reduceCancellations(stillRunning, { kind: 'tick', at: 22_000 }, SETTLE);
    expect(rolledBack.pending.size).toBe(0);
    expect(rolledBack.outcomes[0].message).toBe('The master accepted the cancel of t1, but it is still running.');
  });

  it('asks the stored result when the list shows another end after the cancel, and says the task finished first', () => {
    const disagreeing = run(requested, acknowledged, observed('completed', 13_000));
    expect(disagreeing.toVerify).toEqual(['t1']);
    expect(disagreeing.pending.get('t1')?.verifying).toBeTrue();
    // Nothing is decided while the result is read, and it is asked for once.
    const waiting = reduceCancellations(disagreeing, { kind: 'tick', at: 30_000 }, SETTLE);
    expect(waiting.pending.has('t1')).toBeTrue();
    expect(waiting.toVerify).toEqual([]);

    const state = reduceCancellations(waiting, { kind: 'verified', taskId: 't1', resultStatus: 'completed' }, SETTLE);
    expect(state.outcomes[0]).toEqual({
      taskId: 't1',
      kind: 'rolled-back',
      message: 'Task t1 completed before the cancel reached it.',
    });
  });

  it('confirms a cancel whose status a log stream overwrote, as the stored result shows', () => {
    const state = [
      observed('failed', 13_000),
      { kind: 'verified', taskId: 't1', resultStatus: 'cancelled' } as CancelEvent,
    ].reduce((current, event) => reduceCancellations(current, event, SETTLE), run(requested, acknowledged));

    expect(state.outcomes[0].kind).toBe('cancelled');
    expect(state.outcomes[0].message).toContain('a log stream open when its container stopped overwrote the status');
  });

  it('does not cancel the same task twice while one is pending', () => {
    const state = run(requested, { ...requested, previousStatus: 'cancelled', at: 5 } as CancelEvent);

    expect(state.pending.get('t1')?.previousStatus).toBe('running');
  });

  it('keeps the same state object when nothing changed, so views do not re-render', () => {
    const state = run(requested, observed('running', 1000));

    expect(reduceCancellations(state, { kind: 'tick', at: 2000 }, SETTLE)).toBe(state);
  });
});

describe('reduceCancellations without a fresh list', () => {
  it('waits for a list fetched after the master answered before rolling back', () => {
    const requested: CancelEvent = { kind: 'requested', taskId: 't1', previousStatus: 'running', at: 0 };
    const stale: CancelEvent = { kind: 'observed', statuses: new Map([['t1', 'running']]), at: 5000 };
    const acknowledged: CancelEvent = { kind: 'acknowledged', taskId: 't1', at: 6000 };
    const state = [requested, stale, acknowledged, { kind: 'tick', at: 60_000 } as CancelEvent].reduce(
      (current, event) => reduceCancellations(current, event, 10_000),
      NO_CANCELLATIONS,
    );

    expect(state.pending.has('t1')).toBeTrue();
  });
});

describe('cancelBlockedReason', () => {
  it('offers cancel for running tasks only, and says why not for the others', () => {
    expect(cancelBlockedReason('running')).toBeNull();
    expect(cancelBlockedReason('pending')).toContain('cannot be cancelled');
    expect(cancelBlockedReason('completed')).toContain('overwrite its final status');
    expect(cancelBlockedReason('cancelled')).toBe(
      'This task was cancelled; cancelling it now would only overwrite its final status.',
    );
    expect(cancelBlockedReason('not_found')).toContain('not_found');
  });
});
