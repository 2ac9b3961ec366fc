import { Observable } from 'rxjs';
import { TaskListEntry } from '../../shared/cloudai/task.model';
import { PollState } from '../../shared/streams/load-state';
import { applyTaskListDelta } from './task-list-delta';
import { HubMessage, TabEndpoint } from '../data-worker/protocol';

export interface WorkerPollOptions {
  /** How often this tab wants the list, and whether it is visible: told to the worker on every change. */
  readonly wish$: Observable<{ readonly intervalMs: number; readonly visible: boolean }>;
  /** The worker counted unreadable entries in the latest answer. */
  readonly onMalformed: (rejected: number) => void;
  /** The master answered the worker's request with 401. */
  readonly onUnauthorized: () => void;
}

/**
 * The task list as the data worker polls it for every tab, with the same contract as the in-page
 * poll: a poll state after every answer, the list keeping its reference (and each unchanged task
 * its object) until something changed. Subscribing tells the worker this tab reads the list;
 * unsubscribing that it stopped. Cold; never completes.
 */
export function pollThroughWorker(
  endpoint: TabEndpoint,
  { wish$, onMalformed, onUnauthorized }: WorkerPollOptions,
): Observable<PollState<readonly TaskListEntry[]>> {
  return new Observable<PollState<readonly TaskListEntry[]>>((subscriber) => {
    let list: readonly TaskListEntry[] | undefined;
    const listener = ({ data: message }: MessageEvent<HubMessage>) => {
      switch (message.kind) {
        case 'malformed':
          return onMalformed(message.rejected);
        case 'unauthorized':
          return onUnauthorized();
        case 'poll': {
          const { state } = message;
          if (state.kind !== 'ready') return subscriber.next(state);
          // Changes sent before the worker heard this reader start belong to a list it does not have.
          if (list === undefined && !state.data.full) return;
          list = applyTaskListDelta(list, state.data);
          return subscriber.next({ ...state, data: list });
        }
      }
    };
    endpoint.addEventListener('message', listener);
    endpoint.start?.();
    const wishes = wish$.subscribe((wish) => endpoint.postMessage({ kind: 'want', ...wish }));
    return () => {
      wishes.unsubscribe();
      endpoint.postMessage({ kind: 'leave' });
      endpoint.removeEventListener('message', listener);
    };
  });
}
