import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { AuthResponse } from './auth.model';

/**
 * Auth endpoints of the master. The session is the HttpOnly `auth_token` cookie, which the
 * browser keeps and sends: the dashboard never sees a token. I/O only: cold, one response each.
 */
@Injectable({ providedIn: 'root' })
export class AuthClient {
  private readonly http = inject(HttpClient);

  /** `GET /api/auth/me`: 401 without a valid session, 404 when the master has no user database. */
  me(): Observable<AuthResponse> {
    return this.http.get<AuthResponse>('/api/auth/me', { withCredentials: true });
  }

  /** `POST /api/auth/login`: sets the session cookie on success. */
  login(email: string, password: string): Observable<AuthResponse> {
    return this.http.post<AuthResponse>('/api/auth/login', { email, password }, { withCredentials: true });
  }

  /** `POST /api/auth/register`: creates the account but does not sign in (no cookie). */
  register(name: string, email: string, password: string): Observable<AuthResponse> {
    return this.http.post<AuthResponse>('/api/auth/register', { name, email, password }, { withCredentials: true });
  }

  /** `POST /api/auth/logout`: clears the cookie (the token itself stays valid until it expires). */
  logout(): Observable<AuthResponse> {
    return this.http.post<AuthResponse>('/api/auth/logout', null, { withCredentials: true });
  }
}
