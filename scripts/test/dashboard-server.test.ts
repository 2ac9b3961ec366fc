import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createDashboardServer } from '../lib/dashboard-server';
import { readServerConfig } from '../lib/server-config';
import { signInCookie } from '../lib/session';
import { startSimulator } from '../lib/simulator-process';
import { DASHBOARD_VERSION } from '../lib/dashboard-version';

interface RunningMaster {
  readonly url: string;
  dispose(): Promise<void>;
}

/** A faithful simulated master (sign-in, crashes and all) as a child process, on a free port. */
async function startMaster(...args: string[]): Promise<RunningMaster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cloudai-master-'));
  const probe = createServer();
  const port = Number(new URL(await listen(probe)).port);
  await new Promise((resolve) => probe.close(resolve));
  const { url, child } = await startSimulator(port, [
    '--data-dir',
    dataDir,
    '--task-rate',
    '0',
    '--dropout',
    '0',
    '--heartbeat-ms',
    '200',
    ...args,
  ]);
  return {
    url,
    async dispose() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function submitTask(masterUrl: string): Promise<string> {
  const response = await fetch(`${masterUrl}/api/tasks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ docker_image: 'python:3.9', cpu_required: 1, memory_required: 1, storage_required: 5 }),
  });
  assert.equal(response.status, 201);
  return ((await response.json()) as { task_id: string }).task_id;
}

async function taskStatus(masterUrl: string, taskId: string): Promise<string | undefined> {
  const { tasks } = (await (await fetch(`${masterUrl}/api/tasks`)).json()) as {
    tasks: { task_id: string; status: string }[];
  };
  return tasks.find((task) => task.task_id === taskId)?.status;
}

/** A stand-in for the production build: the server needs index.html with its base href, and files. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cloudai-dist-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><base href="/"><script src="_dashboard/config.js"></script></head><body></body></html>',
  );
  writeFileSync(join(dir, 'main-ABCDEFGH.js'), 'console.log("app");');
  return dir;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function dashboardFor(masterUrl: string, env: Record<string, string>, distDir: string) {
  const server = createDashboardServer({ config: readServerConfig(env), masterUrl, distDir });
  return { server, url: await listen(server) };
}

/** Resolves with the HTTP status the upgrade got: 101 when the socket opened, the refusal's status otherwise. */
function upgradeStatus(url: string, cookie?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: cookie ? { cookie } : {} });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

/** The first frame of a socket opened with `cookie`. */
function firstFrame(url: string, cookie: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { cookie } });
    socket.once('message', (data) => {
      socket.close();
      resolve(String(data));
    });
    socket.once('error', reject);
  });
}

describe('dashboard server under a base path, in front of a master with sign-in', () => {
  let master: RunningMaster;
  let dist: string;
  let dashboard: { server: Server; url: string };
  let app: string;
  let cookie: string;

  before(async () => {
    master = await startMaster('--workers', '2');
    dist = fakeBuild();
    dashboard = await dashboardFor(
      master.url,
      { BASE_PATH: '/cloudai/', CLUSTER_NAME: 'prod-eu', HEARTBEAT_MS: '2000', INACTIVE_AFTER_MS: '12000' },
      dist,
    );
    app = `${dashboard.url}/cloudai`;
    const session = await signInCookie(app);
    cookie = `${session.name}=${session.value}`;
  });
  after(async () => {
    dashboard.server.close();
    await master.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the app with its base href set to the base path, deep links included', async () => {
    for (const path of ['/', '/tasks/task-1', '/workers?status=active']) {
      const response = await fetch(`${app}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(await response.text(), /<base href="\/cloudai\/">/, path);
    }
    const asset = await fetch(`${app}/main-ABCDEFGH.js`);
    assert.equal(asset.status, 200);
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  it('answers 404 for a missing file and for paths outside the base, and sends the bare prefix on', async () => {
    assert.equal((await fetch(`${app}/missing-ABCDEFGH.js`)).status, 404);
    assert.equal((await fetch(`${dashboard.url}/api/workers`, { headers: { cookie } })).status, 404);
    const bare = await fetch(`${dashboard.url}/cloudai`, { redirect: 'manual' });
    assert.equal(bare.status, 308);
    assert.equal(bare.headers.get('location'), '/cloudai/');
  });

  it('gives the browser its settings in the configuration document: the master, its kind, and the release', async () => {
    const response = await fetch(`${app}/_dashboard/config.js`);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const script = await response.text();
    const settings = JSON.parse(/= (\{.*\});/.exec(script)![1]);
    assert.deepEqual(settings, {
      clusterName: 'prod-eu',
      simulated: true,
      heartbeatMs: 2000,
      inactiveAfterMs: 12_000,
      taskPollMs: 3000,
      version: DASHBOARD_VERSION,
      masterAddress: new URL(master.url).origin,
    });
    assert.match(DASHBOARD_VERSION, /^\d+\.\d+\.\d+/);
  });

  it('answers its own health and readiness', async () => {
    const healthz = await fetch(`${app}/_dashboard/healthz`);
    assert.equal(healthz.status, 200);
    assert.deepEqual(await healthz.json(), { status: 'up' });
    const readyz = await fetch(`${app}/_dashboard/readyz`);
    assert.equal(readyz.status, 200);
    assert.deepEqual(await readyz.json(), { ready: true });
  });

  it('refuses a signed-out request to the master with 401, and a signed-out cancel never reaches it', async () => {
    const taskId = await submitTask(master.url);
    const cancel = await fetch(`${app}/api/tasks/${taskId}`, { method: 'DELETE' });
    assert.equal(cancel.status, 401);
    assert.match(((await cancel.json()) as { error: string }).error, /^Unauthorized/);
    assert.notEqual(await taskStatus(master.url, taskId), 'cancelled');
    assert.equal((await fetch(`${app}/api/workers`)).status, 401);
    assert.equal((await fetch(`${app}/health`)).status, 401);
    assert.equal(
      (await fetch(`${app}/api/workers`, { headers: { cookie: 'auth_token=forged.token.value' } })).status,
      401,
    );
  });

  it('forwards a signed-in request, under the base path, to the master at its root', async () => {
    const workers = await fetch(`${app}/api/workers`, { headers: { cookie } });
    assert.equal(workers.status, 200);
    assert.equal(((await workers.json()) as { workers: unknown[] }).workers.length, 2);
  });

  it('keeps sign-in, registration, sign-out and the session check open', async () => {
    const me = await fetch(`${app}/api/auth/me`);
    assert.equal(me.status, 401, 'the master answers the session check itself');
    const logout = await fetch(`${app}/api/auth/logout`, { method: 'POST' });
    assert.equal(logout.status, 200);
    const probe = await fetch(`${app}/_dashboard/session`);
    assert.equal(probe.status, 200);
  });

  it('refuses a signed-out WebSocket upgrade, and opens a signed-in one under the base path', async () => {
    const socketUrl = `${app.replace('http:', 'ws:')}/ws/telemetry`;
    assert.equal(await upgradeStatus(socketUrl), 401);
    assert.equal(await upgradeStatus(socketUrl, 'auth_token=forged'), 401);
    const frame = JSON.parse(await firstFrame(socketUrl, cookie)) as unknown;
    assert.ok(typeof frame === 'object' && frame !== null);
  });
});

describe('dashboard server doors', () => {
  let dist: string;
  before(() => {
    dist = fakeBuild();
  });
  after(() => rmSync(dist, { recursive: true, force: true }));

  it('with OPEN_MASTER=1 forwards signed-out requests, as the master alone would', async () => {
    const master = await startMaster('--workers', '1');
    const dashboard = await dashboardFor(master.url, { OPEN_MASTER: '1' }, dist);
    try {
      assert.equal((await fetch(`${dashboard.url}/api/workers`)).status, 200);
    } finally {
      dashboard.server.close();
      await master.dispose();
    }
  });

  it('stays open in front of a master without sign-in (no database), which cannot tell anyone apart', async () => {
    const master = await startMaster('--workers', '1', '--no-db');
    const dashboard = await dashboardFor(master.url, {}, dist);
    try {
      assert.equal((await fetch(`${dashboard.url}/api/workers`)).status, 200);
    } finally {
      dashboard.server.close();
      await master.dispose();
    }
  });

  it('is not ready while the master cannot be reached, and says why; nothing is forwarded meanwhile', async () => {
    const master = await startMaster('--workers', '1');
    const masterUrl = master.url;
    await master.dispose();
    const dashboard = await dashboardFor(masterUrl, {}, dist);
    try {
      assert.equal((await fetch(`${dashboard.url}/_dashboard/healthz`)).status, 200);
      const readyz = await fetch(`${dashboard.url}/_dashboard/readyz`);
      assert.equal(readyz.status, 503);
      const body = (await readyz.json()) as { ready: boolean; reason: string };
      assert.equal(body.ready, false);
      assert.match(body.reason, /cannot be reached: ECONNREFUSED/);
      const request = await fetch(`${dashboard.url}/api/workers`);
      assert.equal(request.status, 502);
      assert.equal(request.headers.get('x-cloudai-proxy-error'), 'unreachable');
    } finally {
      dashboard.server.close();
    }
  });
});
