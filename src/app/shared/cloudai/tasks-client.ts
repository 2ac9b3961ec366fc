import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { underBase } from '../http/app-url';
import {
  TaskCancelRequested,
  TaskDetail,
  TaskFiles,
  TaskListEntry,
  TaskLogs,
  TaskSubmission,
  TaskSubmitted,
} from './task.model';
import { MalformedInput, readAnswer } from './malformed-input';
import { TASK_LIST_ANSWER, parseTaskList } from './parse-rest-lists';
import { MasterHttp } from '../http/master-http';

/** Task endpoints of the master. I/O only: each method returns a cold Observable of one response. */
@Injectable({ providedIn: 'root' })
export class TasksClient {
  private readonly http = inject(MasterHttp);
  private readonly malformed = inject(MalformedInput);

  /** `GET /api/tasks`: every task the master has stored, oldest first; with `status`, only those with exactly that status. */
  listTasks(status?: string): Observable<readonly TaskListEntry[]> {
    return this.http
      .getText('/api/tasks', status === undefined ? undefined : { status })
      .pipe(
        map(
          readAnswer(
            this.malformed,
            status === undefined ? TASK_LIST_ANSWER : `a list of ${status} tasks`,
            parseTaskList,
          ),
        ),
      );
  }

  /** `POST /api/tasks`: errors come back as the master's text/plain message. */
  submitTask(submission: TaskSubmission): Observable<TaskSubmitted> {
    return this.http.send<TaskSubmitted>('POST', '/api/tasks', submission);
  }

  /** `GET /api/tasks/{id}`: works for finished tasks only; for the others the master drops the connection (status 0). */
  getTask(taskId: string): Observable<TaskDetail> {
    return this.http.getJson<TaskDetail>(`/api/tasks/${encodeURIComponent(taskId)}`);
  }

  /** `GET /api/tasks/{id}/logs`: stored logs of a finished task; the connection drops for the others. */
  getTaskLogs(taskId: string): Observable<TaskLogs> {
    return this.http.getJson<TaskLogs>(`/api/tasks/${encodeURIComponent(taskId)}/logs`);
  }

  /**
   * `DELETE /api/tasks/{id}`: 200 whatever happened; only the next polls tell. Can take 10 s or
   * more (the request timeout allows for it).
   */
  cancelTask(taskId: string): Observable<TaskCancelRequested> {
    return this.http.send<TaskCancelRequested>('DELETE', `/api/tasks/${encodeURIComponent(taskId)}`);
  }

  /** `GET /api/files/{id}`: the output files of a task, as `requestingUser` (no cookie auth on these routes). */
  listTaskFiles(taskId: string, ownerId: string, requestingUser: string): Observable<TaskFiles> {
    return this.http.getJson<TaskFiles>(`/api/files/${encodeURIComponent(taskId)}`, {
      requesting_user: requestingUser,
      user_id: ownerId,
    });
  }

  /** Where the browser downloads one output file from. `DELETE /api/files/…` is never called: it deadlocks the master. */
  taskFileUrl(taskId: string, path: string, ownerId: string, requestingUser: string): string {
    const query = new URLSearchParams({ requesting_user: requestingUser, user_id: ownerId });
    const encodedPath = path.split('/').map(encodeURIComponent).join('/');
    return underBase(`/api/files/${encodeURIComponent(taskId)}/download/${encodedPath}?${query}`);
  }
}
