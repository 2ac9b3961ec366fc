import { MonoTypeOperatorFunction, defer, tap } from 'rxjs';
import { NOT_POLLED, PollState, keepIfEqual } from '../../shared/streams/smart-poll';

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

/** Whether a poller has had an answer: a success sets `lastUpdated`, a failure `lastError`. */
export function hasAnswered(state: PollState<unknown>): boolean {
  return state.lastUpdated !== null || state.lastError !== null;
}

/**
 * Folds the states of successive pollers, each seen from its first (unanswered) state on: every
 * later state is exactly one new answer, added to `overall` as `smartPoll` itself would.
 */
export function addPaceState<T>(poll: PacedPoll<T>, { socketDown, state }: PaceState<T>): PacedPoll<T> {
  if (!hasAnswered(state)) {
    return { socketDown, sincePaceChange: null, overall: poll.overall };
  }
  return { socketDown, sincePaceChange: state, overall: addAnswer(poll.overall, state) };
}

function addAnswer<T>(overall: PollState<T>, latest: PollState<T>): PollState<T> {
  if (latest.lastError !== null) {
    return {
      ...overall,
      lastError: latest.lastError,
      lastFailure: latest.lastFailure,
      consecutiveFailures: overall.consecutiveFailures + 1,
    };
  }
  // As in smartPoll: the same reference while the data is structurally equal, whichever poller fetched it.
  return { ...latest, data: latest.data === undefined ? undefined : keepIfEqual(overall.data, latest.data) };
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
          const answeringNow = state.lastError === null;
          if (answeringNow && !answering) {
            onAnswering();
          }
          answering = answeringNow;
        }),
      );
    });
}
