/**
 * Header the dashboard's own server sets when it could not get an answer from the master
 * (see scripts/lib/master-proxy-errors.mjs): `unreachable`, `dropped` or `timeout`.
 */
export const PROXY_ERROR_HEADER = 'X-CloudAI-Proxy-Error';

/** Why a request to the master failed, in the terms an operator acts on. */
export type MasterFailure =
  /** Nothing answered: the master is down, or its address is wrong. */
  | { readonly kind: 'unreachable' }
  /** The master took the request and closed the connection without answering: how its handlers crash. */
  | { readonly kind: 'dropped' }
  /** Connected, but no answer in time: a hung or half-open master. */
  | { readonly kind: 'timeout' }
  /** The browser could not tell which of the above: no server of ours in between to say. */
  | { readonly kind: 'network' }
  /** The master runs without its database: it keeps no task list and no registrations. */
  | { readonly kind: 'no-database'; readonly body: string }
  /** The master answered with an error status; `body` is its own text (most errors are text/plain). */
  | { readonly kind: 'answered'; readonly status: number; readonly statusText: string; readonly body: string }
  | { readonly kind: 'other'; readonly message: string };

export function toMasterFailure(error: unknown): MasterFailure {
  if (error instanceof MasterFailureError) {
    return error.failure;
  }
  if (!isHttpErrorResponse(error)) {
    return { kind: 'other', message: error instanceof Error ? error.message : 'Something went wrong.' };
  }
  return failureOfAnswer({
    status: error.status,
    statusText: error.statusText ?? '',
    proxyError: error.headers?.get(PROXY_ERROR_HEADER) ?? null,
    body: bodyText(error.error),
  });
}

/** The shape of Angular's `HttpErrorResponse`, known by its name so this file needs no Angular (the data worker uses it). */
interface HttpErrorResponseLike {
  readonly name: 'HttpErrorResponse';
  readonly status: number;
  readonly statusText?: string;
  readonly headers?: { get(name: string): string | null };
  readonly error: unknown;
}

function isHttpErrorResponse(error: unknown): error is HttpErrorResponseLike {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'HttpErrorResponse';
}

/** An answer that was not a success, as any HTTP client sees it (`status` 0: no answer at all). */
export interface FailedAnswer {
  readonly status: number;
  readonly statusText: string;
  /** The {@link PROXY_ERROR_HEADER} of the answer, if any. */
  readonly proxyError: string | null;
  readonly body: string;
}

/** What kind of failure an answer that was not a success is. */
export function failureOfAnswer({ status, statusText, proxyError, body }: FailedAnswer): MasterFailure {
  if (proxyError === 'unreachable' || proxyError === 'dropped' || proxyError === 'timeout') {
    return { kind: proxyError };
  }
  if (status === 0) {
    return { kind: 'network' };
  }
  if (status === 503 && /database not (available|connected)/i.test(body)) {
    return { kind: 'no-database', body };
  }
  return { kind: 'answered', status, statusText, body };
}

/** A failure already classified, thrown by clients that do not use Angular's HttpClient (the data worker's). */
export class MasterFailureError extends Error {
  constructor(readonly failure: MasterFailure) {
    super(describeMasterFailure(failure));
  }
}

/** Whether the master went away mid-request, as it does when a handler crashes: often expected. */
export function isDropped(failure: MasterFailure): boolean {
  return failure.kind === 'dropped' || failure.kind === 'network';
}

/** A sentence an operator can act on. */
export function describeMasterFailure(failure: MasterFailure): string {
  switch (failure.kind) {
    case 'unreachable':
      return 'The master cannot be reached.';
    case 'dropped':
      return 'The master dropped the request: it closed the connection without answering.';
    case 'timeout':
      return 'The master did not answer in time.';
    case 'network':
      return 'The master could not be reached, or it dropped the request.';
    case 'no-database':
      return 'The master has no database, so it keeps no task list and no worker registrations.';
    case 'answered':
      return failure.body
        ? `${failure.body} (HTTP ${failure.status})`
        : `The master answered HTTP ${failure.status} ${failure.statusText}`.trim();
    case 'other':
      return failure.message;
  }
}

/** What an error answer says: its text, or the `message` or `error` of its JSON. */
export function bodyText(body: unknown): string {
  if (typeof body === 'string') {
    return body.trim();
  }
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    const text = record['message'] ?? record['error'];
    return typeof text === 'string' ? text.trim() : '';
  }
  return '';
}
