import { DestroyRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { BehaviorSubject, filter, firstValueFrom, of } from 'rxjs';
import { aLiveWorker, aPoll, aTask } from '../../testing/builders';
import { AuthState } from '../auth/auth-state';
import { AuthStore } from '../auth/auth-store';
import { LiveWorkersStore } from '../realtime/live-workers-store';
import { PageCommands } from '../shortcuts/page-commands';
import { TaskListSource } from '../task-list/task-list-source';
import { PaletteSources } from './palette-sources';

describe('PaletteSources', () => {
  afterEach(() => localStorage.removeItem('cloudai.theme'));

  function setUp(auth: AuthState) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: AuthStore, useValue: { state$: of(auth), signOut: jasmine.createSpy('signOut') } },
        {
          provide: TaskListSource,
          useValue: {
            poll$: of(aPoll([aTask({ task_id: 'task-1', docker_image: 'python:3.12', status: 'running' })])),
          },
        },
        {
          provide: LiveWorkersStore,
          useValue: {
            workersEachSecond$: of([aLiveWorker({ id: 'atlas', address: '10.0.0.7:50051', status: 'active' })]),
          },
        },
      ],
    });
    return TestBed.inject(PaletteSources);
  }
  const user = { user_id: 'u1', username: 'ops', email: 'ops@example.com' } as never;

  it('lists every task and worker with what an operator searches them by, and opens their pages', async () => {
    const sources = setUp({ kind: 'no-auth' });
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);

    const { tasks, workers } = await firstValueFrom(
      sources.entries$.pipe(filter((entries) => entries.tasks !== null && entries.workers !== null)),
    );

    expect(tasks?.map(({ key, label, keywords, detail }) => ({ key, label, keywords, detail }))).toEqual([
      { key: 'task:task-1', label: 'task-1', keywords: 'python:3.12', detail: 'python:3.12 · running' },
    ]);
    expect(workers?.map(({ label, keywords, detail }) => ({ label, keywords, detail }))).toEqual([
      { label: 'atlas', keywords: '10.0.0.7:50051', detail: '10.0.0.7:50051 · active' },
    ]);
    tasks![0].run();
    expect(navigate).toHaveBeenCalledWith(['/tasks', 'task-1']);
  });

  it("offers the current page's commands, the other themes, the other clock, and sign-out when signed in", async () => {
    const sources = setUp({ kind: 'signed-in', user });
    const ran: string[] = [];
    TestBed.inject(PageCommands).offer({ 'export-csv': () => ran.push('csv') }, {
      onDestroy: () => undefined,
    } as unknown as DestroyRef);

    const { commands } = await firstValueFrom(sources.entries$);
    const labels = commands.map((command) => command.label);

    expect(labels).toContain('Export the list shown as CSV');
    expect(labels).not.toContain('Export the list shown as JSON');
    expect(labels).toContain('Use the light theme');
    expect(labels).toContain('Use the dark theme');
    expect(labels).not.toContain("Follow the system's light or dark setting");
    expect(labels).toContain('Show times in UTC');
    expect(labels).toContain('Sign out');
    expect(labels).toContain('Workers');
    commands.find((command) => command.label === 'Export the list shown as CSV')!.run();
    expect(ran).toEqual(['csv']);
  });

  it('keeps the entry of a task that did not change from one list to the next, and remakes a changed one', async () => {
    const polls = new BehaviorSubject(
      aPoll([aTask({ task_id: 'a', status: 'running' }), aTask({ task_id: 'b', status: 'pending' })]),
    );
    TestBed.overrideProvider(TaskListSource, { useValue: { poll$: polls } });
    const sources = setUp({ kind: 'no-auth' });
    const lists: (readonly { label: string; detail: string }[])[] = [];
    const subscription = sources.entries$.subscribe(({ tasks }) => tasks && lists.push(tasks));

    polls.next(aPoll([aTask({ task_id: 'a', status: 'running' }), aTask({ task_id: 'b', status: 'running' })]));
    subscription.unsubscribe();

    const [first, second] = [lists[0], lists[lists.length - 1]];
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].detail).toContain('running');
  });

  it('offers no sign-out where there is no sign-in', async () => {
    const { commands } = await firstValueFrom(setUp({ kind: 'no-auth' }).entries$);

    expect(commands.map((command) => command.label)).not.toContain('Sign out');
  });
});
