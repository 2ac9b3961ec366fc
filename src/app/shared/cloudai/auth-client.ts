import { Injectable, inject } from '@angular/core';
import { Observable, map, of, switchMap, throwError } from 'rxjs';
import { failureError, parsedBody } from '../http/fetch-answer';
import { MasterFailureError, bodyText, failureOfAnswer } from '../http/master-failure';
import { MasterHttp } from '../http/master-http';
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
  private readonly http = inject(MasterHttp);

  /**
   * The session, asked through the dashboard server's probe, or of the master itself when the
   * dashboard is served without one. Fails only when the master gave no usable answer.
   */
  me(): Observable<SessionAnswer> {
    return this.http.answer(SESSION_PROBE_PATH).pipe(
      switchMap((answer) => {
        const envelope = answer.ok ? toProbeEnvelope(parsedBody(answer)) : null;
        if (envelope) return of(answerOrThrow(envelope.status, envelope.body));
        // The server answered the probe but could not reach the master: asking it directly would fail the same way.
        if (answer.proxyError) return throwError(() => failureError(answer));
        // Anything else (a 404, an HTML page) means the dashboard is served without a probe.
        return this.askMaster();
      }),
    );
  }

  /** `POST /api/auth/login`: sets the session cookie on success. */
  login(email: string, password: string): Observable<AuthResponse> {
    return this.http.send<AuthResponse>('POST', '/api/auth/login', { email, password });
  }

  /** `POST /api/auth/register`: creates the account but does not sign in (no cookie). */
  register(name: string, email: string, password: string): Observable<AuthResponse> {
    return this.http.send<AuthResponse>('POST', '/api/auth/register', { name, email, password });
  }

  /** `POST /api/auth/logout`: clears the cookie (the token itself stays valid until it expires). */
  logout(): Observable<AuthResponse> {
    return this.http.send<AuthResponse>('POST', '/api/auth/logout');
  }

  /** `GET /api/auth/me` directly: 401 without a valid session, 404 when the master has no user database. */
  private askMaster(): Observable<SessionAnswer> {
    return this.http.answer('/api/auth/me').pipe(
      map((answer) => {
        const session = toSessionAnswer(answer.status, parsedBody(answer));
        if (session) return session;
        throw failureError(answer);
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
  throw new MasterFailureError(failureOfAnswer({ status, statusText: '', proxyError: null, body: bodyText(body) }));
}
