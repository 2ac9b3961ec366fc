import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulator } from '../src/simulator.ts';
import { FAST, openSocket, postJson, startSim, submitTask, taskStatus, tempDataDir, waitFor, wsUrl, type RunningSim } from './helpers.ts';

async function expectText(response: Response, status: number, text: string): Promise<void> {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(await response.text(), `${text}\n`);
}

describe('a master without a database (--no-db)', () => {
  let env: RunningSim;
  before(async () => {
    env = await startSim({ workers: 2, database: false, control: true });
    await waitFor(() => [...env.sim.context.cluster.workers.values()].every((worker) => worker.telemetry), 2000, 'telemetry of both workers');
  });
  after(() => env.dispose());

  it('has no sign-in routes', async () => {
    for (const path of ['register', 'login', 'logout', 'me']) await expectText(await postJson(`${env.url}/api/auth/${path}`, {}), 404, '404 page not found');
    const state = (await (await fetch(`${env.url}/__sim/state`)).json()) as any;
    assert.equal(state.no_db, true);
    assert.equal(state.auth, false);
  });

  it('accepts and runs a task it can never list, show or replay', async () => {
    const response = await postJson(`${env.url}/api/tasks`, { docker_image: 'python:3.9', cpu_required: 1, memory_required: 1, storage_required: 5, command: 'sleep 5; exit 0', user_id: 'ana' });
    assert.equal(response.status, 201);
    const { task_id: taskId } = (await response.json()) as { task_id: string };
    await waitFor(() => env.sim.context.cluster.findTask(taskId)?.status === 'completed', 5000, 'completed in memory');

    await expectText(await fetch(`${env.url}/api/tasks`), 503, 'Database not available');
    await expectText(await fetch(`${env.url}/api/tasks?status=completed`), 503, 'Database not available');
    await expectText(await fetch(`${env.url}/api/tasks/${taskId}`), 503, 'Database not available');
    await expectText(await fetch(`${env.url}/api/tasks/${taskId}/logs`), 503, 'Database not available');
    await expectText(await fetch(`${env.url}/api/tasks/`), 400, 'Task ID required');

    const client = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));
    assert.equal((await client.closed).code, 1006);
    assert.deepEqual(client.messages, [{ error: 'Failed to get task information: task database not available' }]);

    // The worker still uploaded its output files, and those are read from disk, not from the database.
    const files = (await (await fetch(`${env.url}/api/files?requesting_user=ana&user_id=ana`)).json()) as any;
    assert.deepEqual(files.tasks.map((entry: { task_id: string }) => entry.task_id), [taskId]);
    assert.equal((await fetch(`${env.url}/api/tasks/${taskId}`, { method: 'DELETE' })).status, 200);
  });

  it('refuses worker registration and lists only workers with telemetry, in the reduced shape', async () => {
    await expectText(await postJson(`${env.url}/api/workers`, { worker_id: 'w9', worker_ip: '10.0.0.9:50052' }), 503, 'Worker registration is not available (database not connected)');
    const { workers } = (await (await fetch(`${env.url}/api/workers`)).json()) as any;
    assert.deepEqual(workers.map((worker: { worker_id: string }) => worker.worker_id).sort(), ['NullPointer', 'kiwi']);
    for (const worker of workers) {
      assert.deepEqual(Object.keys(worker).sort(), ['allocated_resources', 'cpu_usage', 'gpu_usage', 'is_active', 'last_update', 'memory_usage', 'running_tasks_count', 'total_resources', 'worker_id']);
      assert.deepEqual(worker.total_resources, { cpu: 0, memory: 0, storage: 0, gpu: 0 });
      assert.deepEqual(worker.allocated_resources, { cpu: 0, memory: 0, storage: 0, gpu: 0 });
      assert.equal(worker.is_active, true);
    }

    const detail = (await (await fetch(`${env.url}/api/workers/kiwi`)).json()) as any;
    assert.equal(detail.worker_id, 'kiwi');
    assert.equal(detail.worker_info, null);
    await expectText(await fetch(`${env.url}/api/workers/kiwi/tasks`), 503, 'Database not available');
    assert.equal((await fetch(`${env.url}/api/workers/kiwi/metrics`)).status, 200);
  });

  it('lists workers as null before any has sent telemetry', async () => {
    const empty = await startSim({ workers: 0, database: false });
    try {
      assert.equal(await (await fetch(`${empty.url}/api/workers`)).text(), '{"workers":null}\n');
    } finally {
      await empty.dispose();
    }
  });
});

describe('--no-db and the data directory', () => {
  it('neither reads nor writes tasks, results or assignments, but keeps the worker registry', async () => {
    const dataDir = tempDataDir();
    try {
      const withDb = createSimulator({ ...FAST, workers: 1, dataDir });
      await withDb.start();
      const storedId = await submitTask(withDb.url, { command: 'sleep 5; exit 0' });
      await waitFor(async () => (await taskStatus(withDb.url, storedId)) === 'completed', 5000, 'completed');
      await withDb.stop();

      const withoutDb = createSimulator({ ...FAST, dataDir, database: false });
      await withoutDb.start();
      assert.equal(withoutDb.context.store.tasks.length, 0, 'no task history without a database');
      assert.deepEqual([...withoutDb.context.cluster.workers.keys()], ['kiwi']);
      await withoutDb.stop();

      const emptyDir = tempDataDir();
      try {
        const fresh = createSimulator({ ...FAST, workers: 1, dataDir: emptyDir, database: false });
        await fresh.start();
        const taskId = await submitTask(fresh.url, { command: 'sleep 5; exit 0' });
        await waitFor(() => fresh.context.cluster.findTask(taskId)?.status === 'completed', 5000, 'completed');
        await fresh.stop();
        for (const name of ['tasks', 'results', 'assignments']) assert.equal(existsSync(join(emptyDir, `${name}.json`)), false, name);
        assert.equal(existsSync(join(emptyDir, 'workers.json')), true);
      } finally {
        rmSync(emptyDir, { recursive: true, force: true });
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
