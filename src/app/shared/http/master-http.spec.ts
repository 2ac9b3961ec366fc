import { TestBed } from '@angular/core/testing';
import { FakeAnswer, SeenRequest, fakeFetch, outcomeOf } from '../../testing/fake-fetch';
import { UnreadableAnswerError } from '../cloudai/read-answer';
import { MasterFailureError, PROXY_ERROR_HEADER } from './master-failure';
import { FETCH, MasterHttp, ON_UNAUTHORIZED } from './master-http';

describe('MasterHttp', () => {
  function setup(answer: (request: SeenRequest) => FakeAnswer) {
    const fake = fakeFetch(answer);
    const unauthorized: string[] = [];
    TestBed.configureTestingModule({
      providers: [
        { provide: FETCH, useValue: fake.fetchFn },
        { provide: ON_UNAUTHORIZED, useValue: () => unauthorized.push('401') },
      ],
    });
    return { http: TestBed.inject(MasterHttp), requests: fake.requests, unauthorized };
  }

  it('sends JSON and reads a JSON answer, with query parameters encoded', async () => {
    const { http, requests } = setup(() => ({ status: 200, body: { id: 'task-1' } }));

    const { values } = await outcomeOf(http.send<{ id: string }>('POST', '/api/tasks', { docker_image: 'a b' }));
    await outcomeOf(http.getJson('/api/files/t1', { requesting_user: 'a b', user_id: 'c&d' }));

    expect(values).toEqual([{ id: 'task-1' }]);
    expect(requests[0].init.method).toBe('POST');
    expect(requests[0].init.body).toBe('{"docker_image":"a b"}');
    expect(requests[1].url).toBe('/api/files/t1?requesting_user=a+b&user_id=c%26d');
  });

  it("fails with the master's own words for an error answer, and knows the dashboard server's kinds of failure", async () => {
    const { http } = setup(({ url }) =>
      url === '/api/tasks'
        ? { status: 400, body: 'docker_image is required\n' }
        : { status: 502, body: 'x', headers: { [PROXY_ERROR_HEADER]: 'dropped' } },
    );

    const rejected = await outcomeOf(http.send('POST', '/api/tasks', {}));
    const dropped = await outcomeOf(http.getJson('/api/tasks/t1'));

    expect((rejected.error as MasterFailureError).message).toBe('docker_image is required (HTTP 400)');
    expect((dropped.error as MasterFailureError).failure).toEqual({ kind: 'dropped' });
  });

  it('reports a 401, except from the session check itself', async () => {
    const { http, unauthorized } = setup(() => ({ status: 401, body: { error: 'Unauthorized' } }));

    await outcomeOf(http.getText('/api/tasks'));
    await outcomeOf(http.answer('/api/auth/me'));

    expect(unauthorized).toEqual(['401']);
  });

  it('calls an answer that is not JSON unreadable, and an empty one null', async () => {
    const { http } = setup(({ url }) =>
      url === '/empty' ? { status: 200, body: '' } : { status: 200, body: '<html>' },
    );

    expect((await outcomeOf(http.getJson('/html'))).error).toEqual(jasmine.any(UnreadableAnswerError));
    expect((await outcomeOf(http.getJson('/empty'))).values).toEqual([null]);
  });

  it('aborts the request when unsubscribed', async () => {
    const { http, requests } = setup(() => ({ status: 200, body: {} }));

    http.getJson('/api/workers').subscribe().unsubscribe();

    expect(requests[0].init.signal?.aborted).toBeTrue();
  });
});
