import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSocket, startSim, waitFor, wsUrl, type RunningSim } from './helpers.ts';

describe('telemetry', () => {
  let env: RunningSim;
  before(async () => {
    env = await startSim({ workers: 3 });
    // Every worker has sent its first heartbeat.
    await waitFor(async () => {
      const telemetry = (await (await fetch(`${env.url}/telemetry`)).json()) as Record<string, unknown>;
      return Object.keys(telemetry).length === 3;
    });
  });
  after(() => env.dispose());

  it('sends a bare map of all workers on connect, then single-worker maps per heartbeat', async () => {
    const client = await openSocket(wsUrl(env.url, '/ws/telemetry'));
    await waitFor(() => client.messages.length >= 4, 3000, 'heartbeat messages');
    client.socket.close();
    const [initial, ...updates] = client.messages;
    assert.deepEqual(Object.keys(initial).sort(), ['NullPointer', 'gpu-node-1', 'kiwi']);
    assert.equal(initial.type, undefined);
    const kiwi = initial.kiwi;
    assert.deepEqual(Object.keys(kiwi), ['worker_id', 'cpu_usage', 'memory_usage', 'gpu_usage', 'running_tasks', 'last_update', 'is_active']);
    assert.equal(kiwi.worker_id, 'kiwi');
    assert.ok(kiwi.cpu_usage >= 0 && kiwi.cpu_usage <= 100);
    assert.ok(Array.isArray(kiwi.running_tasks));
    assert.equal(kiwi.last_update, Math.floor(kiwi.last_update));
    for (const update of updates) {
      const ids = Object.keys(update);
      assert.equal(ids.length, 1);
      assert.equal(update[ids[0]].worker_id, ids[0]);
    }
  });

  it('sends only the chosen worker on /ws/telemetry/{id}', async () => {
    const client = await openSocket(wsUrl(env.url, '/ws/telemetry/kiwi'));
    await waitFor(() => client.messages.length >= 3, 3000, 'kiwi messages');
    client.socket.close();
    for (const message of client.messages) assert.deepEqual(Object.keys(message), ['kiwi']);
  });

  it('says on /health that it is a simulator, which the real master never does', async () => {
    const health = (await (await fetch(`${env.url}/health`)).json()) as { status: string; simulator?: boolean };
    assert.equal(health.status, 'healthy');
    assert.equal(health.simulator, true);
  });

  it('counts connected telemetry sockets in /health and forgets closed ones', async () => {
    const health = async () => ((await (await fetch(`${env.url}/health`)).json()) as { active_clients: number; workers: number; active_workers: number });
    await waitFor(async () => (await health()).active_clients === 0, 2000, 'no clients');
    const first = await openSocket(wsUrl(env.url, '/ws/telemetry'));
    const second = await openSocket(wsUrl(env.url, '/ws/telemetry'));
    const during = await health();
    assert.equal(during.active_clients, 2);
    assert.equal(during.workers, 3);
    first.socket.close();
    second.socket.terminate();
    await waitFor(async () => (await health()).active_clients === 0, 2000, 'clients to be forgotten');
  });

  it('answers a plain GET on a socket path with 400', async () => {
    const response = await fetch(`${env.url}/ws/telemetry`);
    assert.equal(response.status, 400);
  });

  it('shapes worker detail, metrics and history as the contract does', async () => {
    const detail = (await (await fetch(`${env.url}/api/workers/kiwi`)).json()) as any;
    assert.equal(detail.worker_info.total_cpu, 12);
    assert.equal(detail.running_tasks, null);
    const metrics = (await (await fetch(`${env.url}/api/workers/kiwi/metrics`)).json()) as any;
    assert.equal(metrics.timestamp, metrics.last_update);
    const history = (await (await fetch(`${env.url}/api/workers/kiwi/tasks`)).json()) as any;
    assert.deepEqual(history, { worker_id: 'kiwi', tasks: null, count: 0 });
    const missing = await fetch(`${env.url}/api/workers/nobody`);
    assert.equal(missing.status, 404);
    assert.equal(await missing.text(), 'Worker nobody not found\n');
  });
});

describe('a master with no workers', () => {
  it('lists workers as null and telemetry as {}', async () => {
    const env = await startSim({ workers: 0 });
    try {
      assert.equal(await (await fetch(`${env.url}/api/workers`)).text(), '{"workers":null}\n');
      assert.deepEqual(await (await fetch(`${env.url}/telemetry`)).json(), {});
      const client = await openSocket(wsUrl(env.url, '/ws/telemetry'));
      await waitFor(() => client.messages.length === 1, 2000, 'initial message');
      assert.deepEqual(client.messages[0], {});
      client.socket.close();
    } finally {
      await env.dispose();
    }
  });
});
