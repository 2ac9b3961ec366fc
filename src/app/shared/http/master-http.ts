import { Injectable, InjectionToken, inject } from '@angular/core';
import { Observable, map, tap } from 'rxjs';
import { Answer, AnswerRequest, FetchFn, fetchAnswer, successJson, successText } from './fetch-answer';
import { underBase } from './app-url';
import { CANCEL_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from './request-timeouts';

/**
 * Told when the master answers 401 to anything but the session check itself: the session ended,
 * and the app should notice after an action too, not only at its next check. The app provides it.
 */
export const ON_UNAUTHORIZED = new InjectionToken<() => void>('ON_UNAUTHORIZED', {
  providedIn: 'root',
  factory: () => () => undefined,
});

/** How requests are made: the browser's `fetch`, under the app's base (tests answer them themselves). */
export const FETCH = new InjectionToken<FetchFn>('FETCH', {
  providedIn: 'root',
  factory: () => (url, init) => fetch(underBase(url), init),
});

/** Query parameters; each value is encoded. */
export type QueryParams = Readonly<Record<string, string>>;

/**
 * Requests to the master's REST API, for the clients: `fetch` with the session cookie, a time
 * limit on every request (longer for a cancel), and every 401 reported (see {@link ON_UNAUTHORIZED}).
 * The first screen needs nothing heavier than this. Each method returns a cold Observable of one
 * answer; unsubscribing aborts the request.
 */
@Injectable({ providedIn: 'root' })
export class MasterHttp {
  private readonly onUnauthorized = inject(ON_UNAUTHORIZED);
  private readonly fetchFn = inject(FETCH);

  /** The answer whatever its status, for callers that read error answers too (the session check). */
  answer(url: string, request: AnswerRequest = {}): Observable<Answer> {
    return fetchAnswer(url, { fetchFn: this.fetchFn, ...request }).pipe(
      tap((answer) => {
        if (answer.status === 401 && !url.endsWith('/api/auth/me')) this.onUnauthorized();
      }),
    );
  }

  /** A success's body as text. */
  getText(url: string, params?: QueryParams): Observable<string> {
    return this.answer(withQuery(url, params)).pipe(map(successText));
  }

  /** A success's JSON body. */
  getJson<T>(url: string, params?: QueryParams): Observable<T> {
    return this.answer(withQuery(url, params)).pipe(map((answer) => successJson<T>(answer)));
  }

  /** Sends `json` (if any) with `method`; a success's JSON body. */
  send<T>(method: 'POST' | 'DELETE', url: string, json?: unknown): Observable<T> {
    // A cancel can hold the master's lock for 30 s and then wait for a container to stop.
    const timeoutMs = method === 'DELETE' && url.includes('/api/tasks/') ? CANCEL_TIMEOUT_MS : REQUEST_TIMEOUT_MS;
    return this.answer(url, { method, json, timeoutMs }).pipe(map((answer) => successJson<T>(answer)));
  }
}

function withQuery(url: string, params: QueryParams | undefined): string {
  return params && Object.keys(params).length > 0 ? `${url}?${new URLSearchParams(params)}` : url;
}
