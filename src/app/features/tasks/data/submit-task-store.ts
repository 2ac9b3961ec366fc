import { Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import {
  Observable,
  Subject,
  catchError,
  exhaustMap,
  filter,
  first,
  map,
  merge,
  of,
  skip,
  startWith,
  switchMap,
  take,
  withLatestFrom,
} from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { toErrorMessage } from '../../../shared/http/error-message';
import { injectReducerStore } from '../../../shared/state/reducer-store';
import { TaskDraft, TaskDraftStore, toSubmission } from './task-draft';
import { TaskWatchStore } from './task-watch-store';
import { PlacementWorker } from './pending-reason';
import { PendingReasonsStore } from './pending-reasons-store';
import { TasksStore } from './tasks-store';
import { dataOf, hasAnswered } from '../../../shared/streams/load-state';

/** Where a submission stands. `sent` is a new object per submission, announced once by {@link SubmitTaskStore.sent$}. */
export type SubmitState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'sent'; readonly taskId: string; readonly openAfterwards: boolean }
  | { readonly kind: 'refused'; readonly message: string };

/** "Run again": the task the form is filled from, `undefined` when the master does not list it. */
export interface Prefill {
  readonly taskId: string;
  readonly task: TaskListEntry | undefined;
}

const IDLE: SubmitState = { kind: 'idle' };

/**
 * The submit page's store, provided on its route. Submitting keeps the draft first (a refusal, a
 * reload or a lost connection loses nothing), sends it as the signed-in user's task, and once the
 * master has it watches the task (announced when it finishes) and clears the draft. One request at a time.
 */
@Injectable()
export class SubmitTaskStore {
  private readonly tasksClient = inject(TasksClient);
  private readonly drafts = inject(TaskDraftStore);
  private readonly watchStore = inject(TaskWatchStore);
  private readonly tasksStore = inject(TasksStore);
  private readonly route = inject(ActivatedRoute);
  private readonly sends = new Subject<{ readonly draft: TaskDraft; readonly openAfterwards: boolean }>();
  private readonly resets = new Subject<void>();

  /** The workers as the master's placement sees them, to say before submitting whether a task could run. Replays. */
  readonly placement$: Observable<readonly PlacementWorker[] | null> = inject(PendingReasonsStore).placement$;

  /** The signed-in user's email, the owner of what is submitted here; `null` without sign-in. Hot; replays. */
  readonly signedInAs$: Observable<string | null> = inject(AuthStore).signedInAs$;

  private readonly store = injectReducerStore<SubmitState, SubmitState>({
    initial: IDLE,
    reduce: (_state, next) => next,
    sources: () => this.submissions(),
  });

  /** Hot; replays the current state; never completes. */
  readonly state$: Observable<SubmitState> = this.store.state$;

  /** Each accepted submission, once, as it happens. Hot; no replay; never completes. */
  readonly sent$ = this.state$.pipe(
    // What is held now was announced when it happened (perhaps to a page since left).
    skip(1),
    filter((state): state is Extract<SubmitState, { kind: 'sent' }> => state.kind === 'sent'),
  );

  /**
   * The task named by `?from=` in the URL, once the task list has answered; nothing without the
   * parameter. Cold; completes after one answer.
   */
  readonly prefill$: Observable<Prefill> = this.route.queryParamMap.pipe(
    take(1),
    map((params) => params.get('from')),
    filter((taskId): taskId is string => taskId !== null && taskId !== ''),
    switchMap((taskId) =>
      this.tasksStore.poll$.pipe(
        first((poll) => hasAnswered(poll)),
        map((poll) => ({ taskId, task: dataOf(poll)?.find((task) => task.task_id === taskId) })),
      ),
    ),
  );

  constructor() {
    this.followUpSubmissions();
  }

  /** The draft the form starts from (this tab's, kept across reloads). */
  get draft(): TaskDraft {
    return this.drafts.read();
  }

  saveDraft(draft: TaskDraft): void {
    this.drafts.save(draft);
  }

  submit(draft: TaskDraft, openAfterwards: boolean): void {
    // Kept before sending: a refusal, a reload or a lost connection must not lose what was typed.
    this.drafts.save(draft);
    this.sends.next({ draft, openAfterwards });
  }

  /** Forgets the draft and any refusal. */
  startOver(): void {
    this.drafts.clear();
    this.resets.next();
  }

  /** Once the master has a task: it is watched (announced when it finishes), and its draft is done with. */
  private followUpSubmissions(): void {
    this.sent$.pipe(takeUntilDestroyed()).subscribe(({ taskId }) => {
      this.watchStore.watch(taskId, 'pending');
      this.drafts.clear();
    });
  }

  private submissions(): Observable<SubmitState> {
    const sent$ = this.sends.pipe(
      withLatestFrom(this.signedInAs$.pipe(startWith(null))),
      exhaustMap(([{ draft, openAfterwards }, signedInAs]) =>
        this.tasksClient.submitTask(toSubmission(draft, signedInAs)).pipe(
          map(({ task_id }): SubmitState => ({ kind: 'sent', taskId: task_id, openAfterwards })),
          catchError((error: unknown) => of<SubmitState>({ kind: 'refused', message: toErrorMessage(error) })),
          startWith<SubmitState>({ kind: 'sending' }),
        ),
      ),
    );
    return merge(sent$, this.resets.pipe(map(() => IDLE)));
  }
}
