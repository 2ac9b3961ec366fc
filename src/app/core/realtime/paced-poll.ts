import { MonoTypeOperatorFunction, defer, tap } from 'rxjs';
import { NOT_POLLED, addAnswer } from '../../shared/streams/smart-poll';
import { Fetched, PollState, hasAnswered, problemOf } from '../../shared/streams/load-state';

/** A state of the poller running at one pace, which the socket sets: fast while it is down. */
export interface PaceState<T> {
  readonly socketDown: boolean;
  readonly state: PollState<T>;
}

/** One endpoint polled at the pace the socket allows, a new poller for each change of pace. */
export interface PacedPoll<T> {
  /** Whether it polls at the fallback pace, the socket being down. */
  readonly socketDown: boolean;
  /** What the poller at the current pace knows; `null` until its first answer. */
  readonly sincePaceChange: PollState<T> | null;
  /** Every answer at any pace, as one poller making every request would tell them. */
  readonly overall: PollState<T>;
}

export const NO_PACED_POLL: PacedPoll<never> = { socketDown: false, sincePaceChange: null, overall: NOT_POLLED };

/**
 * Folds the states of successive pollers, each seen from its first (unanswered) state on: every
 * later state is exactly one new answer, added to `overall` as `smartPoll` itself would.
 */
export function addPaceState<T>(poll: PacedPoll<T>, { socketDown, state }: PaceState<T>): PacedPoll<T> {
  const answer = latestAnswer(state);
  if (answer === null) {
    return { socketDown, sincePaceChange: null, overall: poll.overall };
  }
  // As smartPoll adds it: the data keeps its reference while equal, whichever poller fetched it.
  return { socketDown, sincePaceChange: state, overall: addAnswer(poll.overall, answer) };
}

/** The answer a poller's state reports last, `null` before its first. */
function latestAnswer<T>(state: PollState<T>): Fetched<T> | null {
  switch (state.kind) {
    case 'idle':
    case 'loading':
      return null;
    case 'error':
      return { kind: 'error', message: state.message, failure: state.failure };
    case 'ready':
      return state.refreshError === undefined
        ? { kind: 'ready', data: state.data, updatedAt: state.updatedAt }
        : { kind: 'error', message: state.refreshError };
  }
}

/**
 * Calls `onAnswering` when the poller answers for the first time or after failing, before the
 * answer goes on. While the socket is down, that is the master answering again: the socket need
 * not wait out its backoff. Each subscription watches on its own.
 */
export function onAnsweringAgain<T>(onAnswering: () => void): MonoTypeOperatorFunction<PollState<T>> {
  return (states$) =>
    defer(() => {
      let answering = false;
      return states$.pipe(
        tap((state) => {
          if (!hasAnswered(state)) {
            return;
          }
          const answeringNow = problemOf(state) === null;
          if (answeringNow && !answering) {
            onAnswering();
          }
          answering = answeringNow;
        }),
      );
    });
}
