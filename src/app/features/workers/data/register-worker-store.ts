import { Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable, Subject, catchError, exhaustMap, filter, map, of, skip, startWith } from 'rxjs';
import { LiveWorkersStore } from '../../../core/realtime/live-workers-store';
import { WorkersClient } from '../../../shared/cloudai/workers-client';
import { toErrorMessage } from '../../../shared/http/error-message';
import { injectReducerStore } from '../../../shared/state/reducer-store';

/** Where a registration stands. */
export type RegisterState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'registered'; readonly workerId: string }
  | { readonly kind: 'refused'; readonly message: string };

/**
 * The register-worker dialog's store, one per dialog: sends one registration at a time and,
 * once the master has it, asks the registry again so the worker appears without waiting.
 */
@Injectable()
export class RegisterWorkerStore {
  private readonly workersClient = inject(WorkersClient);
  private readonly liveWorkers = inject(LiveWorkersStore);
  private readonly requests = new Subject<{ readonly workerId: string; readonly address: string }>();
  private readonly store = injectReducerStore<RegisterState, RegisterState>({
    initial: { kind: 'idle' },
    reduce: (_state, next) => next,
    sources: () => this.registrations(),
  });

  /** Hot; replays the current state; never completes. */
  readonly state$: Observable<RegisterState> = this.store.state$;

  /** The id of each worker the master accepted, once. Hot; no replay; never completes. */
  readonly registered$: Observable<string> = this.state$.pipe(
    skip(1),
    filter((state): state is Extract<RegisterState, { kind: 'registered' }> => state.kind === 'registered'),
    map((state) => state.workerId),
  );

  constructor() {
    // The registry is asked again at once, so the new worker appears without waiting for the next poll.
    this.registered$.pipe(takeUntilDestroyed()).subscribe(() => this.liveWorkers.refreshRegistry());
  }

  register(workerId: string, address: string): void {
    this.requests.next({ workerId: workerId.trim(), address: address.trim() });
  }

  private registrations(): Observable<RegisterState> {
    return this.requests.pipe(
      exhaustMap(({ workerId, address }) =>
        this.workersClient.registerWorker(workerId, address).pipe(
          map((): RegisterState => ({ kind: 'registered', workerId })),
          catchError((error: unknown) => of<RegisterState>({ kind: 'refused', message: toErrorMessage(error) })),
          startWith<RegisterState>({ kind: 'sending' }),
        ),
      ),
    );
  }
}
