import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { MasterHealth } from './health.model';

/** The master's `/health` endpoint. I/O only. */
@Injectable({ providedIn: 'root' })
export class HealthClient {
  private readonly http = inject(HttpClient);

  /** `GET /health`: one cold request. */
  fetchHealth(): Observable<MasterHealth> {
    return this.http.get<MasterHealth>('/health');
  }
}
