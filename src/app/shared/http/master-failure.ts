import { HttpErrorResponse } from '@angular/common/http';

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
  if (!(error instanceof HttpErrorResponse)) {
    return { kind: 'other', message: error instanceof Error ? error.message : 'Something went wrong.' };
  }
  const proxied = error.headers?.get(PROXY_ERROR_HEADER);
  if (proxied === 'unreachable' || proxied === 'dropped' || proxied === 'timeout') {
    return { kind: proxied };
  }
  if (error.status === 0) {
    return { kind: 'network' };
  }
  const body = bodyText(error.error);
  if (error.status === 503 && /database not (available|connected)/i.test(body)) {
    return { kind: 'no-database', body };
  }
  return { kind: 'answered', status: error.status, statusText: error.statusText ?? '', body };
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

function bodyText(body: unknown): string {
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
