import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { simTask, startSim, submitTask, taskStatus, waitFor } from './helpers.ts';

async function worker(url: string, id: string): Promise<any> {
  const { workers } = (await (await fetch(`${url}/api/workers`)).json()) as any;
  return workers.find((entry: { worker_id: string }) => entry.worker_id === id);
}

describe('GPUs', () => {
  it('are 0 on every worker by default, so a GPU task stays pending, while a negative requirement runs', async () => {
    const env = await startSim({ workers: 6, control: true });
    try {
      await waitFor(async () => (await worker(env.url, 'gpu-node-1'))?.is_active, 2000, 'gpu-node-1 connected');
      const listed = await worker(env.url, 'gpu-node-1');
      assert.equal(listed.total_resources.gpu, 0);
      assert.equal(listed.available_resources.gpu, 0);
      assert.equal(listed.gpu_usage, 0);
      const detail = (await (await fetch(`${env.url}/api/workers/gpu-node-1`)).json()) as any;
      assert.equal(detail.worker_info.total_gpu, 0);
      const state = (await (await fetch(`${env.url}/__sim/state`)).json()) as any;
      assert.ok(state.workers.every((entry: { capacity: { gpu: number } }) => entry.capacity.gpu === 0));
      assert.equal(state.quirks.no_gpus, true);

      // 4 cores, so it would not fit next to the 30-core task below even once that one frees a "GPU".
      const gpuTask = await submitTask(env.url, { gpu_required: 1, cpu_required: 4, command: 'sleep 1000' });
      const later = await submitTask(env.url, { command: 'sleep 1000' });
      await waitFor(async () => (await taskStatus(env.url, later)) === 'running', 3000, 'a later task placed');
      assert.deepEqual(
        [await taskStatus(env.url, gpuTask), (await simTask(env.url, gpuTask)).phase],
        ['pending', 'queued'],
      );

      // The master accepts -1 unchecked; it fits anywhere and drives the allocation below zero.
      const negative = await submitTask(env.url, { gpu_required: -1, cpu_required: 30, command: 'sleep 1000' });
      await waitFor(async () => (await taskStatus(env.url, negative)) === 'running', 3000, 'negative GPU task running');
      const { worker_id: host } = await simTask(env.url, negative);
      assert.equal(host, 'gpu-node-1', 'only the 32-core machine fits 30 cores');
      const hosting = await worker(env.url, host!);
      assert.equal(hosting.allocated_resources.gpu, -1);
      assert.equal(hosting.available_resources.gpu, 1);
    } finally {
      await env.dispose();
    }
  });

  it('are reported with --gpu-workers (and --well-behaved), and GPU tasks run', async () => {
    for (const options of [{ gpuWorkers: true }, { wellBehaved: true }]) {
      const env = await startSim({ workers: 6, ...options });
      try {
        // Capacities reach the master with each worker's first heartbeat: wait for both, not just one.
        for (const id of ['gpu-node-1', 'tensor-box']) {
          await waitFor(async () => (await worker(env.url, id))?.is_active, 5000, `${id} connected`);
        }
        assert.equal((await worker(env.url, 'gpu-node-1')).total_resources.gpu, 4, JSON.stringify(options));
        assert.equal((await worker(env.url, 'tensor-box')).total_resources.gpu, 2);
        const taskId = await submitTask(env.url, { gpu_required: 2, command: 'sleep 1000' });
        await waitFor(async () => (await taskStatus(env.url, taskId)) === 'running', 3000, 'GPU task running');
      } finally {
        await env.dispose();
      }
    }
  });

  it('are left out of seeded history that ran on a cluster without GPUs', async () => {
    const env = await startSim({ workers: 6, seedTasks: 200, seedRunning: 30 });
    try {
      const ran = env.sim.context.store.tasks.filter((task) => task.status !== 'pending');
      assert.ok(ran.length > 150);
      assert.ok(ran.every((task) => task.gpu_required === 0));
    } finally {
      await env.dispose();
    }
  });
});
