import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { BehaviorSubject, EMPTY } from 'rxjs';
import { PollState } from '../../../shared/streams/load-state';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { aFailedPoll, aPoll, aTask } from '../../../testing/builders';
import { NOT_POLLED } from '../../../shared/streams/smart-poll';
import { Cancellation } from '../data/task-cancellation-model';
import { DEFAULT_TASK_QUERY } from '../data/task-query';
import { PendingReason } from '../data/pending-reason';
import { TasksPageStore, TasksPageView } from '../data/tasks-page-store';
import { toShownTasks, toTasksPageVm } from '../data/tasks-page-vm';
import { TasksPage } from './tasks-page';

describe('TasksPage', () => {
  const commands = [
    'sortBy',
    'filterBy',
    'search',
    'pollEvery',
    'refresh',
    'holdOrderWhile',
    'applyWaitingChanges',
    'toggleSelected',
    'select',
    'cancel',
  ] as const;

  function view(
    tasks: readonly TaskListEntry[] | undefined,
    selected: string[] = [],
    lastError: string | null = null,
    pendingReasons: ReadonlyMap<string, PendingReason> = new Map(),
  ) {
    const poll: PollState<readonly TaskListEntry[]> = tasks
      ? aPoll(tasks, 1_000, lastError ?? undefined)
      : lastError
        ? aFailedPoll(lastError)
        : NOT_POLLED;
    const list = toTasksPageVm({
      poll,
      runningOn: new Map(),
      pendingReasons,
      query: DEFAULT_TASK_QUERY,
      intervalMs: 3000,
      cancelling: new Map<string, Cancellation>(),
    });
    return {
      shown: toShownTasks(null, list, false, 0),
      selected: new Set(selected),
      now: 2_000,
      masterNow: 2_000,
      failure: null,
    };
  }

  async function render(initial: TasksPageView, intervalChoices: readonly number[] = [1000, 3000, 10_000, 30_000, 0]) {
    const vm$ = new BehaviorSubject(initial);
    const store = jasmine.createSpyObj<TasksPageStore>('TasksPageStore', [...commands]);
    TestBed.configureTestingModule({ imports: [TasksPage], providers: [provideRouter([])] });
    TestBed.overrideComponent(TasksPage, {
      set: {
        providers: [{ provide: TasksPageStore, useValue: { ...store, vm$, cancelProgress$: EMPTY, intervalChoices } }],
      },
    });
    const fixture = TestBed.createComponent(TasksPage);
    await fixture.whenStable();
    return { page: fixture.nativeElement as HTMLElement, store };
  }

  const button = (page: HTMLElement, text: string) =>
    Array.from(page.querySelectorAll('button')).find((candidate) => candidate.textContent?.includes(text))!;

  it('shows a skeleton while the first list loads, and the reason when it cannot', async () => {
    expect((await render(view(undefined))).page.querySelector('[aria-label="Loading tasks"]')).not.toBeNull();
    TestBed.resetTestingModule();
    const { page } = await render(view(undefined, [], 'The master cannot be reached.'));
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('The master cannot be reached.');
  });

  it("offers the deployment's default refresh interval among the usual ones", async () => {
    const { page } = await render(view([]), [1000, 3000, 5000, 10_000, 30_000, 0]);
    const choices = Array.from(page.querySelectorAll('[aria-label="Refresh interval"] mat-button-toggle')).map(
      (toggle) => toggle.textContent?.trim(),
    );
    expect(choices).toEqual(['1 s', '3 s', '5 s', '10 s', '30 s', 'Paused']);
  });

  it('lists the tasks with their count, and an empty state when there are none', async () => {
    const { page } = await render(view([aTask({ task_id: 't1' }), aTask({ task_id: 't2' })]));
    expect(page.textContent).toContain('2 tasks');
    expect(page.querySelector('a[href="/tasks/t1"]')).not.toBeNull();

    TestBed.resetTestingModule();
    expect((await render(view([]))).page.textContent).toContain('No tasks yet');
  });

  it('says in the worker column why a pending task has not started, in the warning colour when it never will', async () => {
    const reasons = new Map<string, PendingReason>([
      [
        't1',
        {
          kind: 'never',
          short: [{ resource: 'storage', required: 1024, largest: 1000 }],
          unknownCapacity: 0,
          best: null,
        },
      ],
    ]);
    const tasks = [aTask({ task_id: 't1', status: 'pending' }), aTask({ task_id: 't2', status: 'running' })];

    const { page } = await render(view(tasks, [], null, reasons));

    const why = page.querySelectorAll<HTMLElement>('[data-testid="why-pending"]');
    expect(why.length).toBe(1);
    expect(why[0].textContent?.trim()).toBe('no worker has 1,024 GB storage (largest: 1,000 GB storage)');
    expect(why[0].classList).toContain('warning');
  });

  it('offers cancelling and clearing the selection, through the store', async () => {
    const { page, store } = await render(view([aTask({ task_id: 't1', status: 'running' })], ['t1']));
    expect(page.textContent).toContain('1 selected');

    button(page, 'Clear selection').click();

    expect(store.select).toHaveBeenCalledWith([]);
  });

  it('refreshes and pauses through the store', async () => {
    const { page, store } = await render(view([aTask()]));

    page.querySelector<HTMLButtonElement>('button[aria-label="Refresh now"]')!.click();
    expect(store.refresh).toHaveBeenCalled();
  });
});
