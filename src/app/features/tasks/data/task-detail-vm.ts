import { TaskDetail, TaskListEntry, normalizeTaskStatus } from '../../../shared/cloudai/task.model';
import { Cancellation, cancelBlockedReason, withCancelShown } from './task-cancellation-model';
import { DetailFetch, ListedTask } from './task-detail-model';
import { MasterFailure } from '../../../shared/http/master-failure';

/** Everything the task detail page shows above the logs, in one of its states. */
export type TaskDetailVm =
  | { readonly kind: 'loading'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'not-found'; readonly message: string }
  /** The master runs without its database: it cannot show any task. */
  | { readonly kind: 'no-database' }
  | {
      readonly kind: 'ready';
      /** The freshest view of the task: the list entry while it is listed, with an unconfirmed cancel shown. */
      readonly task: TaskListEntry;
      readonly cancelling: boolean;
      /** The status the master reports, without the optimistic cancel: what decides where logs come from. */
      readonly reportedStatus: string;
      /** Why cancelling is not offered, or `null` when it is. */
      readonly cancelBlocked: string | null;
      readonly workerId: string | null;
      /** Unix seconds; from the detail, which only finished tasks have. */
      readonly assignedAt: number | null;
      readonly result: { readonly status: string; readonly completedAt: number } | null;
      /** Why assignment and result are not shown, or a failure to load them. */
      readonly detailNote: string | null;
      /** The stored result and the listed status tell different stories: why. */
      readonly statusNote: string | null;
      /** The list could not be refreshed; what is shown may be old. */
      readonly listError: string | null;
    };

export interface TaskDetailInputs {
  readonly taskId: string;
  readonly listed: ListedTask;
  readonly detail: DetailFetch;
  readonly cancelling: ReadonlyMap<string, Cancellation>;
  readonly runningOn: ReadonlyMap<string, string>;
}

export function toTaskDetailVm({ taskId, listed, detail, cancelling, runningOn }: TaskDetailInputs): TaskDetailVm {
  const fromDetail: TaskDetail | null = detail.kind === 'ready' ? detail.data : null;
  const listedTask = listed.entry ?? fromDetail;
  if (!listedTask) {
    if (detail.kind === 'error' && isUnknownTask(detail.failure)) {
      return { kind: 'not-found', message: `The master has no task ${taskId}.` };
    }
    if (!listed.loaded && listed.noDatabase) {
      return { kind: 'no-database' };
    }
    if (!listed.loaded && listed.listError) {
      return { kind: 'error', message: listed.listError };
    }
    return {
      kind: 'loading',
      message: listed.loaded ? 'Waiting for the master to list this task…' : 'Loading the task…',
    };
  }
  const result = fromDetail?.result
    ? { status: normalizeTaskStatus(fromDetail.result.status), completedAt: fromDetail.result.completed_at }
    : null;
  const isCancelling = cancelling.has(taskId);
  const task = withCancelShown(listedTask, cancelling);
  return {
    kind: 'ready',
    task,
    cancelling: isCancelling,
    reportedStatus: listedTask.status,
    cancelBlocked: cancelBlockedReason(listedTask.status),
    workerId: fromDetail?.assignment?.worker_id ?? runningOn.get(taskId) ?? null,
    assignedAt: fromDetail?.assignment?.assigned_at ?? null,
    result,
    detailNote: detailNote(detail),
    statusNote: result && result.status !== listedTask.status ? statusNote(listedTask.status, result.status) : null,
    listError: listed.listError,
  };
}

function statusNote(listed: string, result: string): string {
  const shown = listed === '' ? 'an empty status' : `“${listed}”`;
  return `The master lists this task as ${shown}, but its stored result says ${result}. On this master, a log stream that was open when the container stopped writes the container's state into the task (and a cancel overwrites a finished task's status); the result is what the worker reported.`;
}

function detailNote(detail: DetailFetch): string | null {
  switch (detail.kind) {
    case 'idle':
      return 'The master gives the assignment time and the result once the task has finished.';
    case 'loading':
      return detail.retrying
        ? 'The master has stored no result for this task yet; the page asks again until it has one.'
        : 'Loading the assignment and result…';
    case 'error':
      return `The assignment and result could not be loaded: ${detail.message}`;
    case 'ready':
      return detail.data.result ? null : 'The master has stored no result for this task.';
  }
}

/** The master answers 404 for a task it does not know, and 400 for an id it cannot parse. */
function isUnknownTask(failure: MasterFailure | undefined): boolean {
  return failure?.kind === 'answered' && (failure.status === 404 || failure.status === 400);
}
