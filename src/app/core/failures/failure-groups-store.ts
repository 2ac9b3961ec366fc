import { Injectable, inject } from '@angular/core';
import { Observable, ignoreElements, map, merge, shareReplay, switchMap, take, takeUntil } from 'rxjs';
import { TasksClient } from '../../shared/cloudai/tasks-client';
import { dataOf } from '../../shared/streams/load-state';
import { DATA_WORKER, DataWorker } from '../data-worker/data-worker';
import { TaskListSource } from '../task-list/task-list-source';
import { FailureOverview, FailureReader } from './failure-reader';
import { failuresThroughWorker } from './failures-through-worker';

/**
 * Failed tasks grouped by cause, from the app's task poll and the stored results of the most recent
 * failures (see {@link FailureReader}): read lazily, one at a time and at a bounded rate, only while
 * someone watches, and each once per session. With the data worker, the worker reads them once for
 * every tab of this browser, and the page makes no request of its own.
 */
@Injectable({ providedIn: 'root' })
export class FailureGroupsStore {
  private readonly tasksClient = inject(TasksClient);
  private readonly taskList = inject(TaskListSource);
  private readonly worker = inject(DATA_WORKER);
  /** Made only if the page reads results itself, so what it read is kept for the session. */
  private inPageReader?: FailureReader;

  /** The overview, kept current as tasks fail. Shared while subscribed; replays; never completes. */
  readonly overview$: Observable<FailureOverview> = (this.worker
    ? this.overviewInWorker(this.worker)
    : this.overviewInPage()
  ).pipe(shareReplay({ bufferSize: 1, refCount: true }));

  private overviewInPage(): Observable<FailureOverview> {
    this.inPageReader ??= new FailureReader((taskId) => this.tasksClient.getTask(taskId));
    return this.inPageReader.overviewOf(this.taskList.poll$.pipe(map((poll) => dataOf(poll) ?? [])));
  }

  private overviewInWorker(worker: DataWorker): Observable<FailureOverview> {
    return merge(
      failuresThroughWorker(worker.port).pipe(takeUntil(worker.failed$)),
      // The worker reads the failures of the list it polls: this tab's wish keeps that poll going.
      this.taskList.poll$.pipe(ignoreElements()),
      // A worker that cannot start or fails leaves the reading to the page.
      worker.failed$.pipe(
        take(1),
        switchMap(() => this.overviewInPage()),
      ),
    );
  }
}
