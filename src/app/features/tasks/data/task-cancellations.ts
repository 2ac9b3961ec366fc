import { isFinishedStatus } from '../../../shared/cloudai/task.model';
import { CancelEvent, CancelOutcome, Cancellation, CancellationsState } from './task-cancellation-model';

const SETTLED_KEPT = 500;

/**
 * The optimistic-cancel state machine. A cancel is confirmed as soon as a poll shows the task
 * `cancelled`. It is rolled back when the request fails, or when polls still show another status
 * `settleMs` after the master acknowledged it (the real master answers 200 even when it did nothing).
 */
export function reduceCancellations(
  state: CancellationsState,
  event: CancelEvent,
  settleMs: number,
): CancellationsState {
  const pending = new Map(state.pending);
  const outcomes: CancelOutcome[] = [];
  const toVerify: string[] = [];
  let changed = false;
  switch (event.kind) {
    case 'requested':
      if (!pending.has(event.taskId)) {
        pending.set(event.taskId, {
          taskId: event.taskId,
          previousStatus: event.previousStatus,
          requestedAt: event.at,
          acknowledgedAt: null,
          observedStatus: event.previousStatus,
          observedAt: null,
          verifying: false,
        });
        changed = true;
      }
      break;
    case 'acknowledged': {
      const cancellation = pending.get(event.taskId);
      if (cancellation) {
        pending.set(event.taskId, { ...cancellation, acknowledgedAt: event.at });
        changed = true;
      }
      break;
    }
    case 'failed': {
      const cancellation = pending.get(event.taskId);
      if (cancellation) {
        pending.delete(event.taskId);
        outcomes.push(
          rolledBack(
            cancellation,
            `Cancelling ${event.taskId} failed: ${event.message} It is ${cancellation.previousStatus} again.`,
          ),
        );
      }
      break;
    }
    case 'not-sent': {
      const cancellation = pending.get(event.taskId);
      if (cancellation) {
        pending.delete(event.taskId);
        outcomes.push({ taskId: event.taskId, kind: 'not-sent', message: event.message });
      }
      break;
    }
    case 'verified': {
      const cancellation = pending.get(event.taskId);
      if (cancellation?.verifying) {
        pending.delete(event.taskId);
        outcomes.push(verifiedOutcome(cancellation, event.resultStatus));
      }
      break;
    }
    case 'observed':
    case 'tick':
      for (const cancellation of state.pending.values()) {
        const observed =
          event.kind === 'observed'
            ? { observedStatus: event.statuses.get(cancellation.taskId) ?? null, observedAt: event.at }
            : { observedStatus: cancellation.observedStatus, observedAt: cancellation.observedAt };
        const { observedStatus } = observed;
        const decision = decide({ ...cancellation, ...observed }, event.at, settleMs);
        if (decision === 'verify') {
          pending.set(cancellation.taskId, { ...cancellation, ...observed, verifying: true });
          toVerify.push(cancellation.taskId);
          changed = true;
        } else if (decision) {
          pending.delete(cancellation.taskId);
          outcomes.push(decision);
        } else if (observedStatus !== cancellation.observedStatus || observed.observedAt !== cancellation.observedAt) {
          pending.set(cancellation.taskId, { ...cancellation, ...observed });
          changed = true;
        }
      }
      break;
  }
  if (!changed && outcomes.length === 0) {
    return state.outcomes.length === 0 && state.toVerify.length === 0 ? state : { ...state, outcomes, toVerify };
  }
  return { pending, settled: remember(state.settled, outcomes), outcomes, toVerify };
}

function decide(cancellation: Cancellation, now: number, settleMs: number): CancelOutcome | 'verify' | null {
  const { taskId, observedStatus, acknowledgedAt, observedAt } = cancellation;
  if (cancellation.verifying) {
    return null;
  }
  if (observedStatus === 'cancelled') {
    return { taskId, kind: 'cancelled', message: `Task ${taskId} was cancelled.` };
  }
  // Another end after the master acted on the cancel: ended by itself first, or cancelled and then
  // overwritten by a log stream's final state. Only the stored result can tell.
  if (
    acknowledgedAt !== null &&
    observedAt !== null &&
    observedAt > acknowledgedAt &&
    observedStatus !== null &&
    observedStatus !== 'running'
  ) {
    return 'verify';
  }
  // Roll back only on a list fetched after the master answered: an old one (polling paused, the
  // tab hidden, a slow or failing poll) says nothing about the cancel.
  if (
    acknowledgedAt === null ||
    now - acknowledgedAt < settleMs ||
    observedAt === null ||
    observedAt <= acknowledgedAt
  ) {
    return null;
  }
  if (observedStatus === null) {
    return rolledBack(
      cancellation,
      `Task ${taskId} is no longer listed by the master; its cancel could not be confirmed.`,
    );
  }
  return rolledBack(
    cancellation,
    isFinishedStatus(observedStatus)
      ? `Task ${taskId} ${observedStatus} before the cancel reached it.`
      : `The master accepted the cancel of ${taskId}, but it is still ${observedStatus || 'in an empty status'}.`,
  );
}

/** The stored result of a task whose list status disagreed with its cancel. */
function verifiedOutcome(cancellation: Cancellation, resultStatus: string | null): CancelOutcome {
  const { taskId, observedStatus } = cancellation;
  const shown = observedStatus === '' ? 'an empty status' : `“${observedStatus}”`;
  if (resultStatus === 'cancelled') {
    return {
      taskId,
      kind: 'cancelled',
      message: `Task ${taskId} was cancelled, but the master's task list now says ${shown}: a log stream open when its container stopped overwrote the status. Its stored result says cancelled.`,
    };
  }
  return rolledBack(
    cancellation,
    observedStatus && isFinishedStatus(observedStatus)
      ? `Task ${taskId} ${observedStatus} before the cancel reached it.`
      : `The master accepted the cancel of ${taskId}, but it is now ${shown}.`,
  );
}

function rolledBack(cancellation: Cancellation, message: string): CancelOutcome {
  return { taskId: cancellation.taskId, kind: 'rolled-back', message };
}

function remember(
  settled: ReadonlyMap<string, CancelOutcome>,
  outcomes: readonly CancelOutcome[],
): ReadonlyMap<string, CancelOutcome> {
  if (outcomes.length === 0) return settled;
  const next = new Map(settled);
  for (const outcome of outcomes) {
    next.delete(outcome.taskId);
    next.set(outcome.taskId, outcome);
  }
  for (const taskId of next.keys()) {
    if (next.size <= SETTLED_KEPT) break;
    next.delete(taskId);
  }
  return next;
}
