import { dequal } from 'dequal';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { TaskFinished, WatchedTask, boundWatched, observeWatched } from './task-watch';

/** The watched tasks, and the finishes the latest event revealed (announced once, then cleared). */
export interface TaskWatchState {
  readonly watched: ReadonlyMap<string, WatchedTask>;
  readonly announced: readonly TaskFinished[];
}

export type TaskWatchEvent =
  | { readonly kind: 'watch'; readonly taskId: string; readonly status: string | null; readonly at: number }
  | { readonly kind: 'unwatch'; readonly taskId: string }
  /** The operator has looked at the task: its failure no longer counts in the tab title. */
  | { readonly kind: 'seen'; readonly taskId: string }
  /** A fresh task list from the master. */
  | { readonly kind: 'listed'; readonly tasks: readonly TaskListEntry[]; readonly at: number }
  /** Another tab of this browser changed the watched tasks. */
  | { readonly kind: 'stored-elsewhere'; readonly watched: ReadonlyMap<string, WatchedTask> };

export function reduceTaskWatch(state: TaskWatchState, event: TaskWatchEvent): TaskWatchState {
  const next = nextWatched(state.watched, event);
  if (next.watched === state.watched && next.announced.length === 0) {
    return state.announced.length === 0 ? state : { watched: state.watched, announced: [] };
  }
  return next;
}

function nextWatched(watched: ReadonlyMap<string, WatchedTask>, event: TaskWatchEvent): TaskWatchState {
  const unchanged = { watched, announced: [] };
  switch (event.kind) {
    case 'watch': {
      if (watched.has(event.taskId)) return unchanged;
      const next = new Map(watched).set(event.taskId, { status: event.status, unseenFailure: false, since: event.at });
      return { watched: boundWatched(next), announced: [] };
    }
    case 'unwatch': {
      if (!watched.has(event.taskId)) return unchanged;
      const next = new Map(watched);
      next.delete(event.taskId);
      return { watched: next, announced: [] };
    }
    case 'seen': {
      const entry = watched.get(event.taskId);
      if (!entry?.unseenFailure) return unchanged;
      return { watched: new Map(watched).set(event.taskId, { ...entry, unseenFailure: false }), announced: [] };
    }
    case 'listed': {
      const observed = observeWatched(watched, event.tasks, event.at);
      return { watched: observed.watched, announced: observed.finished };
    }
    case 'stored-elsewhere':
      return dequal(event.watched, watched) ? unchanged : { watched: event.watched, announced: [] };
  }
}
