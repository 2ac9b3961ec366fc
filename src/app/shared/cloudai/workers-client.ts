import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { WorkerAssignment, WorkerAssignmentsResponse, WorkerListEntry, WorkerRegistration } from './worker.model';
import { MalformedInput, readAnswer } from './malformed-input';
import { parseWorkerList } from './parse-rest-lists';
import { MasterHttp } from '../http/master-http';

/** Worker endpoints of the master. I/O only: each method returns a cold Observable of one response. */
@Injectable({ providedIn: 'root' })
export class WorkersClient {
  private readonly http = inject(MasterHttp);
  private readonly malformed = inject(MalformedInput);

  /** `GET /api/workers`, with the master's `null` for "no workers" turned into an empty list. */
  listWorkers(): Observable<readonly WorkerListEntry[]> {
    return this.http.getText('/api/workers').pipe(map(readAnswer(this.malformed, 'a worker list', parseWorkerList)));
  }

  /** `POST /api/workers`: pre-registers a worker so it may connect; the master answers errors in text/plain. */
  registerWorker(workerId: string, address: string): Observable<WorkerRegistration> {
    return this.http.send<WorkerRegistration>('POST', '/api/workers', { worker_id: workerId, worker_ip: address });
  }

  /** `GET /api/workers/{id}/tasks`: every assignment ever made to the worker, with `null` for none turned into `[]`. */
  listAssignments(workerId: string): Observable<readonly WorkerAssignment[]> {
    return this.http
      .getJson<WorkerAssignmentsResponse>(`/api/workers/${encodeURIComponent(workerId)}/tasks`)
      .pipe(map((response) => response.tasks ?? []));
  }
}
