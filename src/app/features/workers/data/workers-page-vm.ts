import { ListRange } from '@angular/cdk/collections';
import { LiveWorker, WorkerStatus } from '../../../core/realtime/live-worker';
import { LoadState } from '../../../shared/streams/load-state';
import { WorkerQuery } from './worker-query';
import { WorkerSelection, selectWorkers } from './worker-rows';
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
      /** How `workers` was selected, for the next update to start from. */
      readonly selection: WorkerSelection;
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

/** The page for these inputs; given the previous page, an update that keeps the order costs no sort. */
export function toWorkersPageVm(
  { workers, query, preferences, now }: WorkersPageInputs,
  previous?: WorkersPageVm,
): WorkersPageVm {
  if (workers.kind !== 'ready') {
    return workers.kind === 'error' ? { kind: 'error', message: workers.message } : { kind: 'loading' };
  }
  if (workers.data.length === 0) {
    return { kind: 'empty' };
  }
  const selection = selectWorkers(workers.data, query, previous?.kind === 'ready' ? previous.selection : undefined);
  return {
    kind: 'ready',
    workers: selection.workers,
    selection,
    counts: selection.counts,
    query,
    preferences,
    now,
    refreshError: workers.refreshError ?? null,
  };
}

/**
 * Whether `next` looks the same as `shown` on a table showing the `rows` range: the same query,
 * view, time, counts, order and warning, and the same worker objects in the rows of the DOM. Only
 * a table can tell: without a range (the heat map shows every worker) any change counts.
 */
export function sameOnScreen(shown: WorkersPageVm, next: WorkersPageVm, rows: ListRange | null): boolean {
  if (shown === next) return true;
  if (
    rows === null ||
    shown.kind !== 'ready' ||
    next.kind !== 'ready' ||
    next.preferences.mode !== 'table' ||
    shown.query !== next.query ||
    shown.preferences !== next.preferences ||
    shown.now !== next.now ||
    shown.refreshError !== next.refreshError ||
    shown.counts !== next.counts ||
    shown.selection.positions !== next.selection.positions
  ) {
    return false;
  }
  for (let index = rows.start; index < Math.min(rows.end, next.workers.length); index += 1) {
    if (shown.workers[index] !== next.workers[index]) return false;
  }
  return true;
}
