import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerSessionProbe, isSessionProbe, SESSION_PROBE_PATH } from '../lib/session-probe.mjs';

const alice = { email: 'alice@example.com', name: 'Alice', visit_count: 1, created_at: '2025-11-18T20:30:01.123Z' };

/** The master's `/api/auth/me` as the contract gives it: the user for the cookie it knows, 401 otherwise. */
async function fakeMaster(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.url !== '/api/auth/me') return void response.writeHead(404).end('404 page not found');
    if (request.headers.cookie === 'auth_token=valid') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      return void response.end(JSON.stringify({ success: true, message: 'ok', user: alice }));
    }
    response.writeHead(401, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ error: 'Unauthorized: No authentication token' }));
  });
  return listening(server);
}

async function listening(server: Server): Promise<{ url: string; server: Server }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** A dashboard server that answers only the probe, in front of the given master. */
async function probeServer(masterUrl: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    if (isSessionProbe(request)) void answerSessionProbe(request, response, masterUrl);
    else response.writeHead(404).end();
  });
  return listening(server);
}

describe('session probe of the dashboard servers', () => {
  let master: { url: string; server: Server };
  let dashboard: { url: string; server: Server };
  before(async () => {
    master = await fakeMaster();
    dashboard = await probeServer(master.url);
  });
  after(async () => {
    dashboard.server.close();
    master.server.close();
  });

  it("hands back the master's 401 inside a 200, so a signed-out browser logs no failed request", async () => {
    const response = await fetch(`${dashboard.url}${SESSION_PROBE_PATH}`);

    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), { status: 401, body: { error: 'Unauthorized: No authentication token' } });
  });

  it("asks with the browser's cookie and hands back the user", async () => {
    const response = await fetch(`${dashboard.url}${SESSION_PROBE_PATH}?t=1`, {
      headers: { cookie: 'auth_token=valid' },
    });

    assert.deepEqual(await response.json(), { status: 200, body: { success: true, message: 'ok', user: alice } });
  });

  it('answers like any proxied request when the master cannot be reached', async () => {
    const closed = await probeServer('http://127.0.0.1:9');
    try {
      const response = await fetch(`${closed.url}${SESSION_PROBE_PATH}`);

      assert.equal(response.status, 502);
      assert.equal(response.headers.get('x-cloudai-proxy-error'), 'unreachable');
    } finally {
      closed.server.close();
    }
  });

  it('answers only GET at its own path', () => {
    assert.equal(isSessionProbe({ method: 'GET', url: '/_dashboard/session?x=1' } as never), true);
    assert.equal(isSessionProbe({ method: 'POST', url: '/_dashboard/session' } as never), false);
    assert.equal(isSessionProbe({ method: 'GET', url: '/api/auth/me' } as never), false);
  });
});
