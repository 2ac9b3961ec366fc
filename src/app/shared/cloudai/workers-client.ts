import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { WorkerListEntry, WorkerListResponse } from './worker.model';

/** Worker endpoints of the master. I/O only: each method returns a cold Observable of one response. */
@Injectable({ providedIn: 'root' })
export class WorkersClient {
  private readonly http = inject(HttpClient);

  /** `GET /api/workers`, with the master's `null` for "no workers" turned into an empty list. */
  listWorkers(): Observable<readonly WorkerListEntry[]> {
    return this.http.get<WorkerListResponse>('/api/workers').pipe(map((response) => response.workers ?? []));
  }
}
