import { LiveWorker } from '../../../core/realtime/live-worker';
import { WorkerAssignment } from '../../../shared/cloudai/worker.model';
import { LoadState } from '../../../shared/streams/load-state';
import { PollState } from '../../../shared/streams/smart-poll';

/** The worker detail page in one of its states. */
export type WorkerDetailVm =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly message: string }
  /** The master does not know this worker id. */
  | { readonly state: 'not-found'; readonly id: string }
  | {
      readonly state: 'ready';
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
    return workers.kind === 'loading' ? { state: 'loading' } : { state: 'error', message: workers.message };
  }
  const worker = workers.data.find((candidate) => candidate.id === id);
  if (!worker) {
    return { state: 'not-found', id };
  }
  return {
    state: 'ready',
    worker,
    now,
    assignments: assignments.data ? [...assignments.data].sort((a, b) => b.assigned_at - a.assigned_at) : null,
    assignmentsError: assignments.lastError,
  };
}
