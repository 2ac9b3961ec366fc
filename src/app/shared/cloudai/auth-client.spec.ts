import { TestBed } from '@angular/core/testing';
import { FakeAnswer, SeenRequest, fakeFetch, outcomeOf } from '../../testing/fake-fetch';
import { MasterFailureError, PROXY_ERROR_HEADER } from '../http/master-failure';
import { FETCH } from '../http/master-http';
import { AuthClient, SESSION_PROBE_PATH } from './auth-client';

describe('AuthClient.me', () => {
  /** Asks for the session, the master answering each path as `answers` says. */
  async function askWith(answers: Record<string, FakeAnswer>) {
    const fake = fakeFetch(({ url }: SeenRequest) => answers[url] ?? { status: 404, body: '404 page not found' });
    TestBed.configureTestingModule({ providers: [{ provide: FETCH, useValue: fake.fetchFn }] });
    const { values: sessions, error: failure } = await outcomeOf(TestBed.inject(AuthClient).me());
    return { sessions, failure, paths: fake.requests.map((request) => request.url), requests: fake.requests };
  }

  it("asks the dashboard server's probe, with the session cookie, so a signed-out visit fails no request", async () => {
    const { sessions, paths, requests } = await askWith({
      [SESSION_PROBE_PATH]: {
        status: 200,
        body: { status: 401, body: { error: 'Unauthorized: No authentication token' } },
      },
    });

    expect(sessions).toEqual([{ kind: 'signed-out' }]);
    expect(paths).toEqual([SESSION_PROBE_PATH]);
    expect(requests[0].init.credentials).toBe('same-origin');
  });

  it('reads the user and a master without auth routes from the probe', async () => {
    const user = { email: 'a@example.com', name: 'A', visit_count: 1, created_at: '2025-11-18T20:30:01.123Z' };
    const { sessions } = await askWith({
      [SESSION_PROBE_PATH]: { status: 200, body: { status: 200, body: { success: true, message: 'ok', user } } },
    });

    expect(sessions).toEqual([{ kind: 'signed-in', user }]);
  });

  it('fails with the master status when the master answered something that says nothing about the session', async () => {
    const { sessions, failure } = await askWith({
      [SESSION_PROBE_PATH]: { status: 200, body: { status: 500, body: 'Internal Server Error' } },
    });

    expect(sessions).toEqual([]);
    expect((failure as MasterFailureError).failure).toEqual(
      jasmine.objectContaining({ kind: 'answered', status: 500, body: 'Internal Server Error' }),
    );
  });

  it('fails without asking again when the dashboard server could not reach the master', async () => {
    const { failure, paths } = await askWith({
      [SESSION_PROBE_PATH]: {
        status: 502,
        body: 'The CloudAI master cannot be reached.',
        headers: { [PROXY_ERROR_HEADER]: 'unreachable' },
      },
    });

    expect((failure as MasterFailureError).failure).toEqual({ kind: 'unreachable' });
    expect(paths).toEqual([SESSION_PROBE_PATH]);
  });

  it('fails without asking again when nothing answered at all', async () => {
    const { failure, paths } = await askWith({ [SESSION_PROBE_PATH]: 'network-error' });

    expect((failure as MasterFailureError).failure).toEqual({ kind: 'network' });
    expect(paths).toEqual([SESSION_PROBE_PATH]);
  });

  it('asks the master itself when the dashboard is served without a probe', async () => {
    const { sessions, paths } = await askWith({
      '/api/auth/me': { status: 401, body: { error: 'Unauthorized: No authentication token' } },
    });

    expect(paths).toEqual([SESSION_PROBE_PATH, '/api/auth/me']);
    expect(sessions).toEqual([{ kind: 'signed-out' }]);
  });

  it('asks the master itself when a page answers at the probe path, and reads its 404 as no sign-in', async () => {
    const { sessions } = await askWith({
      [SESSION_PROBE_PATH]: { status: 200, body: '<!doctype html><title>app</title>' },
    });

    expect(sessions).toEqual([{ kind: 'no-auth' }]);
  });
});
