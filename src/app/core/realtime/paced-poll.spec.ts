import { asyncScheduler, of } from 'rxjs';
import { PollState, dataOf, updatedAtOf } from '../../shared/streams/load-state';
import { aPoll } from '../../testing/builders';
import { marbles } from '../../testing/marbles';
import { NOT_POLLED } from '../../shared/streams/smart-poll';
import { NO_PACED_POLL, PaceState, PacedPoll, addPaceState, onAnsweringAgain } from './paced-poll';

describe('addPaceState', () => {
  const ok = (data: string[], at: number): PollState<string[]> => aPoll(data, at);
  /** A poller's state after `failures` failures in a row, following `after`. */
  const failed = (after: PollState<string[]>, failures: number): PollState<string[]> =>
    after.kind === 'ready'
      ? { ...after, refreshError: 'boom', consecutiveFailures: failures }
      : { kind: 'error', message: 'boom', consecutiveFailures: failures };
  const fold = (...states: PaceState<string[]>[]): PacedPoll<string[]> =>
    states.reduce(addPaceState<string[]>, NO_PACED_POLL);
  const up = (state: PollState<string[]>) => ({ socketDown: false, state });
  const down = (state: PollState<string[]>) => ({ socketDown: true, state });

  it('knows nothing of a poller until it answers', () => {
    expect(fold(up(NOT_POLLED))).toEqual({ socketDown: false, sincePaceChange: null, overall: NOT_POLLED });
  });

  it('keeps every answer overall across changes of pace, but each pace only its own', () => {
    const early = ok(['kiwi'], 10);
    const poll = fold(up(NOT_POLLED), up(early), down(NOT_POLLED), down(failed(NOT_POLLED, 1)));

    expect(poll.socketDown).toBeTrue();
    expect(poll.sincePaceChange).toEqual(failed(NOT_POLLED, 1));
    expect(poll.overall).toEqual(failed(early, 1));
  });

  it('counts consecutive failures across changes of pace, until a success', () => {
    const poll = fold(
      up(NOT_POLLED),
      up(failed(NOT_POLLED, 1)),
      down(NOT_POLLED),
      down(failed(NOT_POLLED, 1)),
      down(failed(NOT_POLLED, 2)),
    );
    expect(poll.overall.consecutiveFailures).toBe(3);

    const recovered = addPaceState(poll, down(ok(['fig'], 90)));
    expect(recovered.overall).toEqual(ok(['fig'], 90));
    expect(recovered.sincePaceChange).toEqual(ok(['fig'], 90));
  });

  it('keeps the data reference while answers are structurally equal, whichever poller fetched them', () => {
    const first = ['kiwi'];
    const poll = fold(up(NOT_POLLED), up(ok(first, 10)), down(NOT_POLLED), down(ok(['kiwi'], 20)));

    expect(dataOf(poll.overall)).toBe(first);
    expect(updatedAtOf(poll.overall)).toBe(20);
  });
});

describe('onAnsweringAgain', () => {
  const answer = (at: number): PollState<number> => aPoll(1, at);
  const failure: PollState<number> = aPoll(1, 10, 'boom');

  it('tells of the first answer and of each answer after failures, not of those between', () => {
    marbles(({ cold, expectObservable, flush }) => {
      const values = { i: NOT_POLLED, a: answer(10), b: answer(20), f: failure, c: answer(50), d: answer(60) };
      const states = cold('i 9ms a 9ms b 9ms f 9ms f 9ms c 9ms d', values);
      const told: number[] = [];

      expectObservable(states.pipe(onAnsweringAgain<number>(() => told.push(asyncScheduler.now()))), '100ms !').toBe(
        'i 9ms a 9ms b 9ms f 9ms f 9ms c 9ms d',
        values,
      );
      flush();
      expect(told).toEqual([10, 50]);
    });
  });

  it('tells before the answer goes on, and for each subscription on its own', () => {
    const log: string[] = [];
    const states = of(NOT_POLLED, answer(10)).pipe(onAnsweringAgain<number>(() => log.push('told')));

    states.subscribe((state) => log.push(state.kind === 'loading' ? 'waiting' : 'answer'));
    states.subscribe(() => undefined);

    expect(log).toEqual(['waiting', 'told', 'answer', 'told']);
  });
});
