import { Observable, ReplaySubject, asyncScheduler, finalize, of, tap } from 'rxjs';
import { TaskDetail, TaskListEntry } from '../../shared/cloudai/task.model';
import { aTask } from '../../testing/builders';
import { fakeTabPort } from '../../testing/data-worker-testing';
import { marbles } from '../../testing/marbles';
import { HubMessage, WISH_EXPIRES_MS } from '../data-worker/protocol';
import { FAILURES_SENT_EVERY_MS, runFailureHub } from './failure-hub';
import { FailureReader } from './failure-reader';

describe('runFailureHub', () => {
  const failedTask = (n: number) => aTask({ task_id: `task-${n}`, status: 'failed', created_at: n });
  const detailOf = (task: TaskListEntry): TaskDetail => ({
    ...task,
    assignment: null,
    result: { status: 'failed', completed_at: task.created_at, logs: 'Killed\n' },
  });
  /** What a tab was sent, as `at:read/failed`. */
  const overviews = (received: readonly { at: number; message: HubMessage }[]) =>
    received.map(({ at, message }) =>
      message.kind === 'failures' ? `${at}:${message.overview.read}/${message.overview.failedTotal}` : message.kind,
    );
  /** The worker's task lists: the latest replayed, as the worker's poll gives them. */
  const listsOf = (...lists: (readonly TaskListEntry[])[]) => {
    const lists$ = new ReplaySubject<readonly TaskListEntry[]>(1);
    for (const list of lists) lists$.next(list);
    return lists$;
  };

  it('reads once for every tab, sends the overview as results arrive, and a joining tab what is known at once', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      const tasks = [failedTask(1), failedTask(2), failedTask(3)];
      const reads: string[] = [];
      // Each result takes 10 ms to come.
      const reader = new FailureReader((taskId): Observable<TaskDetail> => {
        reads.push(taskId);
        return cold('10ms (d|)', { d: detailOf(tasks.find((task) => task.task_id === taskId)!) });
      });
      const now = () => asyncScheduler.now();
      const first = fakeTabPort(1, cold('a', { a: { kind: 'failures-on' } }), now);
      const second = fakeTabPort(2, cold('15ms a', { a: { kind: 'failures-on' } }), now);
      const hub = runFailureHub(hot('(ab)', { a: first.port, b: second.port }), { lists$: listsOf(tasks), reader });

      expectObservable(hub, '^ 1000ms !').toBe('');
      flush();

      expect(reads).toEqual(['task-3', 'task-2', 'task-1']);
      // At most one overview per interval: the first at once, the three results together.
      expect(overviews(first.received)).toEqual(['0:0/3', `${FAILURES_SENT_EVERY_MS}:3/3`]);
      expect(overviews(second.received)).toEqual(['15:0/3', `${FAILURES_SENT_EVERY_MS}:3/3`]);
    });
  });

  it('reads only while some tab shows failures, a silent tab until it has gone, and never a result twice', () => {
    marbles(({ cold, hot, expectObservable, flush }) => {
      const reads: string[] = [];
      const reader = new FailureReader((taskId) => {
        reads.push(taskId);
        return of(detailOf(failedTask(Number(taskId.slice('task-'.length)))));
      });
      const now = () => asyncScheduler.now();
      const leaving = fakeTabPort(1, cold('a 9ms o', { a: { kind: 'failures-on' }, o: { kind: 'failures-off' } }), now);
      const silent = fakeTabPort(2, cold('500ms a', { a: { kind: 'failures-on' } }), now);
      const lists$ = listsOf([failedTask(1)]);
      cold('1000ms b').subscribe(() => lists$.next([failedTask(1), failedTask(2)]));
      const reading: string[] = [];
      const hub = runFailureHub(hot('(ab)', { a: leaving.port, b: silent.port }), {
        lists$: lists$.pipe(
          tap({ subscribe: () => reading.push(`+${now()}`) }),
          finalize(() => reading.push(`-${now()}`)),
        ),
        reader,
      });

      expectObservable(hub, `^ ${WISH_EXPIRES_MS + 1000}ms !`).toBe('');
      flush();

      expect(reading).toEqual(['+0', '-10', '+500', `-${500 + WISH_EXPIRES_MS}`]);
      expect(reads).toEqual(['task-1', 'task-2']);
      expect(overviews(leaving.received)).toEqual(['0:0/1']);
      // Each new list at once, its result within the interval.
      expect(overviews(silent.received)).toEqual(['500:1/1', '1000:1/2', `${1000 + FAILURES_SENT_EVERY_MS}:2/2`]);
    });
  });
});
