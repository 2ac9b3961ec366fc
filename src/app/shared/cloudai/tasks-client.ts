import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { TaskListEntry, TaskListResponse } from './task.model';

/** Task endpoints of the master. I/O only: each method returns a cold Observable of one response. */
@Injectable({ providedIn: 'root' })
export class TasksClient {
  private readonly http = inject(HttpClient);

  /** `GET /api/tasks`: every task the master has stored, oldest first. */
  listTasks(): Observable<readonly TaskListEntry[]> {
    return this.http.get<TaskListResponse>('/api/tasks').pipe(map((response) => response.tasks ?? []));
  }
}
