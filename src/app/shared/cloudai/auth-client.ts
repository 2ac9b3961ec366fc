import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, of, switchMap, throwError } from 'rxjs';
import { PROXY_ERROR_HEADER } from '../http/master-failure';
import { AuthResponse } from './auth.model';
import { SessionAnswer, toSessionAnswer } from './session-answer';

/**
 * Where the dashboard's own server answers what the master said to `GET /api/auth/me`, always
 * as `200 { status, body }`: a signed-out visit then logs no failed request in the console.
 */
export const SESSION_PROBE_PATH = '/_dashboard/session';

/**
 * Auth endpoints of the master. The session is the HttpOnly `auth_token` cookie, which the
 * browser keeps and sends: the dashboard never sees a token. I/O only: cold, one response each.
 */
@Injectable({ providedIn: 'root' })
export class AuthClient {
  private readonly http = inject(HttpClient);

  /**
   * The session, asked through the dashboard server's probe, or of the master itself when the
   * dashboard is served without one. Fails only when the master gave no usable answer.
   */
  me(): Observable<SessionAnswer> {
    return this.http.get<unknown>(SESSION_PROBE_PATH, { withCredentials: true }).pipe(
      map(toProbeEnvelope),
      catchError((error: unknown) => (answeredByOurServer(error) ? throwError(() => error) : of(null))),
      switchMap((envelope) => (envelope ? of(answerOrThrow(envelope.status, envelope.body)) : this.askMaster())),
    );
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

  /** `GET /api/auth/me` directly: 401 without a valid session, 404 when the master has no user database. */
  private askMaster(): Observable<SessionAnswer> {
    return this.http.get<unknown>('/api/auth/me', { withCredentials: true, observe: 'response' }).pipe(
      map((response) => answerOrThrow(response.status, response.body)),
      catchError((error: unknown) => {
        const answer = error instanceof HttpErrorResponse ? toSessionAnswer(error.status, error.error) : null;
        return answer ? of(answer) : throwError(() => error);
      }),
    );
  }
}

interface ProbeEnvelope {
  readonly status: number;
  readonly body: unknown;
}

/** The probe's document, or `null` when something else answered at its path (a page, say). */
function toProbeEnvelope(probe: unknown): ProbeEnvelope | null {
  const { status, body } = (probe ?? {}) as { status?: unknown; body?: unknown };
  return typeof status === 'number' ? { status, body } : null;
}

function answerOrThrow(status: number, body: unknown): SessionAnswer {
  const answer = toSessionAnswer(status, body);
  if (answer) return answer;
  throw new HttpErrorResponse({ status, error: body, url: '/api/auth/me' });
}

/**
 * The dashboard's server answered the probe but could not reach the master (or the browser reached
 * nothing at all): asking the master directly would fail the same way. Anything else (a 404, an HTML
 * page) means the dashboard is served without a probe.
 */
function answeredByOurServer(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 0 || error.headers.has(PROXY_ERROR_HEADER));
}
