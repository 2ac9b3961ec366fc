import { TestBed } from '@angular/core/testing';
import { Observable } from 'rxjs';
import { TaskDetail } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { aTask } from '../../../testing/builders';
import { marbles } from '../../../testing/marbles';
import { WorkersClient } from '../../../shared/cloudai/workers-client';
import { ListedTask } from './task-detail-model';
import { TaskDetailStore } from './task-detail-store';
import { TasksStore } from './tasks-store';

describe('TaskDetailStore', () => {
  function storeWith(options: { getTask?: () => Observable<TaskDetail> }) {
    TestBed.configureTestingModule({
      providers: [
        { provide: TasksClient, useValue: { getTask: options.getTask } },
        { provide: TasksStore, useValue: { refresh: jasmine.createSpy('refresh') } },
        { provide: WorkersClient, useValue: {} },
      ],
    });
    return { store: TestBed.inject(TaskDetailStore) };
  }

  it('asks for the detail only once the task has finished (the master drops the connection before)', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const detail = {
        ...aTask({ task_id: 't1', status: 'completed' }),
        assignment: null,
        result: { status: 'success', completed_at: 5, logs: '' },
      };
      const getTask = jasmine.createSpy('getTask').and.returnValue(cold('10ms (d|)', { d: detail }));
      const { store } = storeWith({ getTask });
      const listed$ = hot<ListedTask>('r 99ms c', {
        r: { loaded: true, entry: aTask({ task_id: 't1', status: 'running' }), listError: null, noDatabase: false },
        c: { loaded: true, entry: aTask({ task_id: 't1', status: 'completed' }), listError: null, noDatabase: false },
      });

      expectObservable(store.detail$('t1', listed$), '200ms !').toBe('n 99ms l 9ms v', {
        n: { kind: 'idle' },
        l: { kind: 'loading' },
        v: { kind: 'ready', data: detail, updatedAt: 110 },
      });
      cold('50ms x').subscribe(() => expect(getTask).not.toHaveBeenCalled());
    });
  });
});
