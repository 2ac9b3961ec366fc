import {
  EMPTY,
  Observable,
  asyncScheduler,
  defer,
  distinctUntilChanged,
  ignoreElements,
  map,
  switchMap,
  tap,
  throttleTime,
} from 'rxjs';
import { TaskListEntry } from '../../shared/cloudai/task.model';
import { portEvents } from '../data-worker/port-events';
import { HubPort } from '../data-worker/protocol';
import { FailureOverview, FailureReader } from './failure-reader';

export interface FailureHubOptions {
  /** The task lists the worker's poll receives (a replaying source). */
  readonly lists$: Observable<readonly TaskListEntry[]>;
  readonly reader: FailureReader;
}

/**
 * At most this often a tab is sent a new overview: the first results arrive by the dozen, and a
 * tab needs them together, not one message each.
 */
export const FAILURES_SENT_EVERY_MS = 250;

/**
 * The reading of recent failures for every tab of a browser, run by the data worker: results are
 * read while any tab shows failures, once for all of them, and each such tab is sent the overview
 * as it changes, a tab that joins what is known at once. Cold: subscribing runs it; never completes.
 */
export function runFailureHub(ports$: Observable<HubPort>, { lists$, reader }: FailureHubOptions): Observable<never> {
  return defer(() => {
    const readers = new Map<number, HubPort>();
    let latest: FailureOverview | undefined;

    const events$ = portEvents(ports$);

    const anyReader$ = events$.pipe(
      tap(({ port, message }) => {
        if (message.kind === 'failures-on' && !readers.has(port.id)) {
          // Joining while others read: what is known so far, at once.
          if (readers.size > 0 && latest) port.post({ kind: 'failures', overview: latest });
          readers.set(port.id, port);
        } else if (message.kind === 'failures-off' || message.kind === 'silent') {
          readers.delete(port.id);
        }
      }),
      map(() => readers.size > 0),
      distinctUntilChanged(),
    );

    return anyReader$.pipe(
      switchMap((anyReader) =>
        anyReader
          ? reader
              .overviewOf(lists$)
              .pipe(throttleTime(FAILURES_SENT_EVERY_MS, asyncScheduler, { leading: true, trailing: true }))
          : EMPTY,
      ),
      tap((overview) => {
        latest = overview;
        for (const port of readers.values()) port.post({ kind: 'failures', overview });
      }),
      ignoreElements(),
    );
  });
}
