import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PROXY_ERROR_HEADER } from '../http/master-failure';
import { AuthClient, SESSION_PROBE_PATH } from './auth-client';
import { SessionAnswer } from './session-answer';

describe('AuthClient.me', () => {
  let http: HttpTestingController;
  let answers: SessionAnswer[];
  let failure: unknown;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    answers = [];
    failure = undefined;
    TestBed.inject(AuthClient)
      .me()
      .subscribe({ next: (answer) => answers.push(answer), error: (error: unknown) => (failure = error) });
  });

  afterEach(() => http.verify());

  it("asks the dashboard server's probe, so a signed-out visit fails no request", () => {
    const probe = http.expectOne(SESSION_PROBE_PATH);
    expect(probe.request.withCredentials).toBeTrue();

    probe.flush({ status: 401, body: { error: 'Unauthorized: No authentication token' } });

    expect(answers).toEqual([{ kind: 'signed-out' }]);
  });

  it('reads the user and a master without auth routes from the probe', () => {
    const user = { email: 'a@example.com', name: 'A', visit_count: 1, created_at: '2025-11-18T20:30:01.123Z' };
    http.expectOne(SESSION_PROBE_PATH).flush({ status: 200, body: { success: true, message: 'ok', user } });

    expect(answers).toEqual([{ kind: 'signed-in', user }]);
  });

  it('fails with the master status when the master answered something that says nothing about the session', () => {
    http.expectOne(SESSION_PROBE_PATH).flush({ status: 500, body: 'Internal Server Error' });

    expect(answers).toEqual([]);
    expect((failure as HttpErrorResponse).status).toBe(500);
  });

  it('fails without asking again when the dashboard server could not reach the master', () => {
    http.expectOne(SESSION_PROBE_PATH).flush('The CloudAI master cannot be reached.', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { [PROXY_ERROR_HEADER]: 'unreachable' },
    });

    expect((failure as HttpErrorResponse).status).toBe(502);
  });

  it('asks the master itself when the dashboard is served without a probe', () => {
    http.expectOne(SESSION_PROBE_PATH).flush('Not found', { status: 404, statusText: 'Not Found' });
    http
      .expectOne('/api/auth/me')
      .flush({ error: 'Unauthorized: No authentication token' }, { status: 401, statusText: 'Unauthorized' });

    expect(answers).toEqual([{ kind: 'signed-out' }]);
  });

  it('asks the master itself when a page answers at the probe path, and reads its 404 as no sign-in', () => {
    http.expectOne(SESSION_PROBE_PATH).flush('<!doctype html><title>app</title>');
    http.expectOne('/api/auth/me').flush('404 page not found', { status: 404, statusText: 'Not Found' });

    expect(answers).toEqual([{ kind: 'no-auth' }]);
  });
});
