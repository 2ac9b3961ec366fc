import { TaskListEntry, isFinishedStatus } from '../../../shared/cloudai/task.model';

/** A cancel the dashboard shows optimistically until the master's task list agrees or it is rolled back. */
export interface Cancellation {
  readonly taskId: string;
  /** The status before the cancel, shown again on rollback. */
  readonly previousStatus: string;
  readonly requestedAt: number;
  /** When the master answered (it always answers 200); `null` while the request is in flight. */
  readonly acknowledgedAt: number | null;
  /** The status the last poll showed, `null` when the task was missing from it. */
  readonly observedStatus: string | null;
  /** When that poll's answer arrived; a rollback needs one that arrived after the master acknowledged. */
  readonly observedAt: number | null;
  /**
   * The list shows another final status after the master acknowledged: the stored result decides
   * (a log stream open when the container stopped overwrites `cancelled` with the container's state).
   */
  readonly verifying: boolean;
}

export interface CancelOutcome {
  readonly taskId: string;
  /** `not-sent`: the task was no longer running when the dashboard checked, right before sending. */
  readonly kind: 'cancelled' | 'rolled-back' | 'not-sent';
  readonly message: string;
}

/** Where one cancel stands, as the cancel dialog shows it. */
export type CancelProgress = { readonly kind: 'cancelling' } | CancelOutcome;

export type CancelEvent =
  | { readonly kind: 'requested'; readonly taskId: string; readonly previousStatus: string; readonly at: number }
  | { readonly kind: 'acknowledged'; readonly taskId: string; readonly at: number }
  | { readonly kind: 'failed'; readonly taskId: string; readonly message: string }
  /** Checked right before sending: the task is no longer running, so no cancel was sent. */
  | { readonly kind: 'not-sent'; readonly taskId: string; readonly message: string }
  | { readonly kind: 'observed'; readonly statuses: ReadonlyMap<string, string>; readonly at: number }
  /** The stored result's status of a task being verified, `null` when there is none. */
  | { readonly kind: 'verified'; readonly taskId: string; readonly resultStatus: string | null }
  | { readonly kind: 'tick'; readonly at: number };

export interface CancellationsState {
  readonly pending: ReadonlyMap<string, Cancellation>;
  /** The latest outcome per task, for summaries; bounded. */
  readonly settled: ReadonlyMap<string, CancelOutcome>;
  /** What the last event decided, for notifications. */
  readonly outcomes: readonly CancelOutcome[];
  /** Tasks whose stored result the last event asked to read. */
  readonly toVerify: readonly string[];
}

export const NO_CANCELLATIONS: CancellationsState = {
  pending: new Map(),
  settled: new Map(),
  outcomes: [],
  toVerify: [],
};

/**
 * A task as the dashboard shows it while its cancel is on its way: already `cancelled`, until the
 * master agrees or the cancel is rolled back.
 */
export function withCancelShown(task: TaskListEntry, cancelling: ReadonlyMap<string, Cancellation>): TaskListEntry {
  return cancelling.has(task.task_id) && task.status !== 'cancelled' ? { ...task, status: 'cancelled' } : task;
}

/** Only a running task can be cancelled with an effect: why not, for any other status. */
export function cancelBlockedReason(status: string): string | null {
  if (status === 'running') return null;
  if (status === 'pending') {
    return 'A pending task cannot be cancelled: the master answers OK but leaves it queued, and it will still run.';
  }
  if (isFinishedStatus(status)) {
    return `This task ${status === 'cancelled' ? 'was cancelled' : `has ${status}`}; cancelling it now would only overwrite its final status.`;
  }
  return `The task is ${status || 'in an empty status'}, which cancelling does not change reliably.`;
}
