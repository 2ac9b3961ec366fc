import { TestBed } from '@angular/core/testing';
import { Observable, auditTime, map, of } from 'rxjs';
import { TasksClient } from '../../shared/cloudai/tasks-client';
import { TaskDetail, TaskListEntry } from '../../shared/cloudai/task.model';
import { PollState } from '../../shared/streams/load-state';
import { aPoll, aTask } from '../../testing/builders';
import { marbles } from '../../testing/marbles';
import { TaskListSource } from '../task-list/task-list-source';
import { FailureGroupsStore } from './failure-groups-store';
import { FailureOverview, MAX_EXAMINED, READ_EVERY_MS } from './failure-reader';

describe('FailureGroupsStore', () => {
  const failedTask = (n: number) =>
    aTask({ task_id: `task-${n}`, status: 'failed', created_at: n, docker_image: 'etl:1' });
  const detailOf = (task: TaskListEntry): TaskDetail => ({
    ...task,
    assignment: { worker_id: 'kiwi', assigned_at: task.created_at },
    result: { status: 'failed', completed_at: task.created_at + 5, logs: 'ValueError: input contains NaN\n' },
  });

  function storeWith(
    poll$: Observable<PollState<readonly TaskListEntry[]>>,
    getTask: (id: string) => Observable<TaskDetail>,
  ) {
    const client = { getTask: jasmine.createSpy('getTask').and.callFake(getTask) };
    TestBed.configureTestingModule({
      providers: [
        { provide: TaskListSource, useValue: { poll$ } },
        { provide: TasksClient, useValue: client },
      ],
    });
    return { store: TestBed.inject(FailureGroupsStore), client };
  }

  it('reads only the most recent failures, once each, and groups them', () => {
    const tasks = [
      aTask({ task_id: 'ok', status: 'completed' }),
      ...Array.from({ length: MAX_EXAMINED + 10 }, (_, n) => failedTask(n)),
    ];
    const byId = new Map(tasks.map((task) => [task.task_id, task]));
    const { store, client } = storeWith(of(aPoll(tasks)), (id) => of(detailOf(byId.get(id)!)));
    let overview: FailureOverview | undefined;

    const subscription = store.overview$.subscribe((next) => (overview = next));
    subscription.unsubscribe();
    store.overview$.subscribe((next) => (overview = next)).unsubscribe();

    expect(client.getTask).toHaveBeenCalledTimes(MAX_EXAMINED);
    expect(client.getTask).not.toHaveBeenCalledWith('task-0');
    expect(client.getTask).not.toHaveBeenCalledWith('ok');
    expect(overview).toEqual(
      jasmine.objectContaining({ failedTotal: MAX_EXAMINED + 10, examined: MAX_EXAMINED, read: MAX_EXAMINED }),
    );
    expect(overview!.failures.every((failure) => failure.workerId === 'kiwi')).toBeTrue();
  });

  it('after the first fifty, reads at most one result every few seconds', () => {
    marbles(({ hot, expectObservable }) => {
      const first = Array.from({ length: MAX_EXAMINED }, (_, n) => failedTask(n));
      const later = [...first, failedTask(100), failedTask(101)];
      const poll$ = hot('a 99ms b', { a: aPoll(first), b: aPoll(later) });
      const byId = new Map(later.map((task) => [task.task_id, task]));
      const { store } = storeWith(poll$, (id) => of(detailOf(byId.get(id)!)));

      // The first fifty land together (sampled once per frame); then one at once and the next 6 s later,
      // while the two oldest leave the fifty examined.
      expectObservable(
        store.overview$.pipe(
          map((overview) => overview.read),
          auditTime(1),
        ),
        `${READ_EVERY_MS * 2}ms !`,
      ).toBe(`-x 99ms y ${READ_EVERY_MS - 1}ms z`, { x: MAX_EXAMINED, y: MAX_EXAMINED - 1, z: MAX_EXAMINED });
    });
  });

  it('reads one result at a time, and asks again later for one the master did not give', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const first = [failedTask(1), failedTask(2), failedTask(3)];
      const poll$ = hot('a 99ms b', { a: aPoll(first), b: aPoll([...first, failedTask(4)]) });
      let task1Asked = 0;
      const answer = (id: string): Observable<TaskDetail> => {
        const task = [...first, failedTask(4)].find((candidate) => candidate.task_id === id)!;
        // The master drops the connection the first time it is asked for task-1, and answers the second.
        if (id === 'task-1' && ++task1Asked === 1) return cold('10ms #');
        return id === 'task-4' ? of(detailOf(task)) : cold('10ms (d|)', { d: detailOf(task) });
      };
      const { store } = storeWith(poll$, answer);

      expectObservable(store.overview$.pipe(readCount()), '150ms !').toBe('0 9ms a 9ms b 79ms c 9ms d', {
        0: 0,
        a: 1,
        b: 2,
        c: 3,
        d: 4,
      });
    });
  });
});

function readCount() {
  return (overview$: Observable<FailureOverview>) =>
    new Observable<number>((subscriber) => {
      let last: number | undefined;
      return overview$.subscribe((overview) => {
        if (overview.read !== last) subscriber.next((last = overview.read));
      });
    });
}
