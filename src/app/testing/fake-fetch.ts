import { Observable } from 'rxjs';
import { FetchFn } from '../shared/http/fetch-answer';

/** One request as the fake saw it. */
export interface SeenRequest {
  readonly url: string;
  readonly init: RequestInit;
}

/** What the fake answers: a status with a body (JSON unless a string), or a network failure. */
export type FakeAnswer =
  { readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> } | 'network-error';

/**
 * A `fetch` that answers from `answer` (by URL and request) and records every request; answers
 * arrive asynchronously, as a real fetch's would (see {@link outcomeOf}).
 */
export function fakeFetch(answer: (request: SeenRequest) => FakeAnswer) {
  const requests: SeenRequest[] = [];
  const fetchFn: FetchFn = async (url, init) => {
    const request = { url, init };
    requests.push(request);
    const reply = answer(request);
    if (reply === 'network-error') throw new TypeError('Failed to fetch');
    const text =
      typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body);
    return new Response(reply.status === 204 ? null : text, { status: reply.status, headers: reply.headers });
  };
  return { fetchFn, requests };
}

/** Subscribes to a request and resolves once it has completed or failed: what it emitted, or its error. */
export function outcomeOf<T>(request: Observable<T>): Promise<{ values: T[]; error: unknown }> {
  return new Promise((resolve) => {
    const values: T[] = [];
    request.subscribe({
      next: (value) => values.push(value),
      error: (error: unknown) => resolve({ values, error }),
      complete: () => resolve({ values, error: undefined }),
    });
  });
}
