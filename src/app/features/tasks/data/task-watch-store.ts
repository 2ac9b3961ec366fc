import { Injectable, inject } from '@angular/core';
import {
  EMPTY,
  Observable,
  asyncScheduler,
  distinctUntilChanged,
  filter,
  map,
  merge,
  mergeMap,
  share,
  skip,
  switchMap,
} from 'rxjs';
import { USER_DATA_PREFIX } from '../../../core/auth/user-data';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { injectPersistedValue } from '../../../shared/state/persisted-value';
import { injectReducerStore } from '../../../shared/state/reducer-store';
import { TaskFinished, WatchedTask, hasUnfinished } from './task-watch';
import { TaskWatchEvent, TaskWatchState, reduceTaskWatch } from './task-watch-state';
import { TasksStore } from './tasks-store';
import { dataOf } from '../../../shared/streams/load-state';

/**
 * The tasks this browser watches (the ones submitted here, and any the operator chose), kept
 * across reloads so a task that finished meanwhile is still announced. The task list is polled
 * only while a watched task is unfinished.
 */
@Injectable({ providedIn: 'root' })
export class TaskWatchStore {
  private readonly tasksStore = inject(TasksStore);
  private readonly stored = injectPersistedValue<ReadonlyMap<string, WatchedTask>>({
    // This user's: removed on sign-out.
    key: `${USER_DATA_PREFIX}watched-tasks`,
    version: 1,
    fallback: new Map(),
    serialize: (watched) => [...watched],
    parse: toWatchedMap,
  });
  private readonly store = injectReducerStore<TaskWatchState, TaskWatchEvent>({
    initial: { watched: this.stored.value, announced: [] },
    reduce: reduceTaskWatch,
    sources: (state$) => merge(this.listedWhileUnfinished(state$), this.changesInOtherTabs()),
    persist: (state) => this.stored.set(state.watched),
  });

  /** Watched tasks by id. Hot; replays; never completes. */
  readonly watched$: Observable<ReadonlyMap<string, WatchedTask>> = this.store.state$.pipe(
    map((state) => state.watched),
    distinctUntilChanged(),
  );

  /** How many watched tasks failed and have not been opened since. Hot; replays; never completes. */
  readonly unseenFailures$: Observable<number> = this.watched$.pipe(
    map((watched) => [...watched.values()].filter((entry) => entry.unseenFailure).length),
    distinctUntilChanged(),
  );

  /** Each watched task reaching a final status, once. Hot; no replay; never completes. */
  readonly finished$: Observable<TaskFinished> = this.store.state$.pipe(
    // The state held now has already been announced; only later ones are news.
    skip(1),
    mergeMap((state) => state.announced),
    share(),
  );

  watch(taskId: string, status: string | null = null): void {
    this.store.dispatch({ kind: 'watch', taskId, status, at: asyncScheduler.now() });
  }

  unwatch(taskId: string): void {
    this.store.dispatch({ kind: 'unwatch', taskId });
  }

  /** The operator has looked at the task: its failure no longer counts in the tab title. */
  markSeen(taskId: string): void {
    this.store.dispatch({ kind: 'seen', taskId });
  }

  private listedWhileUnfinished(state$: Observable<TaskWatchState>): Observable<TaskWatchEvent> {
    return state$.pipe(
      map((state) => hasUnfinished(state.watched)),
      distinctUntilChanged(),
      switchMap((active) => (active ? this.tasksStore.poll$ : EMPTY)),
      map(dataOf),
      distinctUntilChanged(),
      filter((tasks): tasks is readonly TaskListEntry[] => tasks !== undefined),
      map((tasks): TaskWatchEvent => ({ kind: 'listed', tasks, at: asyncScheduler.now() })),
    );
  }

  private changesInOtherTabs(): Observable<TaskWatchEvent> {
    return this.stored.changedElsewhere$.pipe(
      map((watched): TaskWatchEvent => ({ kind: 'stored-elsewhere', watched })),
    );
  }
}

/** Stored watched tasks: `[id, entry]` pairs; anything else is dropped. */
function toWatchedMap(stored: unknown): ReadonlyMap<string, WatchedTask> {
  if (!Array.isArray(stored)) return new Map();
  return new Map(
    stored.filter(
      (item): item is [string, WatchedTask] =>
        Array.isArray(item) && typeof item[0] === 'string' && typeof item[1] === 'object' && item[1] !== null,
    ),
  );
}
