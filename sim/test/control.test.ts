import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openSocket, postJson, startSim, waitFor, wsUrl } from './helpers.ts';

async function worker(url: string, id: string): Promise<any> {
  const { workers } = (await (await fetch(`${url}/api/workers`)).json()) as any;
  return workers?.find((entry: { worker_id: string }) => entry.worker_id === id);
}

describe('control API', () => {
  it('pauses a worker until it goes inactive, then resumes it', async () => {
    const env = await startSim({ workers: 2, control: true });
    try {
      await waitFor(async () => (await worker(env.url, 'kiwi'))?.is_active, 2000, 'kiwi active');
      const paused = await postJson(`${env.url}/__sim/workers/kiwi/pause`, {});
      assert.deepEqual(await paused.json(), { worker_id: 'kiwi', paused: true });
      // 30 s scaled by 0.01.
      await waitFor(async () => (await worker(env.url, 'kiwi'))?.is_active === false, 2000, 'kiwi inactive');
      assert.equal((await worker(env.url, 'NullPointer')).is_active, true);
      const metrics = (await (await fetch(`${env.url}/api/workers/kiwi/metrics`)).json()) as any;
      assert.equal(metrics.is_active, false);
      await postJson(`${env.url}/__sim/workers/kiwi/resume`, {});
      await waitFor(async () => (await worker(env.url, 'kiwi'))?.is_active, 2000, 'kiwi active again');
    } finally {
      await env.dispose();
    }
  });

  it('adds and removes workers, changes the task rate, closes sockets and reports state', async () => {
    const env = await startSim({ workers: 1, control: true });
    try {
      const added = await postJson(`${env.url}/__sim/workers`, { worker_id: 'big-gpu', cpu: 64, memory: 256, storage: 900, gpu: 8 });
      assert.equal(added.status, 201);
      await waitFor(async () => (await worker(env.url, 'big-gpu'))?.total_resources.gpu === 8, 2000, 'big-gpu heartbeating');
      assert.equal((await postJson(`${env.url}/__sim/workers`, { worker_id: 'big-gpu' })).status, 409);

      const client = await openSocket(wsUrl(env.url, '/ws/telemetry'));
      const closed = await postJson(`${env.url}/__sim/sockets/close`, {});
      assert.equal(((await closed.json()) as any).closed, 1);
      assert.equal((await client.closed).code, 1006);

      assert.equal((await fetch(`${env.url}/__sim/workers/big-gpu`, { method: 'DELETE' })).status, 200);
      assert.equal(await worker(env.url, 'big-gpu'), undefined);

      const rate = await postJson(`${env.url}/__sim/task-rate`, { per_minute: 600 });
      assert.deepEqual(await rate.json(), { per_minute: 600 });
      await waitFor(async () => ((await (await fetch(`${env.url}/api/tasks`)).json()) as any).tasks.length > 0, 3000, 'generated task');
      await postJson(`${env.url}/__sim/task-rate`, { per_minute: 0 });
      const generated = ((await (await fetch(`${env.url}/api/tasks`)).json()) as any).tasks[0];
      assert.ok(['cpu-light', 'cpu-heavy', 'memory-heavy', 'gpu-inference', 'gpu-training', 'mixed'].includes(generated.tag));
      assert.equal((await postJson(`${env.url}/__sim/task-rate`, { per_minute: 'x' })).status, 400);

      const state = (await (await fetch(`${env.url}/__sim/state`)).json()) as any;
      assert.equal(state.task_rate_per_minute, 0);
      assert.deepEqual(state.workers.map((entry: { worker_id: string }) => entry.worker_id), ['kiwi']);
    } finally {
      await env.dispose();
    }
  });

  it('does not exist without --control', async () => {
    const env = await startSim({ workers: 1 });
    try {
      const response = await postJson(`${env.url}/__sim/workers/kiwi/pause`, {});
      assert.equal(response.status, 404);
      assert.equal(await response.text(), '404 page not found\n');
      assert.equal((await fetch(`${env.url}/__sim/state`)).status, 404);
    } finally {
      await env.dispose();
    }
  });
});
