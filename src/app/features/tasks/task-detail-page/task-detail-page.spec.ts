import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { aTask } from '../../../testing/builders';
import { DetailFetch, ListedTask } from '../data/task-detail-model';
import { TaskPageStore, TaskPageView } from '../data/task-page-store';
import { toTaskDetailVm } from '../data/task-detail-vm';
import { STREAM_GATED } from '../logs/log-view';
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
