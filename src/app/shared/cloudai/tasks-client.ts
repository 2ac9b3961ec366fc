import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { TaskListEntry, TaskListResponse, TaskSubmission, TaskSubmitted } from './task.model';

/** Task endpoints of the master. I/O only: each method returns a cold Observable of one response. */
@Injectable({ providedIn: 'root' })
export class TasksClient {
  private readonly http = inject(HttpClient);

  /** `GET /api/tasks`: every task the master has stored, oldest first. */
  listTasks(): Observable<readonly TaskListEntry[]> {
    return this.http.get<TaskListResponse>('/api/tasks').pipe(map((response) => response.tasks ?? []));
  }

  /** `POST /api/tasks`: errors come back as the master's text/plain message. */
  submitTask(submission: TaskSubmission): Observable<TaskSubmitted> {
    return this.http.post<TaskSubmitted>('/api/tasks', submission);
  }
}
