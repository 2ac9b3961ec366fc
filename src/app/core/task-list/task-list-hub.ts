import {
  EMPTY,
  Observable,
  Observer,
  asyncScheduler,
  defer,
  distinctUntilChanged,
  filter,
  ignoreElements,
  map,
  merge,
  mergeMap,
  scan,
  share,
  shareReplay,
  tap,
  timeout,
  timer,
} from 'rxjs';
import { ParsedList } from '../../shared/cloudai/parse-rest-lists';
import { UnreadableAnswerError } from '../../shared/cloudai/read-answer';
import { TaskListEntry } from '../../shared/cloudai/task.model';
import { MasterFailureError } from '../../shared/http/master-failure';
import { PollState } from '../../shared/streams/load-state';
import { NOT_POLLED, smartPoll } from '../../shared/streams/smart-poll';
import { TaskListDelta, diffTaskList, fullTaskList } from './task-list-delta';
import { HubPort, WISH_EXPIRES_MS, WISH_RENEW_MS } from '../data-worker/protocol';
import { NO_WISHES, PollPace, WishEvent, pollPace, reduceWishes } from './task-list-wishes';

export interface HubOptions {
  /** One `GET /api/tasks`: the readable entries and how many were left out. */
  readonly request: () => Observable<ParsedList<TaskListEntry>>;
  readonly defaultIntervalMs: number;
  readonly maxBackoffMs: number;
  /** Told every list the poll receives, for the worker's other readers of it. */
  readonly lists?: Observer<readonly TaskListEntry[]>;
}

type PolledList = PollState<readonly TaskListEntry[]>;

/**
 * The one task-list poll of every tab of a browser, run by the data worker: tabs say how often
 * they want the list and whether they are visible; the hub polls as the most eager visible tab
 * asks, parses and compares each answer here, and sends each tab only what changed since the
 * last list it was sent. Cold: subscribing runs it; never completes.
 */
export function runTaskListHub(ports$: Observable<HubPort>, options: HubOptions): Observable<never> {
  return defer(() => {
    /** What each tab reading the list has been sent (`undefined`: nothing yet, so everything next). */
    const sent = new Map<number, { port: HubPort; list: readonly TaskListEntry[] | undefined }>();
    let latest: PolledList = NOT_POLLED;
    let rejected = 0;

    const messages$ = ports$.pipe(
      mergeMap((port) =>
        port.messages$.pipe(
          // A port silent for that long belongs to a tab that has gone: let it go.
          timeout({ each: WISH_EXPIRES_MS, with: () => EMPTY }),
          map((message) => ({ port, message })),
        ),
      ),
      share(),
    );

    const wishes$ = merge(
      messages$.pipe(
        map(({ port, message }): WishEvent => ({
          kind: 'message',
          portId: port.id,
          message,
          at: asyncScheduler.now(),
        })),
      ),
      timer(WISH_RENEW_MS, WISH_RENEW_MS).pipe(map((): WishEvent => ({ kind: 'tick', at: asyncScheduler.now() }))),
    ).pipe(scan(reduceWishes, NO_WISHES), shareReplay({ bufferSize: 1, refCount: true }));

    const pace$ = wishes$.pipe(
      map((wishes) => pollPace(wishes, options.defaultIntervalMs)),
      distinctUntilChanged((a: PollPace, b: PollPace) => a.intervalMs === b.intervalMs && a.visible === b.visible),
      shareReplay({ bufferSize: 1, refCount: true }),
    );

    const tellRejected = (count: number) => {
      if (count === rejected) return;
      rejected = count;
      for (const { port } of sent.values()) port.post({ kind: 'malformed', rejected });
    };

    const polls$ = smartPoll({
      request: () =>
        options.request().pipe(
          tap({
            next: (parsed) => tellRejected(parsed.rejected),
            error: (error: unknown) => {
              if (error instanceof UnreadableAnswerError) tellRejected(1);
              if (isUnauthorized(error)) for (const { port } of sent.values()) port.post({ kind: 'unauthorized' });
            },
          }),
          map((parsed): readonly TaskListEntry[] => parsed.entries),
        ),
      intervalMs$: pace$.pipe(map((pace) => pace.intervalMs)),
      visible$: pace$.pipe(map((pace) => pace.visible)),
      refresh$: messages$.pipe(filter(({ message }) => message.kind === 'refresh')),
      maxBackoffMs: options.maxBackoffMs,
    }).pipe(
      tap((state) => {
        latest = state;
        if (state.kind === 'ready') options.lists?.next(state.data);
        const deltas = new Map<readonly TaskListEntry[] | undefined, PollState<TaskListDelta>>();
        for (const [id, reader] of sent) {
          const wire = deltas.get(reader.list) ?? toWire(state, reader.list);
          deltas.set(reader.list, wire);
          reader.port.post({ kind: 'poll', state: wire });
          if (state.kind === 'ready') sent.set(id, { ...reader, list: state.data });
        }
      }),
    );

    const readers$ = messages$.pipe(
      tap(({ port, message }) => {
        if (message.kind === 'leave') {
          sent.delete(port.id);
        } else if (message.kind === 'want' && !sent.has(port.id)) {
          // A tab that starts reading gets everything known so far at once.
          port.post({ kind: 'poll', state: toWire(latest, undefined) });
          port.post({ kind: 'malformed', rejected });
          sent.set(port.id, { port, list: latest.kind === 'ready' ? latest.data : undefined });
        }
      }),
    );

    // Tabs that stopped repeating their wish are gone: stop sending to them.
    const forget$ = wishes$.pipe(
      tap((wishes) => {
        for (const id of sent.keys()) if (!wishes.has(id)) sent.delete(id);
      }),
    );

    return merge(readers$, forget$, polls$).pipe(ignoreElements());
  });
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof MasterFailureError && error.failure.kind === 'answered' && error.failure.status === 401;
}

/** A poll state as a tab gets it: a ready list as the change from what the tab has. */
function toWire(state: PolledList, has: readonly TaskListEntry[] | undefined): PollState<TaskListDelta> {
  if (state.kind !== 'ready') return state;
  return { ...state, data: has === undefined ? fullTaskList(state.data) : diffTaskList(has, state.data) };
}
