import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap } from '@angular/router';
import { NEVER, Observable, map, of } from 'rxjs';
import { CLOCK } from '../../../core/realtime/browser-signals';
import { MasterClock } from '../../../core/realtime/master-clock';
import { PollState } from '../../../shared/streams/load-state';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { aTask, aPoll } from '../../../testing/builders';
import { marbles } from '../../../testing/marbles';
import { TaskCancellationsStore } from './task-cancellations-store';
import { TasksPageStore } from './tasks-page-store';
import { TasksStore } from './tasks-store';
import { NO_REASONS, PendingReasonsStore } from './pending-reasons-store';
import { FailureGroupsStore } from '../../../core/failures/failure-groups-store';

describe('TasksPageStore', () => {
  const poll = (...ids: string[]): PollState<readonly TaskListEntry[]> =>
    aPoll(ids.map((task_id, index) => aTask({ task_id, created_at: 1000 - index })));

  function storeWith(listPoll$: Observable<PollState<readonly TaskListEntry[]>>) {
    const cancel = jasmine.createSpy('cancel');
    TestBed.configureTestingModule({
      providers: [
        TasksPageStore,
        {
          provide: TasksStore,
          useValue: { listPoll$, runningOn$: of(new Map()), intervalMs$: of(3000), pollEvery: () => undefined },
        },
        { provide: TaskCancellationsStore, useValue: { pending$: of(new Map()), settled$: of(new Map()), cancel } },
        { provide: PendingReasonsStore, useValue: { reasons$: of(NO_REASONS) } },
        { provide: FailureGroupsStore, useValue: { overview$: NEVER } },
        { provide: ActivatedRoute, useValue: { queryParamMap: of(convertToParamMap({})), snapshot: {} } },
        { provide: Router, useValue: { navigate: () => Promise.resolve(true) } },
        { provide: CLOCK, useValue: of(0) },
        { provide: MasterClock, useValue: { now$: of(0) } },
      ],
    });
    return { store: TestBed.inject(TasksPageStore), cancel };
  }

  const order = (view: { shown: { rows: readonly { task: TaskListEntry }[] } }) =>
    view.shown.rows.map((row) => row.task.task_id).join(',');

  it('follows the list while nobody points at it, and holds its order while someone does', () => {
    marbles(({ hot, cold, expectObservable }) => {
      const { store } = storeWith(
        hot('a 9ms b 9ms c', { a: poll('t1'), b: poll('t2', 't1'), c: poll('t3', 't2', 't1') }),
      );
      cold('5ms p 19ms l').subscribe((key) => store.holdOrderWhile(key === 'p'));

      // New tasks wait (as "changes to apply") while held; letting go shows them in place.
      expectObservable(store.vm$.pipe(map(order)), '30ms !').toBe('a 4ms a 4ms a 9ms a 4ms c', {
        a: 't1',
        c: 't3,t2,t1',
      });
    });
  });

  it('cancels confirmed tasks, and a bulk cancel clears the selection', () => {
    const { store, cancel } = storeWith(of(poll('t1')));
    store.toggleSelected('t1');
    let selected: ReadonlySet<string> | undefined;
    store.vm$.subscribe((view) => (selected = view.selected));
    expect(selected?.size).toBe(1);

    store.cancel([aTask({ task_id: 't1' })], true);

    expect(cancel).toHaveBeenCalledTimes(1);
    expect(selected?.size).toBe(0);
  });
});
