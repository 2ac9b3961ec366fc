import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import {
  BehaviorSubject,
  EMPTY,
  Observable,
  asyncScheduler,
  distinctUntilChanged,
  filter,
  map,
  mergeMap,
  share,
  switchMap,
} from 'rxjs';
import { USER_DATA_PREFIX } from '../../../core/auth/user-data';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { TaskFinished, WatchedTask, boundWatched, hasUnfinished, observeWatched } from './task-watch';
import { TasksStore } from './tasks-store';

/** This user's: removed on sign-out. */
const STORAGE_KEY = `${USER_DATA_PREFIX}watched-tasks`;

/**
 * The tasks this browser watches (the ones submitted here, and any the operator chose), kept
 * across reloads so a task that finished meanwhile is still announced.
 */
@Injectable({ providedIn: 'root' })
export class TaskWatchStore {
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage;
  private readonly tasksStore = inject(TasksStore);
  private readonly watched = new BehaviorSubject<ReadonlyMap<string, WatchedTask>>(this.stored());

  /** Watched tasks by id. Hot; replays; never completes. */
  readonly watched$ = this.watched.asObservable();

  /** How many watched tasks failed and have not been opened since. Hot; replays; never completes. */
  readonly unseenFailures$: Observable<number> = this.watched.pipe(
    map((watched) => [...watched.values()].filter((entry) => entry.unseenFailure).length),
    distinctUntilChanged(),
  );

  /**
   * Each watched task reaching a final status, once. Polls the task list only while a watched
   * task is unfinished. Hot while subscribed; no replay; never completes.
   */
  readonly finished$: Observable<TaskFinished> = this.watched.pipe(
    map(hasUnfinished),
    distinctUntilChanged(),
    switchMap((active) => (active ? this.tasksStore.poll$ : EMPTY)),
    map((poll) => poll.data),
    distinctUntilChanged(),
    filter((tasks): tasks is readonly TaskListEntry[] => tasks !== undefined),
    mergeMap((tasks) => {
      // The comparison is the state change itself: the statuses seen are what the next list is compared with.
      const observed = observeWatched(this.watched.value, tasks, asyncScheduler.now());
      if (observed.watched !== this.watched.value) this.save(observed.watched);
      return observed.finished;
    }),
    share(),
  );

  watch(taskId: string, status: string | null = null): void {
    if (this.watched.value.has(taskId)) return;
    const next = new Map(this.watched.value);
    next.set(taskId, { status, unseenFailure: false, since: asyncScheduler.now() });
    this.save(boundWatched(next));
  }

  unwatch(taskId: string): void {
    if (!this.watched.value.has(taskId)) return;
    const next = new Map(this.watched.value);
    next.delete(taskId);
    this.save(next);
  }

  /** The operator has looked at the task: its failure no longer counts in the tab title. */
  markSeen(taskId: string): void {
    const entry = this.watched.value.get(taskId);
    if (!entry?.unseenFailure) return;
    const next = new Map(this.watched.value);
    next.set(taskId, { ...entry, unseenFailure: false });
    this.save(next);
  }

  private save(watched: ReadonlyMap<string, WatchedTask>): void {
    this.storage?.setItem(STORAGE_KEY, JSON.stringify([...watched]));
    this.watched.next(watched);
  }

  private stored(): ReadonlyMap<string, WatchedTask> {
    try {
      const stored = JSON.parse(this.storage?.getItem(STORAGE_KEY) ?? '[]') as unknown;
      if (!Array.isArray(stored)) return new Map();
      return new Map(
        stored.filter(
          (item): item is [string, WatchedTask] =>
            Array.isArray(item) && typeof item[0] === 'string' && typeof item[1] === 'object' && item[1] !== null,
        ),
      );
    } catch {
      return new Map();
    }
  }
}
