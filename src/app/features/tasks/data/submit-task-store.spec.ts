import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap } from '@angular/router';
import { Observable, of } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { PollState } from '../../../shared/streams/load-state';
import { aTask, aPoll } from '../../../testing/builders';
import { marbles } from '../../../testing/marbles';
import { SubmitTaskStore } from './submit-task-store';
import { EMPTY_DRAFT, TaskDraftStore } from './task-draft';
import { TaskWatchStore } from './task-watch-store';
import { PendingReasonsStore } from './pending-reasons-store';
import { TasksStore } from './tasks-store';

describe('SubmitTaskStore', () => {
  const draft = { ...EMPTY_DRAFT, docker_image: 'python:3.12' };
  const listed: PollState<readonly TaskListEntry[]> = aPoll([aTask({ task_id: 't1', docker_image: 'redis:7' })]);
  let watch: jasmine.Spy;

  afterEach(() => sessionStorage.clear());

  function storeWith(submitTask: () => Observable<{ task_id: string }>, from: string | null = null) {
    watch = jasmine.createSpy('watch');
    TestBed.configureTestingModule({
      providers: [
        SubmitTaskStore,
        { provide: TasksClient, useValue: { submitTask } },
        { provide: TaskWatchStore, useValue: { watch } },
        { provide: TasksStore, useValue: { poll$: of(listed) } },
        { provide: PendingReasonsStore, useValue: { placement$: of(null) } },
        {
          provide: AuthStore,
          useValue: { signedInAs$: of('ada@example.com') },
        },
        { provide: ActivatedRoute, useValue: { queryParamMap: of(convertToParamMap(from ? { from } : {})) } },
      ],
    });
    return TestBed.inject(SubmitTaskStore);
  }

  it('sends the draft as the signed-in user, then watches the task and forgets the draft', () => {
    marbles(({ cold, expectObservable }) => {
      const submitTask = jasmine.createSpy('submitTask').and.returnValue(cold('20ms (a|)', { a: { task_id: 't9' } }));
      const store = storeWith(submitTask);
      cold('10ms s').subscribe(() => store.submit(draft, true));

      expectObservable(store.state$).toBe('i 9ms s 19ms d', {
        i: { kind: 'idle' },
        s: { kind: 'sending' },
        d: { kind: 'sent', taskId: 't9', openAfterwards: true },
      });
      expectObservable(store.sent$).toBe('30ms d', { d: { kind: 'sent', taskId: 't9', openAfterwards: true } });
      cold('40ms x').subscribe(() => {
        expect(submitTask).toHaveBeenCalledOnceWith(jasmine.objectContaining({ user_id: 'ada@example.com' }));
        expect(watch).toHaveBeenCalledOnceWith('t9', 'pending');
        expect(TestBed.inject(TaskDraftStore).read()).toEqual(EMPTY_DRAFT);
      });
    });
  });

  it("keeps the draft and says the master's refusal; starting over forgets both", () => {
    marbles(({ cold, expectObservable }) => {
      const refused = new HttpErrorResponse({ status: 400, error: 'docker_image is required' });
      const store = storeWith(() => cold('10ms #', undefined, refused));
      store.submit(draft, false);
      cold('20ms x').subscribe(() => {
        expect(TestBed.inject(TaskDraftStore).read()).toEqual(draft);
        store.startOver();
      });

      expectObservable(store.state$).toBe('s 9ms r 9ms i', {
        s: { kind: 'sending' },
        r: { kind: 'refused', message: jasmine.stringContaining('docker_image is required') as never },
        i: { kind: 'idle' },
      });
    });
  });

  it('sends one submission at a time', () => {
    marbles(({ cold, flush }) => {
      const submitTask = jasmine.createSpy('submitTask').and.returnValue(cold('20ms (a|)', { a: { task_id: 't9' } }));
      const store = storeWith(submitTask);
      store.submit(draft, false);
      store.submit(draft, false);
      flush();

      expect(submitTask).toHaveBeenCalledTimes(1);
    });
  });

  it('finds the task to run again, named in the URL', () => {
    const store = storeWith(() => of({ task_id: 'x' }), 't1');
    let prefill: unknown;

    store.prefill$.subscribe((value) => (prefill = value));

    expect(prefill).toEqual({ taskId: 't1', task: jasmine.objectContaining({ docker_image: 'redis:7' }) });
  });
});
