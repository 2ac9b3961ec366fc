import { Injectable, inject } from '@angular/core';
import { dequal } from 'dequal';
import {
  Observable,
  combineLatest,
  connect,
  distinctUntilChanged,
  filter,
  map,
  merge,
  sample,
  scan,
  shareReplay,
  startWith,
  throttleTime,
} from 'rxjs';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { LiveWorkersStore } from '../../../core/realtime/live-workers-store';
import { TaskListSource } from '../../../core/task-list/task-list-source';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { LoadState, dataOf, hasAnswered, problemOf, updatedAtOf } from '../../../shared/streams/load-state';
import { PollState } from '../../../shared/streams/load-state';
import { ChartData } from '../../../shared/ui/usage-chart';
import { ClusterSummary, toClusterSummary } from './cluster-summary';
import { toClusterUsage } from './cluster-usage';
import { Headroom, toHeadroom } from './headroom';
import { RecentFailures, toRecentFailures } from './recent-failures';
import { FailureGroupsStore } from '../../../core/failures/failure-groups-store';
import { MasterClock } from '../../../core/realtime/master-clock';
import { CLOCK } from '../../../core/realtime/browser-signals';
import { sampleOnTicks } from '../../../shared/streams/sample-on-ticks';
import { NO_THROUGHPUT, TaskThroughput, trackThroughput } from './task-throughput';

/** The dashboard's data: live workers and the polled task list, folded into headline counts. */
@Injectable({ providedIn: 'root' })
export class DashboardStore {
  private readonly liveWorkers = inject(LiveWorkersStore);
  /** The app's one task poll, shared with every other page. */
  private readonly taskList = inject(TaskListSource);
  private readonly tasks$ = this.taskList.poll$;
  /** The app's one-second tick: what is sampled once a second changes on it, in the frame the ages change. */
  private readonly clock$ = inject(CLOCK);

  /** Cold until subscribed, shared while subscribed; replays the latest state; never completes. */
  readonly summary$: Observable<LoadState<ClusterSummary>> = combineLatest([
    this.liveWorkers.workers$,
    this.tasks$,
  ]).pipe(
    map(([workers, tasks]) => toSummaryState(workers, tasks)),
    // Worker updates arrive many times a second; the page re-renders only when a figure it shows
    // changes, at once, and brings the update time (shown to the second) up to date on the clock's
    // tick, in the frame the ages change rather than in one of its own.
    connect((summaries$) =>
      merge(summaries$.pipe(distinctUntilChanged(sameFigures)), summaries$.pipe(sample(this.clock$))),
    ),
    distinctUntilChanged(sameSummary),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /**
   * The largest task that would start now and that could ever run, and the stranded workers; `null`
   * until the workers are known. Capacity and allocation change a few times a minute, so this is
   * worked out at most once a second, not per telemetry digest. Replays; never completes.
   */
  readonly headroom$: Observable<Headroom | null> = this.liveWorkers.workers$.pipe(
    sampleOnTicks(this.clock$),
    map((workers) => (workers.kind === 'ready' ? toHeadroom(workers.data) : null)),
    distinctUntilChanged(dequal),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /**
   * The causes of the last hour's failures, most frequent first, from the stored results of the most
   * recent failed tasks; regrouped when a result is read and as the hour moves on, each minute.
   * Replays; never completes.
   */
  readonly recentFailures$: Observable<RecentFailures | null> = combineLatest([
    // The first fifty results arrive within a second or two: grouped and shown at most once a second.
    inject(FailureGroupsStore).overview$.pipe(sampleOnTicks(this.clock$)),
    inject(MasterClock).now$.pipe(
      map((now) => Math.floor(now / 60_000) * 60_000),
      distinctUntilChanged(),
    ),
  ]).pipe(
    map(([overview, minute]): RecentFailures | null => toRecentFailures(overview, minute)),
    // `null` until the task list has answered: reading failures must not hold back the first figures.
    startWith(null),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** Tasks seen finishing per minute, over the last 30 minutes this page watched. Replays; never completes. */
  readonly throughput$: Observable<TaskThroughput> = this.tasks$.pipe(
    filter((poll) => poll.kind === 'ready' && poll.refreshError === undefined),
    scan((throughput, poll) => trackThroughput(throughput, dataOf(poll) ?? [], updatedAtOf(poll) ?? 0), NO_THROUGHPUT),
    startWith(NO_THROUGHPUT),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** The throughput as chart input; a new object only when the throughput changes. */
  readonly throughputChart$: Observable<ChartData> = this.throughput$.pipe(
    map(({ buckets }) => ({
      times: buckets.map((bucket) => bucket.minute),
      series: [
        { label: 'Completed', values: buckets.map((bucket) => bucket.completed), colour: 'var(--app-ok)' },
        { label: 'Failed', values: buckets.map((bucket) => bucket.failed), colour: 'var(--app-danger)' },
      ],
    })),
  );

  /**
   * Cluster CPU and memory over time, from the workers' in-browser history, as chart input;
   * recomputed at most every 5 s, since it walks every sample of every worker. Replays; never completes.
   */
  readonly clusterUsageChart$: Observable<ChartData> = this.liveWorkers.workers$.pipe(
    throttleTime(5000, undefined, { leading: true, trailing: true }),
    map((workers) => toClusterUsage(workers.kind === 'ready' ? workers.data : [])),
    map((usage) => ({
      times: usage.times,
      series: [
        { label: 'CPU %', values: usage.cpu, colour: 'var(--mat-sys-primary)' },
        { label: 'Memory %', values: usage.memory, colour: 'var(--app-warn)' },
      ],
    })),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** Fetches everything now (the retry button of the error state). */
  refresh(): void {
    this.taskList.refresh();
    this.liveWorkers.refreshRegistry();
  }
}

/** Whether two summaries read the same on the page, which shows the update time to the second. */
export function sameSummary(a: LoadState<ClusterSummary>, b: LoadState<ClusterSummary>): boolean {
  if (a.kind === 'ready' && b.kind === 'ready') {
    return Math.floor(a.updatedAt / 1000) === Math.floor(b.updatedAt / 1000) && sameFigures(a, b);
  }
  return dequal(a, b);
}

/** Whether two summaries show the same figures, whenever they were updated. */
function sameFigures(a: LoadState<ClusterSummary>, b: LoadState<ClusterSummary>): boolean {
  if (a.kind === 'ready' && b.kind === 'ready') return a.refreshError === b.refreshError && dequal(a.data, b.data);
  return dequal(a, b);
}

/**
 * The workers are the heart of the summary: once they are known it is shown, with the task
 * counts, or with why there are none (a master without a database keeps no task list). A
 * source that never answered makes it an error; a later failure is only a warning.
 */
export function toSummaryState(
  workers: LoadState<readonly LiveWorker[]>,
  tasks: PollState<readonly TaskListEntry[]>,
): LoadState<ClusterSummary> {
  if (workers.kind === 'error') {
    return tasks.kind === 'error' ? { kind: 'error', message: workers.message } : workers;
  }
  if (workers.kind !== 'ready' || !hasAnswered(tasks)) {
    return { kind: 'loading' };
  }
  if (tasks.kind !== 'ready') {
    return {
      kind: 'ready',
      data: toClusterSummary(workers.data, { problem: problemOf(tasks) ?? '' }),
      updatedAt: workers.updatedAt,
      ...(workers.refreshError ? { refreshError: workers.refreshError } : {}),
    };
  }
  const refreshError = tasks.refreshError ?? workers.refreshError;
  return {
    kind: 'ready',
    data: toClusterSummary(workers.data, tasks.data),
    updatedAt: Math.max(workers.updatedAt, tasks.updatedAt),
    ...(refreshError ? { refreshError } : {}),
  };
}
