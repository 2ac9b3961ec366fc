import { Injectable, inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { Observable, combineLatest, distinctUntilChanged, map, of, shareReplay, switchMap } from 'rxjs';
import { REALTIME_CONFIG } from '../../../core/config/realtime-config';
import { PAGE_VISIBLE } from '../../../core/realtime/browser-signals';
import { LiveWorkersStore } from '../../../core/realtime/live-workers-store';
import { MasterClock } from '../../../core/realtime/master-clock';
import { WorkersClient } from '../../../shared/cloudai/workers-client';
import { smartPoll } from '../../../shared/streams/smart-poll';
import { WorkerDetailVm, toWorkerDetailVm } from './worker-detail-vm';

/** The worker page's store, provided on its route: the live worker with its assignment history. */
@Injectable()
export class WorkerDetailStore {
  private readonly liveWorkers = inject(LiveWorkersStore);
  private readonly workersClient = inject(WorkersClient);
  private readonly config = inject(REALTIME_CONFIG);
  private readonly visible$ = inject(PAGE_VISIBLE);
  /** Heartbeat ages compare master times, so with the master's clock. */
  private readonly masterNow$ = inject(MasterClock).now$;
  private readonly id$ = inject(ActivatedRoute).paramMap.pipe(
    map((params) => params.get('id') ?? ''),
    distinctUntilChanged(),
  );

  /** The page for the worker in the route. Shared while subscribed; replays; never completes. */
  readonly vm$: Observable<WorkerDetailVm> = this.id$.pipe(
    switchMap((id) =>
      combineLatest({
        id: of(id),
        workers: this.liveWorkers.workers$,
        assignments: smartPoll({
          request: () => this.workersClient.listAssignments(id),
          intervalMs$: of(this.config.registryPollMs),
          visible$: this.visible$,
        }),
        now: this.masterNow$,
      }),
    ),
    map(toWorkerDetailVm),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
}
