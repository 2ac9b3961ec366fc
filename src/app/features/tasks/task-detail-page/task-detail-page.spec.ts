import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { aTask } from '../../../testing/builders';
import { DetailFetch, ListedTask } from '../data/task-detail-model';
import { TaskPageStore, TaskPageView } from '../data/task-page-store';
import { toTaskDetailVm } from '../data/task-detail-vm';
import { STREAM_GATED } from '../logs/log-view';
import { PendingReason } from '../data/pending-reason';
import { TaskDetailPage } from './task-detail-page';

const NOT_ASKED: DetailFetch = { kind: 'idle' };

describe('TaskDetailPage', () => {
  const running = aTask({ task_id: 't1', status: 'running', docker_image: 'python:3.12' });

  function view(
    listed: ListedTask,
    overrides: Partial<TaskPageView> = {},
    detail: DetailFetch = NOT_ASKED,
  ): TaskPageView {
    return {
      detail: toTaskDetailVm({
        taskId: 't1',
        listed,
        detail,
        cancelling: new Map(),
        runningOn: new Map([['t1', 'kiwi']]),
      }),
      logs: null,
      streamOpened: false,
      assignedAt: null,
      files: { kind: 'idle' },
      watched: false,
      now: running.created_at * 1000 + 60_000,
      pendingReason: null,
      browserNow: running.created_at * 1000 + 60_000,
      sameFailure: null,
      ...overrides,
    };
  }

  async function render(page: TaskPageView) {
    const store = jasmine.createSpyObj<TaskPageStore>('TaskPageStore', [
      'toggleWatch',
      'cancel',
      'openLiveLogs',
      'fileUrl',
    ]);
    TestBed.configureTestingModule({ imports: [TaskDetailPage], providers: [provideRouter([])] });
    TestBed.overrideComponent(TaskDetailPage, {
      set: { providers: [{ provide: TaskPageStore, useValue: { ...store, vm$: of(page) } }] },
    });
    const fixture = TestBed.createComponent(TaskDetailPage);
    fixture.componentRef.setInput('id', 't1');
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, store };
  }

  const button = (element: HTMLElement, text: RegExp) =>
    Array.from(element.querySelectorAll('button')).find((candidate) => text.test(candidate.textContent ?? ''))!;

  it('shows a running task with its image, worker and the gate before its live logs', async () => {
    const { element } = await render(
      view({ loaded: true, entry: running, listError: null, noDatabase: false }, { logs: STREAM_GATED }),
    );

    expect(element.querySelector('h1')?.textContent).toContain('t1');
    expect(element.textContent).toContain('python:3.12');
    expect(element.textContent).toContain('kiwi');
    expect(button(element, /Open (live logs|anyway)/)).toBeDefined();
  });

  it('says why a pending task has not started, with each requirement against the worker the master would pick', async () => {
    const pending = aTask({
      task_id: 't1',
      status: 'pending',
      cpu_required: 2,
      memory_required: 1,
      storage_required: 5,
    });
    const kiwi = {
      id: 'kiwi',
      active: true,
      capacity: { cpu: 12, memory: 8, storage: 100, gpu: 0 },
      available: { cpu: 10, memory: 6, storage: 95, gpu: 0 },
    };
    const now = pending.created_at * 1000 + 120_000;
    const reason: PendingReason = {
      kind: 'lost',
      fitting: { names: ['kiwi'], count: 1 },
      best: kiwi,
      since: now - 90_000,
    };

    const { element } = await render(
      view(
        { loaded: true, entry: pending, listError: null, noDatabase: false },
        { pendingReason: reason, browserNow: now },
      ),
    );

    const panel = element.querySelector('[data-testid="why-pending-panel"]')!;
    expect(panel.textContent).toContain('Fits kiwi but has not started for over 30 s: the master may have lost it.');
    expect(panel.textContent).toContain('90 s ago');
    const cpuRow = Array.from(panel.querySelectorAll('tr')).find((row) => row.textContent?.includes('CPU'))!;
    expect(cpuRow.textContent).toContain('2 cores');
    expect(cpuRow.textContent).toContain('10 cores');
    expect(cpuRow.classList).not.toContain('short');
  });

  it('says how many other recent tasks failed the same way, with a link to them', async () => {
    const failed = aTask({ task_id: 't1', status: 'failed' });

    const { element } = await render(
      view(
        { loaded: true, entry: failed, listError: null, noDatabase: false },
        { sameFailure: { key: 'abc', others: 3, examined: 50 } },
      ),
    );

    const line = element.querySelector('[data-testid="same-failure"]')!;
    expect(line.textContent).toContain('3 other recent tasks failed the same way');
    expect(line.querySelector('a')?.getAttribute('href')).toBe('/tasks?status=failed&failure=abc');
  });

  it('opens the live logs and watches the task through the store', async () => {
    const { element, store } = await render(
      view({ loaded: true, entry: running, listError: null, noDatabase: false }, { logs: STREAM_GATED }),
    );

    button(element, /Open (live logs|anyway)/).click();
    button(element, /Watch/).click();

    expect(store.openLiveLogs).toHaveBeenCalledWith('t1');
    expect(store.toggleWatch).toHaveBeenCalledWith('t1', false, 'running');
  });

  it('says when the master lists no such task', async () => {
    const unknown: DetailFetch = {
      kind: 'error',
      message: 'task not found',
      failure: { kind: 'answered', status: 404, statusText: 'Not Found', body: 'task not found' },
    };
    const { element } = await render(
      view({ loaded: true, entry: undefined, listError: null, noDatabase: false }, {}, unknown),
    );

    expect(element.textContent).toContain('No task “t1”');
  });

  it('says the master has no database instead of showing an error', async () => {
    const { element } = await render(view({ loaded: false, entry: undefined, listError: 'x', noDatabase: true }));

    expect(element.textContent).toContain('This master has no database');
  });
});
