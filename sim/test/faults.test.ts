import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import {
  openSocket,
  openTextSocket,
  postJson,
  rawExchange,
  startSim,
  submitTask,
  taskStatus,
  waitFor,
  waitForContainer,
  wsUrl,
  type RunningSim,
} from './helpers.ts';

async function addFault(url: string, fault: Record<string, unknown>): Promise<any> {
  const response = await postJson(`${url}/__sim/faults`, fault);
  assert.equal(response.status, 201, await response.clone().text());
  return response.json();
}

async function listFaults(url: string): Promise<any[]> {
  return ((await (await fetch(`${url}/__sim/faults`)).json()) as any).faults;
}


/** How a WebSocket handshake ends: open, an HTTP status instead of the upgrade, or the connection lost. */
function handshake(url: string): Promise<{ open: true } | { status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.once('open', () => {
      socket.terminate();
      resolve({ open: true });
    });
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    socket.once('error', (error) => resolve({ error: error.message }));
  });
}

function textsFrom(
  frames: Array<{ text: string; binary: boolean }>,
  first: string,
): Array<{ text: string; binary: boolean }> {
  const start = frames.findIndex((frame) => frame.text === first);
  return start === -1 ? [] : frames.slice(start);
}

describe('route faults', () => {
  let env: RunningSim;
  before(async () => {
    env = await startSim({ workers: 1, control: true });
  });
  after(() => env.dispose());
  afterEach(async () => {
    await fetch(`${env.url}/__sim/faults`, { method: 'DELETE' });
  });

  it('answers the next N matching requests with the given status and text, then the route works again', async () => {
    const fault = await addFault(env.url, {
      method: 'get',
      path: '/api/tasks',
      action: 'error',
      status: 503,
      body: 'database is down',
      times: 2,
    });
    assert.deepEqual(fault, {
      id: fault.id,
      method: 'GET',
      path: '/api/tasks',
      action: 'error',
      status: 503,
      body: 'database is down',
      content_type: 'text/plain; charset=utf-8',
      delay_ms: 0,
      times: 2,
      remaining: 2,
    });

    const first = await fetch(`${env.url}/api/tasks?user_id=someone`);
    assert.equal(first.status, 503);
    assert.equal(first.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(
      first.headers.get('access-control-allow-origin'),
      'http://localhost:3000',
      'an injected error has the CORS headers of a real one',
    );
    assert.equal(await first.text(), 'database is down');
    assert.equal((await listFaults(env.url))[0].remaining, 1);

    // Only the method and path given: POST /api/tasks and GET /api/tasks/{id} answer normally meanwhile.
    const taskId = await submitTask(env.url);
    assert.equal((await fetch(`${env.url}/api/tasks/task-1`)).status, 404);

    assert.equal((await fetch(`${env.url}/api/tasks`)).status, 503);
    assert.deepEqual(await listFaults(env.url), [], 'a fault that has run out is gone');
    const recovered = await fetch(`${env.url}/api/tasks`);
    assert.equal(recovered.status, 200);
    assert.equal(((await recovered.json()) as any).tasks[0].task_id, taskId);
  });

  it("defaults to 500 with Go's http.Error text, lasts until cleared, and matches a prefix ending in *", async () => {
    await addFault(env.url, { method: '*', path: '/api/workers*', action: 'error' });
    for (const path of ['/api/workers', '/api/workers/kiwi/metrics']) {
      const response = await fetch(`${env.url}${path}`);
      assert.equal(response.status, 500);
      assert.equal(await response.text(), 'Internal Server Error\n');
    }
    assert.equal((await postJson(`${env.url}/api/workers`, { worker_id: 'w' })).status, 500, '* matches any method');
    assert.equal((await fetch(`${env.url}/api/tasks`)).status, 200);
    assert.equal((await listFaults(env.url))[0].remaining, null);

    const cleared = await fetch(`${env.url}/__sim/faults`, { method: 'DELETE' });
    assert.deepEqual(await cleared.json(), { cleared: 1 });
    assert.equal((await fetch(`${env.url}/api/workers`)).status, 200);
  });

  it('answers slowly, then normally', async () => {
    await addFault(env.url, { method: 'GET', path: '/health', action: 'delay', delay_ms: 300, times: 1 });
    const started = performance.now();
    const slow = await fetch(`${env.url}/health`);
    const elapsed = performance.now() - started;
    assert.equal(slow.status, 200);
    assert.equal(((await slow.json()) as any).status, 'healthy');
    assert.ok(elapsed >= 290, `answered after ${elapsed.toFixed(0)} ms`);

    const startedAgain = performance.now();
    assert.equal((await fetch(`${env.url}/health`)).status, 200);
    assert.ok(performance.now() - startedAgain < 250, 'only the next request was slow');
  });

  it('drops the connection without writing a single byte, like a handler that panicked', async () => {
    await addFault(env.url, { method: 'GET', path: '/api/tasks', action: 'drop', times: 2 });
    assert.equal(await rawExchange(env.url, 'GET /api/tasks HTTP/1.1\r\nHost: localhost\r\n\r\n'), '');
    await assert.rejects(fetch(`${env.url}/api/tasks`), TypeError);
    assert.equal((await fetch(`${env.url}/api/tasks`)).status, 200);
  });

  it('applies the earliest matching fault first, so faults can be queued', async () => {
    await addFault(env.url, { method: 'GET', path: '/telemetry', action: 'error', status: 502, times: 1 });
    await addFault(env.url, {
      method: 'GET',
      path: '/telemetry',
      action: 'error',
      status: 504,
      delay_ms: 200,
      times: 1,
    });
    assert.equal((await fetch(`${env.url}/telemetry`)).status, 502);
    const started = performance.now();
    const late = await fetch(`${env.url}/telemetry`);
    assert.equal(late.status, 504);
    assert.equal(await late.text(), 'Gateway Timeout\n');
    assert.ok(performance.now() - started >= 190, 'delay_ms also delays an error');
    assert.equal((await fetch(`${env.url}/telemetry`)).status, 200);
  });

  it('removes one fault by id', async () => {
    const kept = await addFault(env.url, { method: 'GET', path: '/workers', action: 'error' });
    const removed = await addFault(env.url, { method: 'GET', path: '/telemetry', action: 'error' });
    const response = await fetch(`${env.url}/__sim/faults/${removed.id}`, { method: 'DELETE' });
    assert.deepEqual(await response.json(), { id: removed.id, removed: true });
    assert.deepEqual(
      (await listFaults(env.url)).map((fault) => fault.id),
      [kept.id],
    );
    assert.equal((await fetch(`${env.url}/telemetry`)).status, 200);
    assert.equal((await fetch(`${env.url}/__sim/faults/${removed.id}`, { method: 'DELETE' })).status, 404);
  });

  it('fails or cuts a WebSocket handshake, then lets the next one through', async () => {
    await addFault(env.url, {
      method: 'GET',
      path: '/ws/telemetry',
      action: 'error',
      status: 503,
      body: 'busy',
      times: 1,
    });
    await addFault(env.url, { method: 'GET', path: '/ws/telemetry', action: 'drop', times: 1 });
    assert.deepEqual(await handshake(wsUrl(env.url, '/ws/telemetry')), { status: 503, body: 'busy' });
    assert.ok('error' in (await handshake(wsUrl(env.url, '/ws/telemetry'))));
    assert.deepEqual(await handshake(wsUrl(env.url, '/ws/telemetry')), { open: true });
  });

  it('never applies to /__sim/ itself, so a test can always clear its faults', async () => {
    await addFault(env.url, { method: '*', path: '/*', action: 'drop' });
    await assert.rejects(fetch(`${env.url}/api/tasks`), TypeError);
    assert.equal(
      (await fetch(`${env.url}/api/tasks`, { method: 'OPTIONS' })).status,
      200,
      'CORS preflights are answered first',
    );
    assert.equal((await fetch(`${env.url}/__sim/state`)).status, 200);
    assert.equal((await fetch(`${env.url}/__sim/faults`, { method: 'DELETE' })).status, 200);
    assert.equal((await fetch(`${env.url}/api/tasks`)).status, 200);
    assert.equal(
      (await postJson(`${env.url}/__sim/faults`, { method: 'GET', path: '/__sim/state', action: 'error' })).status,
      400,
    );
  });

  it('refuses faults it cannot apply', async () => {
    const invalid = [
      { method: 'GET', path: '/api/tasks', action: 'explode' },
      { method: 'GET', path: 'api/tasks', action: 'error' },
      { method: 'GET /x', path: '/api/tasks', action: 'error' },
      { method: 'GET', path: '/api/tasks', action: 'delay' },
      { method: 'GET', path: '/api/tasks', action: 'drop', status: 500 },
      { method: 'GET', path: '/api/tasks', action: 'error', status: 200 },
      { method: 'GET', path: '/api/tasks', action: 'error', times: 0 },
      { method: 'GET', path: '/api/tasks', action: 'delay', delay_ms: -1 },
    ];
    for (const fault of invalid) {
      const response = await postJson(`${env.url}/__sim/faults`, fault);
      assert.equal(response.status, 400, JSON.stringify(fault));
      assert.equal(typeof ((await response.json()) as any).error, 'string');
    }
    assert.equal((await postJson(`${env.url}/__sim/faults`, 'not json')).status, 400);
    assert.deepEqual(await listFaults(env.url), []);
  });
});

describe('a pending fault delay', () => {
  it('does not hold up stopping the simulator, nor keep the process alive afterwards', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const timersBefore = timers();
    const env = await startSim({ workers: 1, control: true });
    await addFault(env.url, { method: 'GET', path: '/api/tasks', action: 'delay', delay_ms: 60_000, times: 5 });
    const hanging = fetch(`${env.url}/api/tasks`).then(
      () => 'answered',
      () => 'dropped',
    );
    await waitFor(async () => (await listFaults(env.url))[0].remaining === 4, 1000, 'request held');
    const started = performance.now();
    await env.dispose();
    assert.ok(performance.now() - started < 2000, 'stopped without waiting for the delay');
    assert.equal(await hanging, 'dropped');
    assert.ok(timers() <= timersBefore, 'no timer left waiting out the delay');
  });
});

describe('socket faults', () => {
  let env: RunningSim;
  before(async () => {
    env = await startSim({ workers: 2, control: true });
  });
  after(() => env.dispose());

  it('sends raw text frames, even invalid JSON, to every telemetry client and no log client', async () => {
    const all = await openTextSocket(wsUrl(env.url, '/ws/telemetry'));
    await waitFor(() => all.frames.length > 0, 2000, 'initial telemetry map');
    const one = await openTextSocket(wsUrl(env.url, '/ws/telemetry/kiwi'));
    const taskId = await submitTask(env.url, { command: 'sleep 3000; exit 0' });
    await waitForContainer(env, taskId);
    const logs = await openTextSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));

    const frames = [
      '{"kiwi": {"worker_id": "kiwi", "cpu_usage": ',
      '',
      '[1,2,3]',
      '{"kiwi":{"worker_id":"kiwi","cpu_usage":"lots"}}',
    ];
    const response = await postJson(`${env.url}/__sim/telemetry/frames`, { frames });
    assert.deepEqual(await response.json(), { sockets: 2 });
    const expected = frames.map((text) => ({ text, binary: false }));
    for (const client of [all, one]) {
      await waitFor(() => textsFrom(client.frames, frames[0]).length >= frames.length, 2000, 'raw frames');
      // Heartbeats may follow, but the raw frames arrive together and unchanged.
      assert.deepEqual(textsFrom(client.frames, frames[0]).slice(0, frames.length), expected);
    }
    assert.ok(!logs.frames.some((frame) => frames.includes(frame.text)));
    for (const client of [all, one, logs]) client.socket.terminate();

    assert.equal((await postJson(`${env.url}/__sim/telemetry/frames`, { frames: [] })).status, 400);
    assert.equal((await postJson(`${env.url}/__sim/telemetry/frames`, { frames: [{ kiwi: {} }] })).status, 400);
  });

  it('sends raw frames on every open log socket of one task, then drops them without a close frame', async () => {
    const taskId = await submitTask(env.url, { command: 'sleep 3000; exit 0' });
    const otherId = await submitTask(env.url, { command: 'sleep 3000; exit 0' });
    await waitForContainer(env, taskId);
    await waitForContainer(env, otherId);
    const first = await openTextSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));
    const second = await openTextSocket(wsUrl(env.url, `/ws/tasks/${taskId}`));
    const other = await openTextSocket(wsUrl(env.url, `/ws/tasks/${otherId}/logs`));
    await waitFor(
      () => first.frames.length > 0 && second.frames.length > 0 && other.frames.length > 0,
      2000,
      'connected',
    );

    const frames = ['{"type":"log","task_id":"' + taskId + '","line":"injected"}\n', '{"type":"lo', 'plain text'];
    const sent = await postJson(`${env.url}/__sim/tasks/${taskId}/log-frames`, { frames });
    assert.deepEqual(await sent.json(), { task_id: taskId, sockets: 2 });
    for (const client of [first, second]) {
      await waitFor(() => textsFrom(client.frames, frames[0]).length >= frames.length, 2000, 'raw log frames');
      assert.deepEqual(
        textsFrom(client.frames, frames[0]).slice(0, frames.length),
        frames.map((text) => ({ text, binary: false })),
      );
    }
    assert.ok(!other.frames.some((frame) => frames.includes(frame.text)));

    const dropped = await postJson(`${env.url}/__sim/tasks/${taskId}/log-sockets/drop`, {});
    assert.deepEqual(await dropped.json(), { task_id: taskId, dropped: 2 });
    assert.equal((await first.closed).code, 1006);
    assert.equal((await second.closed).code, 1006);
    assert.equal(other.socket.readyState, WebSocket.OPEN, "another task's log socket stays open");
    assert.equal(await taskStatus(env.url, taskId), 'running', 'the task itself keeps running');

    // A client that reconnects gets the live stream again.
    const again = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));
    await waitFor(() => again.messages.length > 0, 2000, 'reconnected');
    assert.equal(again.messages[0].type, 'connected');
    assert.deepEqual(await (await postJson(`${env.url}/__sim/tasks/${taskId}/log-sockets/drop`, {})).json(), {
      task_id: taskId,
      dropped: 1,
    });
    assert.equal((await again.closed).code, 1006);
    other.socket.terminate();

    assert.equal((await postJson(`${env.url}/__sim/tasks/task-404/log-frames`, { frames: ['x'] })).status, 404);
    assert.equal((await postJson(`${env.url}/__sim/tasks/task-404/log-sockets/drop`, {})).status, 404);
    assert.equal((await postJson(`${env.url}/__sim/tasks/${taskId}/log-frames`, { frames: 'x' })).status, 400);
    assert.equal((await postJson(`${env.url}/__sim/tasks/${taskId}/explode`, {})).status, 404);
  });

  it('closes only the sockets of one kind, with or without a close frame', async () => {
    const taskId = await submitTask(env.url, { command: 'sleep 3000; exit 0' });
    await waitForContainer(env, taskId);
    const telemetry = await openTextSocket(wsUrl(env.url, '/ws/telemetry'));
    const logs = await openTextSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));

    const dropped = await postJson(`${env.url}/__sim/sockets/close`, { kind: 'logs' });
    assert.deepEqual(await dropped.json(), { closed: 1 });
    assert.equal((await logs.closed).code, 1006);
    assert.equal(telemetry.socket.readyState, WebSocket.OPEN);

    const closed = await postJson(`${env.url}/__sim/sockets/close`, { kind: 'telemetry', code: 4000 });
    assert.deepEqual(await closed.json(), { closed: 1 });
    assert.equal((await telemetry.closed).code, 4000);
    assert.equal((await postJson(`${env.url}/__sim/sockets/close`, { kind: 'files' })).status, 400);
  });

  it('stops and resumes the heartbeats of every worker', async () => {
    const workers = async () =>
      ((await (await fetch(`${env.url}/api/workers`)).json()) as any).workers as Array<{
        worker_id: string;
        is_active: boolean;
      }>;
    await waitFor(async () => (await workers()).every((worker) => worker.is_active), 2000, 'all active');

    const paused = await postJson(`${env.url}/__sim/workers/pause-all`, {});
    assert.deepEqual(await paused.json(), { paused: true, workers: ['kiwi', 'NullPointer'] });
    const telemetry = await openTextSocket(wsUrl(env.url, '/ws/telemetry'));
    // 30 s scaled by 0.01.
    await waitFor(async () => (await workers()).every((worker) => !worker.is_active), 2000, 'all inactive');
    assert.equal(telemetry.frames.length, 1, 'no heartbeat reaches the telemetry socket after the initial map');
    const state = (await (await fetch(`${env.url}/__sim/state`)).json()) as any;
    assert.deepEqual(
      state.workers.map((worker: { paused: boolean }) => worker.paused),
      [true, true],
    );

    const resumed = await postJson(`${env.url}/__sim/workers/resume-all`, {});
    assert.deepEqual(await resumed.json(), { paused: false, workers: ['kiwi', 'NullPointer'] });
    await waitFor(async () => (await workers()).every((worker) => worker.is_active), 2000, 'all active again');
    await waitFor(() => telemetry.frames.length > 1, 2000, 'heartbeats on the socket again');
    telemetry.socket.terminate();
  });
});

describe('fault controls without --control', () => {
  it('do not exist, and no request is ever faulted', async () => {
    const env = await startSim({ workers: 1 });
    try {
      for (const path of [
        '/__sim/faults',
        '/__sim/workers/pause-all',
        '/__sim/telemetry/frames',
        '/__sim/tasks/task-1/log-sockets/drop',
      ]) {
        const response = await postJson(`${env.url}${path}`, {
          method: 'GET',
          path: '/api/tasks',
          action: 'error',
          frames: ['x'],
        });
        assert.equal(response.status, 404, path);
        assert.equal(await response.text(), '404 page not found\n');
      }
      assert.equal((await fetch(`${env.url}/__sim/faults`)).status, 404);
      assert.equal((await fetch(`${env.url}/__sim/faults`, { method: 'DELETE' })).status, 404);
      assert.equal((await fetch(`${env.url}/api/tasks`)).status, 200);
    } finally {
      await env.dispose();
    }
  });
});
