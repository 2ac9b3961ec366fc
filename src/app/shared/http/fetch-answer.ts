import { Observable } from 'rxjs';
import { UnreadableAnswerError } from '../cloudai/read-answer';
import { MasterFailureError, PROXY_ERROR_HEADER, bodyText, failureOfAnswer } from './master-failure';
import { underBase } from './app-url';
import { REQUEST_TIMEOUT_MS, failAfter } from './request-timeouts';

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

/** Whatever the master (or the dashboard's server in front of it) answered: any status, the body as text. */
export interface Answer {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  /** The dashboard server's {@link PROXY_ERROR_HEADER}: it could not get an answer from the master. */
  readonly proxyError: string | null;
  readonly text: string;
}

export interface AnswerRequest {
  readonly method?: string;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** How long to wait for the answer; {@link REQUEST_TIMEOUT_MS} unless said. */
  readonly timeoutMs?: number;
  readonly fetchFn?: FetchFn;
}

/**
 * One request with `fetch`, free of Angular (the data worker makes its requests this way too): the
 * answer, whatever its status. Fails with a {@link MasterFailureError} when nothing answered or the
 * connection dropped mid-answer, and when no answer came in time. Sends the session cookie (same
 * origin: the dashboard's own server proxies the master). Cold; unsubscribing aborts the request.
 */
export function fetchAnswer(url: string, request: AnswerRequest = {}): Observable<Answer> {
  const {
    method = 'GET',
    json,
    timeoutMs = REQUEST_TIMEOUT_MS,
    fetchFn = (input, init) => fetch(underBase(input), init),
  } = request;
  return new Observable<Answer>((subscriber) => {
    const controller = new AbortController();
    fetchFn(url, {
      method,
      credentials: 'same-origin',
      signal: controller.signal,
      ...(json === undefined ? {} : { body: JSON.stringify(json), headers: { 'Content-Type': 'application/json' } }),
    })
      .then(async (response) => ({ response, text: await response.text() }))
      // fetch rejects with a TypeError when nothing answered or the connection dropped mid-answer.
      .catch((error: unknown) => {
        throw error instanceof TypeError ? new MasterFailureError({ kind: 'network' }) : error;
      })
      .then(
        ({ response, text }) => {
          subscriber.next({
            status: response.status,
            statusText: response.statusText,
            ok: response.ok,
            proxyError: response.headers.get(PROXY_ERROR_HEADER),
            text,
          });
          subscriber.complete();
        },
        (error: unknown) => subscriber.error(error),
      );
    return () => controller.abort();
  }).pipe(failAfter(timeoutMs));
}

/** The answer's body as text, or a {@link MasterFailureError} saying what kind of failure a non-success answer is. */
export function successText(answer: Answer): string {
  if (!answer.ok) throw failureError(answer);
  return answer.text;
}

/** The answer's JSON body (`null` when empty), or the failure, or {@link UnreadableAnswerError} when it is not JSON. */
export function successJson<T>(answer: Answer): T {
  const text = successText(answer).trim();
  if (text === '') return null as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UnreadableAnswerError('The master sent an answer that could not be read.');
  }
}

/** The body parsed as JSON when it is JSON, else the text itself: what an error answer says. */
export function parsedBody(answer: Answer): unknown {
  try {
    return JSON.parse(answer.text);
  } catch {
    return answer.text;
  }
}

/** What kind of failure an answer that was not a success is, as an error to throw. */
export function failureError(answer: Answer): MasterFailureError {
  return new MasterFailureError(
    failureOfAnswer({
      status: answer.status,
      statusText: answer.statusText,
      proxyError: answer.proxyError,
      body: bodyText(parsedBody(answer)),
    }),
  );
}
