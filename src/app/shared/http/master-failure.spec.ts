import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { PROXY_ERROR_HEADER, describeMasterFailure, isDropped, toMasterFailure } from './master-failure';

const proxied = (kind: string, status = 502) =>
  new HttpErrorResponse({
    status,
    headers: new HttpHeaders({ [PROXY_ERROR_HEADER]: kind }),
    error: 'The CloudAI master at http://m:8080 closed the connection without answering (socket hang up).\n',
  });

describe('toMasterFailure', () => {
  it("tells a dropped request from an unreachable master by the dashboard server's header", () => {
    expect(toMasterFailure(proxied('dropped')).kind).toBe('dropped');
    expect(toMasterFailure(proxied('unreachable')).kind).toBe('unreachable');
    expect(toMasterFailure(proxied('timeout', 504)).kind).toBe('timeout');
    expect(describeMasterFailure(toMasterFailure(proxied('dropped')))).toBe(
      'The master dropped the request: it closed the connection without answering.',
    );
    expect(describeMasterFailure(toMasterFailure(proxied('unreachable')))).toBe('The master cannot be reached.');
  });

  it('does not make up a status for a 502 without the header (some other proxy answered)', () => {
    const failure = toMasterFailure(new HttpErrorResponse({ status: 502, statusText: 'Bad Gateway', error: '' }));
    expect(failure.kind).toBe('answered');
    expect(describeMasterFailure(failure)).toBe('The master answered HTTP 502 Bad Gateway');
  });

  it('treats a bare network error as either unreachable or dropped, and as dropped for expected crashes', () => {
    const failure = toMasterFailure(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }));
    expect(failure.kind).toBe('network');
    expect(isDropped(failure)).toBeTrue();
    expect(isDropped(toMasterFailure(proxied('unreachable')))).toBeFalse();
  });

  it('recognises a master without a database by its 503 text', () => {
    const failure = toMasterFailure(new HttpErrorResponse({ status: 503, error: 'Database not available\n' }));
    expect(failure.kind).toBe('no-database');
    const registration = toMasterFailure(
      new HttpErrorResponse({ status: 503, error: 'Worker registration is not available (database not connected)\n' }),
    );
    expect(registration.kind).toBe('no-database');
  });

  it('passes anything that is not an HTTP error through as its message', () => {
    expect(describeMasterFailure(toMasterFailure(new Error('The master did not answer within 75 s.')))).toBe(
      'The master did not answer within 75 s.',
    );
  });
});
