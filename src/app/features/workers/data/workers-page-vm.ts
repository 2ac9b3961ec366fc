import { LiveWorker, WorkerStatus } from '../../../core/realtime/live-worker';
import { LoadState } from '../../../shared/streams/load-state';
import { WorkerQuery } from './worker-query';
import { countByStatus, selectWorkers } from './worker-rows';
import { WorkersViewPreferences } from './workers-view-preferences';

/** Everything the workers page shows, in one of its four states. */
export type WorkersPageVm =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: string }
  /** The master knows no workers at all. */
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'ready';
      readonly workers: readonly LiveWorker[];
      readonly counts: Readonly<Record<'all' | WorkerStatus, number>>;
      readonly query: WorkerQuery;
      readonly preferences: WorkersViewPreferences;
      readonly now: number;
      readonly refreshError: string | null;
    };

export interface WorkersPageInputs {
  readonly workers: LoadState<readonly LiveWorker[]>;
  readonly query: WorkerQuery;
  readonly preferences: WorkersViewPreferences;
  readonly now: number;
}

export function toWorkersPageVm({ workers, query, preferences, now }: WorkersPageInputs): WorkersPageVm {
  if (workers.kind !== 'ready') {
    return workers.kind === 'error' ? { kind: 'error', message: workers.message } : { kind: 'loading' };
  }
  if (workers.data.length === 0) {
    return { kind: 'empty' };
  }
  return {
    kind: 'ready',
    workers: selectWorkers(workers.data, query),
    counts: countByStatus(workers.data),
    query,
    preferences,
    now,
    refreshError: workers.refreshError ?? null,
  };
}
