import { LiveWorker } from '../../../core/realtime/live-worker';
import { WorkerAssignment } from '../../../shared/cloudai/worker.model';
import { LoadState, problemOf } from '../../../shared/streams/load-state';
import { PollState } from '../../../shared/streams/load-state';

/** The worker detail page in one of its states. */
export type WorkerDetailVm =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: string }
  /** The master does not know this worker id. */
  | { readonly kind: 'not-found'; readonly id: string }
  | {
      readonly kind: 'ready';
      readonly worker: LiveWorker;
      readonly now: number;
      /** Assignment history, newest first; `null` until it loads. */
      readonly assignments: readonly WorkerAssignment[] | null;
      readonly assignmentsError: string | null;
    };

export interface WorkerDetailInputs {
  readonly id: string;
  readonly workers: LoadState<readonly LiveWorker[]>;
  readonly assignments: PollState<readonly WorkerAssignment[]>;
  readonly now: number;
}

export function toWorkerDetailVm({ id, workers, assignments, now }: WorkerDetailInputs): WorkerDetailVm {
  if (workers.kind !== 'ready') {
    return workers.kind === 'error' ? { kind: 'error', message: workers.message } : { kind: 'loading' };
  }
  const worker = workers.data.find((candidate) => candidate.id === id);
  if (!worker) {
    return { kind: 'not-found', id };
  }
  return {
    kind: 'ready',
    worker,
    now,
    assignments:
      assignments.kind === 'ready' ? [...assignments.data].sort((a, b) => b.assigned_at - a.assigned_at) : null,
    assignmentsError: problemOf(assignments),
  };
}
