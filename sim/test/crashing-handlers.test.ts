import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { droppedWithoutResponse, postJson, startSim, submitTask, taskStatus, waitFor, type RunningSim } from './helpers.ts';

async function pendingTask(url: string): Promise<string> {
  // No worker has the 1024 GB an omitted storage_required asks for.
  const response = await postJson(`${url}/api/tasks`, { docker_image: 'alpine', cpu_required: 1, memory_required: 1 });
  return ((await response.json()) as { task_id: string }).task_id;
}

describe('task detail and logs of a task without a result (the master panics)', () => {
  let env: RunningSim;
  before(async () => {
    env = await startSim({ workers: 1 });
  });
  after(() => env.dispose());

  it('drops the connection without a byte for a pending or running task', async () => {
    const pendingId = await pendingTask(env.url);
    const runningId = await submitTask(env.url, { command: 'sleep 1000' });
    await waitFor(async () => (await taskStatus(env.url, runningId)) === 'running', 3000, 'running');
    for (const taskId of [pendingId, runningId]) {
      assert.ok(await droppedWithoutResponse(env.url, `/api/tasks/${taskId}`), `detail of ${taskId}`);
      assert.ok(await droppedWithoutResponse(env.url, `/api/tasks/${taskId}/logs`), `logs of ${taskId}`);
      // What a browser sees: a network error with no response at all.
      await assert.rejects(fetch(`${env.url}/api/tasks/${taskId}`), TypeError);
      await assert.rejects(fetch(`${env.url}/api/tasks/${taskId}/logs`), TypeError);
    }
    assert.equal((await fetch(`${env.url}/api/tasks`)).status, 200, 'the server itself keeps answering');
  });

  it('drops the logs request for an unknown id too, but answers its detail with 404', async () => {
    assert.ok(await droppedWithoutResponse(env.url, '/api/tasks/task-404/logs'));
    const detail = await fetch(`${env.url}/api/tasks/task-404`);
    assert.equal(detail.status, 404);
    assert.equal(await detail.text(), 'Task not found: task not found: task-404\n');
  });

  it('answers both once the task has a result', async () => {
    const taskId = await submitTask(env.url, { command: 'sleep 5; exit 0' });
    await waitFor(async () => (await taskStatus(env.url, taskId)) === 'completed', 5000, 'completed');
    assert.equal((await fetch(`${env.url}/api/tasks/${taskId}`)).status, 200);
    assert.equal((await fetch(`${env.url}/api/tasks/${taskId}/logs`)).status, 200);
  });
});

describe('task detail and logs of a task without a result, --well-behaved', () => {
  it('answers result null and a 404 for the logs instead', async () => {
    const env = await startSim({ workers: 1, wellBehaved: true });
    try {
      const pendingId = await pendingTask(env.url);
      const pending = (await (await fetch(`${env.url}/api/tasks/${pendingId}`)).json()) as any;
      assert.equal(pending.status, 'pending');
      assert.equal(pending.assignment, null);
      assert.equal(pending.result, null);
      const logs = await fetch(`${env.url}/api/tasks/${pendingId}/logs`);
      assert.equal(logs.status, 404);
      assert.equal(await logs.text(), `Logs not found: no result for task ${pendingId}\n`);

      const runningId = await submitTask(env.url, { command: 'sleep 1000' });
      await waitFor(async () => (await taskStatus(env.url, runningId)) === 'running', 3000, 'running');
      const running = (await (await fetch(`${env.url}/api/tasks/${runningId}`)).json()) as any;
      assert.equal(running.assignment.worker_id, 'kiwi');
      assert.equal(running.result, null);
      assert.equal((await fetch(`${env.url}/api/tasks/task-404/logs`)).status, 404);
    } finally {
      await env.dispose();
    }
  });
});
