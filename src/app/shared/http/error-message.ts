import { HttpErrorResponse } from '@angular/common/http';

/**
 * A sentence an operator can act on, from whatever a request failed with.
 * The master answers most errors in `text/plain` (contract §1.5), so the body text is the
 * message; a dropped connection (how the master reports a panic) has status 0 and no body.
 */
export function toErrorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) {
      return 'The master could not be reached (the connection failed or was dropped).';
    }
    const body = bodyText(error.error);
    return body
      ? `${body} (HTTP ${error.status})`
      : `The master answered HTTP ${error.status} ${error.statusText}`.trim();
  }
  if (error instanceof Error) {
    return error.message;
  }
  return 'Something went wrong.';
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
