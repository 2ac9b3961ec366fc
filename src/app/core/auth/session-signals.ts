import { Injectable } from '@angular/core';
import { Observable, Subject } from 'rxjs';

/**
 * What HTTP traffic says about the session, for the auth store. A separate service so the
 * interceptor, which every request (including the auth store's own) passes through, does not
 * depend on the store.
 */
@Injectable({ providedIn: 'root' })
export class SessionSignals {
  private readonly unauthorized = new Subject<void>();

  /** A request other than the session check was answered 401. Hot; no replay; never completes. */
  readonly unauthorized$: Observable<void> = this.unauthorized.asObservable();

  reportUnauthorized(): void {
    this.unauthorized.next();
  }
}
